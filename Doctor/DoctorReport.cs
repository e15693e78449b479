namespace VoiceForD365.Doctor;

/// <summary>What vfd doctor found: one result per check, in the order they ran.</summary>
public sealed class DoctorReport(IReadOnlyList<CheckResult> results)
{
    public IReadOnlyList<CheckResult> Results { get; } = results;

    /// <summary>Nothing failed (warnings allowed): vfd doctor's exit code is 0.</summary>
    public bool Passed => Results.All(r => r.Status != CheckStatus.Failed);

    public int Count(CheckStatus status) => Results.Count(r => r.Status == status);

    /// <summary>The last line vfd doctor prints.</summary>
    public string Summary =>
        $"{Results.Count} {(Results.Count == 1 ? "check" : "checks")}: {Count(CheckStatus.Ok)} ok, {Count(CheckStatus.Warning)} {(Count(CheckStatus.Warning) == 1 ? "warning" : "warnings")}, {Count(CheckStatus.Failed)} failed.";
}
