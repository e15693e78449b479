using VoiceForD365.Cli.Demo.Scenarios;

namespace VoiceForD365.Cli.Demo;

/// <summary>The steps of `vfd demo`, in the order they run. Add a new scenario here.</summary>
public static class DemoScenarios
{
    public static IReadOnlyList<IDemoScenario> All { get; } =
    [
        new OrganizationScenario(),
        new PluginRegistrationScenario(),
        new SampleDataScenario(),
        new SampleQueriesScenario(),
    ];
}
