using System.Text.RegularExpressions;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using VoiceForD365.Cli;
using VoiceForD365.Cli.Doctor;
using VoiceForD365.Cli.Serve;
using VoiceForD365.Core.Enreach;
using VoiceForD365.Core.Schema;
using VoiceForD365.Core.Settings;
using VoiceForD365.Doctor;
using VoiceForD365.Emulator;
using VoiceForD365.LocalOrg;
using VoiceForD365.LocalOrg.Metadata;
using VoiceForD365.LocalOrg.Samples;
using VoiceForD365.Solution.Package;
using VoiceForD365.Solution.Packing;
using Xunit;

namespace VoiceForD365.Tests.Doctor;

/// <summary>
/// `vfd doctor --connection …` through the CLI entry point, over HTTP against the organization `vfd serve` serves (in
/// process, on loopback): healthy, then with one thing wrong at a time, as an administrator could get it wrong.
/// </summary>
public sealed partial class DoctorCommandTests : IDisposable
{
    private const string WidgetUrl = "https://widget.enreach.example/voice/";

    private readonly ServedOrganization _served = ServedOrganization.Start(new ServeOptions { Port = 0 });

    private IOrganizationService Service => _served.Organization.Service;

    public void Dispose() => _served.Dispose();

    private sealed record DoctorRun(int ExitCode, string Output, string Error)
    {
        /// <summary>The check's line: (status, message); fails when there is none or several.</summary>
        public (string Status, string Message) Line(string check)
        {
            var lines = LinePattern().Matches(Output).Where(m => m.Groups[2].Value == check).ToList();
            Assert.True(lines.Count == 1, $"expected one line for {check}:\n{Output}");
            return (lines[0].Groups[1].Value, lines[0].Groups[3].Value.TrimEnd());
        }

        public IReadOnlyList<(string Check, string Status)> Lines =>
            LinePattern().Matches(Output).Select(m => (m.Groups[2].Value, m.Groups[1].Value)).ToList();
    }

    private DoctorRun Doctor(string? connectionString = null)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = VfdCli.Run(["doctor", "--connection", connectionString ?? _served.Server.ConnectionString], output, error);
        return new DoctorRun(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>What an administrator does after the import: the widget address Enreach gave, on both channel providers.</summary>
    private void SetWidgetAddress()
    {
        Service.Update(new Entity(CiProvider.EntityName, VoiceForD365Data.CiProviderId) { [CiProvider.LandingUrl] = WidgetUrl });
        Service.Update(new Entity(ChannelProvider.EntityName, VoiceForD365Data.ChannelProviderId) { [ChannelProvider.ChannelUrl] = WidgetUrl });
    }

    /// <summary>Asserts that the named check failed and every other one is ok; returns the failed line's message.</summary>
    private static string OnlyFailure(DoctorRun run, string check)
    {
        Assert.Equal(1, run.ExitCode);
        Assert.All(run.Lines.Where(l => l.Check != check), l => Assert.True(l.Status == "ok", $"{l.Check} is {l.Status}:\n{run.Output}"));
        var (status, message) = run.Line(check);
        Assert.Equal("failed", status);
        return message;
    }

    private Entity Setting(string name) => Service.Retrieve(VoiceSetting.EntityName, SettingCatalog.Find(name)!.Id, new ColumnSet(true));

    [Fact]
    public void HealthyOrganization_Should_ExitZeroWithEveryLineOk()
    {
        SetWidgetAddress();

        var run = Doctor();

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        Assert.Equal(OrganizationDoctor.CheckNames, run.Lines.Select(l => l.Check));
        Assert.All(run.Lines, l => Assert.True(l.Status == "ok", $"{l.Check} is {l.Status}:\n{run.Output}"));
        Assert.Matches(@"^ok\s+Connection: organization 'localorg' \(0f6c41a4-[^)]+\), Dataverse 9\.2\.0\.0; signed in as 'Local Administrator'", run.Output.Split('\n')[1]);
        Assert.Contains($"'Voice for Dynamics 365' {SolutionIdentity.Version} (managed), the version of this vfd", run.Line("Solution").Message);
        Assert.Contains($"the Enreach User Id of '{ServedOrganization.ApplicationUserName}'", run.Line(SettingNames.DefaultCrmAssignee).Message);
        Assert.Contains($"'{ServedOrganization.ApplicationUserName}' ({_served.ApplicationUser.Id}) holds {Role.VoiceApiUser}", run.Line("Application user").Message);
        Assert.Matches(@"listed \d+ users \(\d+ ms", run.Line("Enreach users").Message);
        Assert.Contains($"channel URL {WidgetUrl}", run.Line("CIF 2.0 provider").Message);
        Assert.EndsWith($"{OrganizationDoctor.CheckNames.Count} checks: {OrganizationDoctor.CheckNames.Count} ok, 0 warnings, 0 failed.", run.Output.TrimEnd());
    }

    [Fact]
    public void FreshServe_Should_PassWithTheWidgetPlaceholderAsItsOnlyWarnings()
    {
        var run = Doctor();

        Assert.Equal(0, run.ExitCode);
        Assert.Equal([("CIF 1.0 provider", "warning"), ("CIF 2.0 provider", "warning")], run.Lines.Where(l => l.Status != "ok"));
        Assert.Contains($"the package's placeholder channel URL ({VoiceForD365Data.WidgetUrlPlaceholder})", run.Line("CIF 1.0 provider").Message);
    }

    [Fact]
    public void NoDefaultCrmAssignee_Should_FailItsLineWithWhatToDo()
    {
        SetWidgetAddress();
        var setting = Setting(SettingNames.DefaultCrmAssignee);
        Service.Update(new Entity(VoiceSetting.EntityName, setting.Id) { [VoiceSetting.Value] = null });

        var message = OnlyFailure(Doctor(), SettingNames.DefaultCrmAssignee);

        Assert.StartsWith("DefaultCrmAssignee is not set. " + DefaultCrmAssigneeCheck.HowToFix, message);
    }

    [Fact]
    public void DefaultCrmAssigneeThatIsNoUsersEnreachId_Should_FailItsLine()
    {
        SetWidgetAddress();
        var stranger = Guid.NewGuid();
        Service.Update(new Entity(VoiceSetting.EntityName, Setting(SettingNames.DefaultCrmAssignee).Id) { [VoiceSetting.Value] = stranger.ToString() });

        var message = OnlyFailure(Doctor(), SettingNames.DefaultCrmAssignee);

        Assert.StartsWith($"DefaultCrmAssignee is {stranger}, but no Dynamics user has that Enreach User Id.", message);
    }

    [Fact]
    public void SecondApplicationUserWithVoiceApiUserThroughATeam_Should_FailNamingBoth()
    {
        SetWidgetAddress();
        var builder = _served.Organization.Builder;
        var second = builder.CreateApplicationUser("Old Sync", Guid.NewGuid());
        builder.AddToTeam(builder.CreateTeam("Integrations", Role.VoiceApiUser), second);

        var message = OnlyFailure(Doctor(), "Application user");

        Assert.StartsWith($"2 enabled application users hold the {Role.VoiceApiUser} security role (", message);
        Assert.Contains($"'{ServedOrganization.ApplicationUserName}' ({_served.ApplicationUser.Id})", message);
        Assert.Contains($"'Old Sync' ({second.Id})", message);
        Assert.Contains("Remove the role from all but the application user the Enreach sync signs in as.", message);
    }

    [Fact]
    public void WrongEnreachSecret_Should_FailTheUsersRequestWithoutShowingASecret()
    {
        SetWidgetAddress();
        const string wrongSecret = "renewed-secret-0123456789";
        EnvironmentVariableValues.Set(Service, EnreachEnvironmentVariables.ApiSecret, wrongSecret);

        var run = Doctor();

        var message = OnlyFailure(run, "Enreach users");
        Assert.StartsWith($"Enreach rejected the credentials of the API user {_served.Enreach.ApiUserName} (401 Unauthorized", message);
        Assert.Contains("secret (set)", run.Line("Enreach settings").Message);
        Assert.DoesNotContain(wrongSecret, run.Output + run.Error);
        Assert.DoesNotContain(_served.Enreach.ApiSecret, run.Output + run.Error);
    }

    [Fact]
    public void DisabledPluginStep_Should_FailNamingTheStep()
    {
        SetWidgetAddress();
        var step = _served.Organization.Steps.First(s => s.Declaration.Table == SystemUser.EntityName);
        // As an administrator disables a step: its state.
        Service.Update(new Entity(SdkMessageProcessingStep.EntityName, step.Id)
        {
            [SdkMessageProcessingStep.StateCode] = new OptionSetValue(SdkMessageProcessingStep.StateDisabled),
            [SdkMessageProcessingStep.StatusCode] = new OptionSetValue(SdkMessageProcessingStep.StatusDisabled),
        });

        var message = OnlyFailure(Doctor(), "Plug-in steps");

        Assert.StartsWith($"disabled: {step.Name} ({step.Declaration.Stage}, {step.Declaration.Mode}). Enable it (Plug-in Registration Tool: select the step, Enable)", message);
    }

    [Fact]
    public void DeactivatedCallbackProcess_Should_FailNamingIt()
    {
        SetWidgetAddress();
        var process = Assert.Single(_served.Organization.Processes);
        Service.Update(new Entity(Workflow.EntityName, process.Definition.Id)
        {
            [Workflow.StateCode] = new OptionSetValue(Workflow.StateDraft),
            [Workflow.StatusCode] = new OptionSetValue(Workflow.StatusDraft),
        });

        var message = OnlyFailure(Doctor(), "Processes");

        Assert.StartsWith($"'{process.Name}' is not activated: activate it", message);
    }

    [Fact]
    public void MissingCifProvider_Should_FailSayingHowToCreateIt()
    {
        SetWidgetAddress();
        Service.Delete(CiProvider.EntityName, VoiceForD365Data.CiProviderId);

        var message = OnlyFailure(Doctor(), "CIF 1.0 provider");

        Assert.StartsWith($"there is no {CiProvider.EntityName} record '{VoiceForD365Data.ChannelProviderName}': the package's configuration data was not imported", message);
    }

    [Fact]
    public void SettingSavedPastTheValidation_Should_FailTheSettingsLine()
    {
        SetWidgetAddress();
        // A value the validation refuses, saved while its step was off (or before the rule existed).
        var validation = _served.Organization.Steps.Where(s => s.Declaration.Table == VoiceSetting.EntityName).ToList();
        Assert.NotEmpty(validation);
        foreach (var step in validation) SetStep(step.Id, SdkMessageProcessingStep.StateDisabled);
        Service.Update(new Entity(VoiceSetting.EntityName, Setting(SettingNames.CallStartMargin).Id) { [VoiceSetting.Value] = "fifteen" });
        foreach (var step in validation) SetStep(step.Id, SdkMessageProcessingStep.StateEnabled);

        var message = OnlyFailure(Doctor(), "Settings");

        Assert.StartsWith($"The Voice for D365 setting {SettingNames.CallStartMargin} must be a whole number from 0 to 86400, but its Value is 'fifteen'.", message);
    }

    [Fact]
    public void DeletedSetting_Should_WarnThatItsDefaultApplies()
    {
        SetWidgetAddress();
        Service.Delete(VoiceSetting.EntityName, SettingCatalog.Find(SettingNames.EnableAudit)!.Id);

        var run = Doctor();

        Assert.Equal(0, run.ExitCode);
        var (status, message) = run.Line("Settings");
        Assert.Equal("warning", status);
        Assert.StartsWith($"missing, so the default applies: {SettingNames.EnableAudit} (default 'True'). Run the package again", message);
    }

    [Fact]
    public void WrongToken_Should_FailTheConnectionAndCheckNothingElse()
    {
        var run = Doctor($"AuthType=Bearer;Url={_served.Server.BaseUrl};Token=not-the-token");

        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.Lines);
        Assert.Equal(("Connection", "failed"), line);
        Assert.Contains("the organization did not answer WhoAmI:", run.Line("Connection").Message);
        Assert.Contains("Nothing else was checked.", run.Output);
        Assert.DoesNotContain("not-the-token", run.Output);
        Assert.EndsWith("1 check: 0 ok, 0 warnings, 1 failed.", run.Output.TrimEnd());
    }

    [Fact]
    public void NoConnectionString_Should_SayHowToGiveOne()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = DoctorCommand.Run(null, output, error);

        Assert.Equal(1, exitCode);
        Assert.Contains($"--connection \"AuthType=…;Url=…;…\" or in the environment variable {ConnectionOption.Variable}", error.ToString());
    }

    [Fact]
    public void InstalledSolutionOlderThanThisBuild_Should_WarnToUpgrade()
    {
        SetWidgetAddress();
        using var output = new StringWriter();

        var exitCode = DoctorCommand.Run(_served.Server.ConnectionString, output, output, new DoctorOptions { SolutionVersion = "9.9.0.0" });

        Assert.Equal(0, exitCode);
        Assert.Matches(@"warning Solution: 'Voice for Dynamics 365' \S+ \(managed\) is installed; this vfd is 9\.9\.0\.0\. Upgrade the organization with this version's package", output.ToString());
    }

    [Fact]
    public void EndpointLeftToDiscovery_Should_DiscoverItAndListTheUsers()
    {
        SetWidgetAddress();
        EnvironmentVariableValues.Set(Service, EnreachEnvironmentVariables.ApiEndpoint, "");
        using var output = new StringWriter();

        var exitCode = DoctorCommand.Run(_served.Server.ConnectionString, output, output, new DoctorOptions { EnreachDiscoveryUrl = _served.Enreach.DiscoveryUrl });

        Assert.True(exitCode == 0, output.ToString());
        Assert.Matches($@"ok      Enreach discovery: API endpoint {Regex.Escape(_served.Enreach.ApiEndpoint.ToString())} for {Regex.Escape(_served.Enreach.ApiUserName)} \(\d+ ms, 127\.0\.0\.1\)", output.ToString());
        Assert.Matches(@"ok      Enreach users: Enreach accepted the API user \S+ and listed \d+ users", output.ToString());
        Assert.Equal(1, _served.Enreach.Requests.Count(EnreachEmulatorEndpoint.Discovery));
    }

    [Fact]
    public void OrganizationWithoutChannelIntegration_Should_SayCifIsNotInstalled()
    {
        var organization = new LocalOrganization(new LocalOrganizationOptions { Metadata = OrganizationMetadata.WithSolution(channelIntegration: false) });
        using var server = LocalOrgServer.LocalOrgServer.Start(organization);

        var run = Doctor(server.ConnectionString);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(("failed", $"Channel Integration Framework 1.0 is not installed: the organization has no {CiProvider.EntityName} table. Install it (configuration guide 1.1), then run the package again so its configuration data creates the provider."),
            run.Line("CIF 1.0 provider"));
        Assert.StartsWith($"Channel Integration Framework 2.0 is not installed: the organization has no {ChannelProvider.EntityName} table.", run.Line("CIF 2.0 provider").Message);
    }

    private void SetStep(Guid id, int state) =>
        Service.Update(new Entity(SdkMessageProcessingStep.EntityName, id) { [SdkMessageProcessingStep.StateCode] = new OptionSetValue(state) });

    [GeneratedRegex(@"^(ok|warning|failed)\s+([^:\r\n]+): (.*)$", RegexOptions.Multiline)]
    private static partial Regex LinePattern();
}
