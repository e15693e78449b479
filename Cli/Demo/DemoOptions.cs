namespace VoiceForD365.Cli.Demo;

/// <summary>What `vfd demo` runs and how much it prints.</summary>
public sealed record DemoOptions
{
    /// <summary>The sections to run, by name; empty: all of them.</summary>
    public IReadOnlyList<string> Sections { get; init; } = [];

    /// <summary>Also print request counts, plug-in traces and every table (<see cref="DemoContext.Detail"/>).</summary>
    public bool Verbose { get; init; }
}
