namespace VoiceForD365.Doctor;

/// <summary>One line of the report: what was checked, how it came out, and what was found (for a warning or a failure: what to do).</summary>
public sealed record CheckResult(string Check, CheckStatus Status, string Message)
{
    public static CheckResult Ok(string check, string message) => new(check, CheckStatus.Ok, message);

    public static CheckResult Warning(string check, string message) => new(check, CheckStatus.Warning, message);

    public static CheckResult Failed(string check, string message) => new(check, CheckStatus.Failed, message);

    /// <summary>The status as the report prints it: ok, warning, failed.</summary>
    public string StatusText => Status switch
    {
        CheckStatus.Ok => "ok",
        CheckStatus.Warning => "warning",
        _ => "failed",
    };

    /// <summary>The line as vfd doctor prints it: <c>ok      Connection: …</c>.</summary>
    public override string ToString() => $"{StatusText,-7} {Check}: {Message}";
}
