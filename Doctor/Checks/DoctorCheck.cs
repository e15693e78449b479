namespace VoiceForD365.Doctor.Checks;

/// <summary>One check: one line of the report.</summary>
internal abstract class DoctorCheck(string name)
{
    /// <summary>What the line is about, e.g. "Connection".</summary>
    public string Name { get; } = name;

    /// <summary>Whether the check reads what the solution installs (without it, it is not run and says so).</summary>
    public virtual bool NeedsSolution => true;

    public abstract CheckResult Run(DoctorContext context);

    protected CheckResult Ok(string message) => CheckResult.Ok(Name, message);

    protected CheckResult Warning(string message) => CheckResult.Warning(Name, message);

    protected CheckResult Failed(string message) => CheckResult.Failed(Name, message);
}
