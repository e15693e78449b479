using VoiceForD365.Core.Enreach;
using VoiceForD365.LocalOrg.Samples;

namespace VoiceForD365.Cli.Demo.Scenarios;

/// <summary>
/// Starts the Enreach emulator on loopback with the demo's users and points the solution's environment variables at
/// it, before any sample user exists: the Enreach user id plug-ins that seeding triggers find their settings.
/// </summary>
public sealed class EnreachEmulatorScenario : IDemoScenario
{
    public string Title => "Enreach emulator and the Enreach environment variables";

    public void Run(DemoContext context)
    {
        var output = context.Output;
        var enreach = DemoEnreach.Start();
        context.Enreach = enreach;
        output.WriteLine($"  Enreach emulator on loopback: {enreach.BaseUrl} (API endpoint {enreach.ApiEndpoint}, API user {enreach.ApiUserName})");
        output.WriteLine($"  Seeded {DemoRunner.Plural(DemoEnreach.Users.Count, "Enreach user")} besides the API user:");
        TextTable.Write(output, ["user name (email)", "Enreach user id", "for"],
            DemoEnreach.Users.Select(u => (IReadOnlyList<string>)[u.UserName, u.Id.ToString(), u.Purpose]), "    ");
        output.WriteLine($"  Not in Enreach on purpose: {DemoEnreach.OttoEmail} (Otto Mäkelä, a Voice user Enreach does not know).");

        EnvironmentVariableValues.SetEnreach(context.Organization.Service, enreach.ApiUserName, enreach.ApiSecret, enreach.ApiEndpoint);
        output.WriteLine();
        output.WriteLine("  Environment variable values set (environmentvariablevalue rows for the solution's definitions):");
        TextTable.Write(output, ["variable", "value"],
        [
            [EnreachEnvironmentVariables.ApiUserName, enreach.ApiUserName],
            [EnreachEnvironmentVariables.ApiSecret, "(secret; never shown)"],
            [EnreachEnvironmentVariables.ApiEndpoint, enreach.ApiEndpoint.ToString()],
            [EnreachEnvironmentVariables.TimeBudgetSeconds, "(not set: the default budget)"],
        ], "    ");
    }
}
