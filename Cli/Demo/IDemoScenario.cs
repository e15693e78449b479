namespace VoiceForD365.Cli.Demo;

/// <summary>
/// One step of `vfd demo`: it does something on the local organization and writes what happened. Steps run in the
/// order of <see cref="DemoScenarios.All"/>, sharing one <see cref="DemoContext"/>; a later issue adds its scenario
/// by writing a class and putting it in that list.
/// </summary>
public interface IDemoScenario
{
    /// <summary>The heading printed above the step's output.</summary>
    string Title { get; }

    /// <summary>Runs the step, writing to <see cref="DemoContext.Output"/>. An exception stops the demo with a non-zero exit code.</summary>
    void Run(DemoContext context);
}
