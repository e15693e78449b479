namespace VoiceForD365.Cli.Demo;

/// <summary>
/// One section of `vfd demo`: it does something on the local organization and writes what happened. Sections are found
/// in this assembly and run by <see cref="Order"/>, sharing one <see cref="DemoContext"/>: a later issue adds its
/// section by writing one class (a public class with a parameterless constructor implementing this interface).
/// </summary>
public interface IDemoScenario
{
    /// <summary>The section's name on the command line (`vfd demo &lt;name&gt;`): lower case, words joined by '-'.</summary>
    string Name { get; }

    /// <summary>The heading printed above the section's output.</summary>
    string Title { get; }

    /// <summary>What the section shows, in one line (the demo's overview and `vfd demo --list`).</summary>
    string Summary { get; }

    /// <summary>Where the section runs among the others: ascending. Leave gaps (10, 20, ...) for sections to come.</summary>
    int Order { get; }

    /// <summary>Sections whose results this one uses (the emulator, the sample data): run first, without output, when this one runs alone.</summary>
    IReadOnlyList<Type> Requires => [];

    /// <summary>The README section that explains what this one shows, named in the demo's summary; null when none.</summary>
    string? ReadMore => null;

    /// <summary>
    /// Runs the section. It writes to <see cref="DemoContext.Output"/> what a person reads, to
    /// <see cref="DemoContext.Detail"/> what only --verbose shows (request counts, traces, every table) and to
    /// <see cref="DemoContext.Brief"/> the short form of such detail, and tells the summary what happened with
    /// <see cref="DemoContext.Conclude"/>. An exception stops the demo with a non-zero exit code.
    /// </summary>
    void Run(DemoContext context);
}
