using VoiceForD365.Cli.Demo.Scenarios;

namespace VoiceForD365.Cli.Demo;

/// <summary>The steps of `vfd demo`, in the order they run. Add a new scenario here.</summary>
public static class DemoScenarios
{
    public static IReadOnlyList<IDemoScenario> All { get; } =
    [
        new OrganizationScenario(),
        new PluginRegistrationScenario(),
        // Before the sample data: seeding it assigns the Voice User role, and the plug-ins need Enreach's settings.
        new EnreachEmulatorScenario(),
        new SampleDataScenario(),
        new SampleQueriesScenario(),
        new EnreachUserIdsScenario(),
        new CallbackProfilesScenario(),
    ];
}
