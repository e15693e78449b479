using VoiceForD365.Core.Enreach;
using VoiceForD365.LocalOrg.Samples;

namespace VoiceForD365.Cli.Demo.Scenarios;

/// <summary>
/// Starts the Enreach emulator on loopback with the demo's users and points the solution's environment variables at
/// it, before any sample user exists: the Enreach user id plug-ins that seeding triggers find their settings.
/// </summary>
public sealed class EnreachEmulatorScenario : IDemoScenario
{
    public string Name => "enreach";

    public string Title => "Enreach emulator and the Enreach environment variables";

    public string Summary => "the Enreach API emulated on loopback, and the environment variables that point at it";

    public int Order => 30;

    public string ReadMore => "Enreach user ids (SPEC C2)";

    public void Run(DemoContext context)
    {
        var output = context.Output;
        var detail = context.Detail;
        var enreach = DemoEnreach.Start();
        context.Enreach = enreach;
        output.WriteLine($"  Enreach emulator on loopback: {enreach.BaseUrl} (API endpoint {enreach.ApiEndpoint}, API user {enreach.ApiUserName})");
        context.Brief.WriteLine($"  Seeded {DemoRunner.Plural(DemoEnreach.Users.Count, "Enreach user")} besides the API user; not in Enreach on purpose: {DemoEnreach.OttoEmail}.");
        detail.WriteLine($"  Seeded {DemoRunner.Plural(DemoEnreach.Users.Count, "Enreach user")} besides the API user:");
        TextTable.Write(detail, ["user name (email)", "Enreach user id", "for"],
            DemoEnreach.Users.Select(u => (IReadOnlyList<string>)[u.UserName, u.Id.ToString(), u.Purpose]), "    ");
        detail.WriteLine($"  Not in Enreach on purpose: {DemoEnreach.OttoEmail} (Otto Mäkelä, a Voice user Enreach does not know).");

        EnvironmentVariableValues.SetEnreach(context.Organization.Service, enreach.ApiUserName, enreach.ApiSecret, enreach.ApiEndpoint);
        context.Brief.WriteLine($"  Environment variables {EnreachEnvironmentVariables.ApiUserName}, {EnreachEnvironmentVariables.ApiSecret} (never shown) and {EnreachEnvironmentVariables.ApiEndpoint} set to it.");
        detail.WriteLine();
        detail.WriteLine("  Environment variable values set (environmentvariablevalue rows for the solution's definitions):");
        TextTable.Write(detail, ["variable", "value"],
        [
            [EnreachEnvironmentVariables.ApiUserName, enreach.ApiUserName],
            [EnreachEnvironmentVariables.ApiSecret, "(secret; never shown)"],
            [EnreachEnvironmentVariables.ApiEndpoint, enreach.ApiEndpoint.ToString()],
            [EnreachEnvironmentVariables.TimeBudgetSeconds, "(not set: the default budget)"],
        ], "    ");
        context.Conclude($"emulator on {enreach.BaseUrl} with {DemoRunner.Plural(DemoEnreach.Users.Count, "user")}; the Enreach environment variables point at it");
    }
}
