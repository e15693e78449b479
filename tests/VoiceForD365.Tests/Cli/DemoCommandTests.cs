using System.Text.RegularExpressions;
using Microsoft.Xrm.Sdk;
using VoiceForD365.Cli;
using VoiceForD365.Cli.Demo;
using VoiceForD365.Core.Schema;
using VoiceForD365.LocalOrg;
using VoiceForD365.LocalOrg.Samples;
using Xunit;

namespace VoiceForD365.Tests.Cli;

public class DemoCommandTests
{
    private static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = VfdCli.Run(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    [Fact]
    public void Demo_Should_ExitZeroAndReportEverySeededRecord()
    {
        var (exitCode, output, error) = Run("demo");

        Assert.True(exitCode == 0, $"exit code {exitCode}: {error}");
        Assert.Empty(error);
        // The same sample data, seeded into an organization of our own: names and details are what the demo must list.
        var expected = SampleData.Seed(new LocalOrganization().Service).Records;
        Assert.NotEmpty(expected);
        foreach (var record in expected)
            Assert.Matches(new Regex($@"^\s*{Regex.Escape(record.Table)}\s+{Regex.Escape(record.Name)}\s+{Regex.Escape(record.Details)}\s*$", RegexOptions.Multiline), output);
        Assert.Contains($"Seeded {expected.Count} records", output);
    }

    [Fact]
    public void Demo_Should_ReportImportedSolutionTablesAndPluginSteps()
    {
        var (_, output, _) = Run("demo");

        Assert.Contains(VoiceSetting.EntityName, output);
        Assert.Contains(CallbackProfile.EntityName, output);
        Assert.Contains(PhoneCall.EnreachCallIdKey, output);
        Assert.Matches(@"VoiceForD365\.Plugins \S+: \d+ plug-in steps?", output);
    }

    [Fact]
    public void Demo_Should_PrintTheSampleQueryResultsAndRequestCount()
    {
        var (exitCode, output, _) = Run("demo");

        Assert.Equal(0, exitCode);
        Assert.Contains("Contacts with their account (contact parentcustomerid -> account, inner join), by name: 4 rows", output);
        Assert.Matches(new Regex(@"^\s+Liisa Mäkinen\s+\+358 9 4242 1001\s+Contoso Oy\s+\+358 9 4242 1000\s*$", RegexOptions.Multiline), output);
        Assert.Matches(new Regex(@"^\s+Erik Johansson\s+\+46 8 5550 1001\s+Fabrikam AB\s+\+46 8 5550 1000\s*$", RegexOptions.Multiline), output);
        Assert.Contains($"Accounts whose main phone begins with \"{SampleData.HelsinkiSwitchboardPrefix}\": 2 rows", output);
        Assert.Matches(new Regex(@"^\s+Aino Virtanen\s+directly\s*$", RegexOptions.Multiline), output);
        Assert.Matches(new Regex(@"^\s+Mikko Korhonen\s+through a team\s*$", RegexOptions.Multiline), output);
        Assert.DoesNotMatch(new Regex(@"^\s+Sara Lindqvist\s+(directly|through a team)", RegexOptions.Multiline), output);
        Assert.Matches(@"Done: \d+ steps, \d+ requests \(.*Create \d+.*\) in all", output);
    }

    [Fact]
    public void Demo_Should_ShowTheEnreachUserIdOfEachTriggerAndTheButtonsCounts_WithNoFailedBackgroundJob()
    {
        var (exitCode, output, error) = Run("demo");

        Assert.True(exitCode == 0, $"exit code {exitCode}: {error}");
        var heading = Regex.Match(output, @"^\d+\. Enreach user ids\r?$", RegexOptions.Multiline);
        Assert.True(heading.Success, "the demo has no Enreach user ids step");
        var section = output[heading.Index..];
        string Line(string text) => $@"^\s+{text}\r?$";
        void Trigger(string label, string user, Guid? before, Guid after, string enreach) =>
            Assert.Matches(new Regex(
                $@"^\s+\({label}\) [^\n]*\n\s+{Regex.Escape(user)}: Enreach User Id {Regex.Escape(before?.ToString() ?? "(none)")} -> {after}[^\n]*\n(\s+plug-in trace: [^\n]*\n)*\s+Enreach: {Regex.Escape(enreach)};",
                RegexOptions.Multiline), section);

        Trigger("a", "Sara Lindqvist", null, DemoEnreach.SaraId, "1 request (GET /users 1)");
        Trigger("b", "Eero Salminen", null, DemoEnreach.EeroId, "1 request (GET /users 1)");
        Trigger("c", "Aino Virtanen", DemoEnreach.AinoId, DemoEnreach.AinoNewEmailId, "1 request (GET /users 1)");
        Trigger("d", "Aino Laine", DemoEnreach.AinoNewEmailId, DemoEnreach.AinoNewEmailId, "0 requests");

        var button = section[section.IndexOf("(e) ", StringComparison.Ordinal)..];
        foreach (var count in new[] { "Updated: 1", "Unchanged: 2", "Cleared: 1", "Not found: 1", "Ambiguous: 1" })
            Assert.Matches(new Regex(Line(count), RegexOptions.Multiline), button);
        Assert.Contains("2 Enreach users have the email helmi.koskinen@contoso.test", button);
        Assert.Contains($"no Enreach user has the email {DemoEnreach.OttoEmail}.", button);
        Assert.Contains($"the previous Enreach user id {DemoEnreach.MikkoId} was cleared", button);
        Assert.Matches(new Regex(Line(@"Enreach: 1 request \(GET /users 1\); Dataverse: .*vfd_UpdateEnreachUserIds 1.*"), RegexOptions.Multiline), button);
        Assert.Matches(new Regex(Line($@"Sara Lindqvist\s+{DemoEnreach.SaraId}\s+{DemoEnreach.SaraRecreatedId}\s+written"), RegexOptions.Multiline), button);
        Assert.Matches(new Regex(Line($@"Mikko Korhonen\s+{DemoEnreach.MikkoId}\s+\(none\)\s+written"), RegexOptions.Multiline), button);

        // Every background job of the whole demo succeeded: the plug-ins found the Enreach settings from the start.
        Assert.DoesNotMatch(new Regex(@"^\s+failed: ", RegexOptions.Multiline), output);
        Assert.DoesNotMatch(new Regex(@"Background jobs: \d+ succeeded, [1-9]", RegexOptions.Multiline), output);
        Assert.Matches(new Regex(@"^Done: .*; (\d+) background jobs: \1 succeeded, 0 failed\.\r?$", RegexOptions.Multiline), output);
    }

    [Fact]
    public void UnknownCommand_Should_ExitNonZeroNamingIt()
    {
        var (exitCode, _, error) = Run("no-such-command");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("no-such-command", error);
    }

    [Fact]
    public void NoCommand_Should_ExitNonZero()
    {
        var (exitCode, _, _) = Run();

        Assert.NotEqual(0, exitCode);
    }

    [Fact]
    public void FailingScenario_Should_StopTheDemoWithNonZeroExitAndTheFault()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = DemoRunner.Run([new UnknownTableScenario(), new NeverRunScenario()], output, error);

        Assert.Equal(1, exitCode);
        Assert.Contains("vfd demo failed in step 1 (Create in a table that does not exist)", error.ToString());
        Assert.Contains("new_unknown", error.ToString());
        Assert.DoesNotContain("never run", output.ToString());
    }

    private sealed class UnknownTableScenario : IDemoScenario
    {
        public string Title => "Create in a table that does not exist";

        public void Run(DemoContext context) => context.Organization.Service.Create(new Entity("new_unknown"));
    }

    private sealed class NeverRunScenario : IDemoScenario
    {
        public string Title => "never run";

        public void Run(DemoContext context) => throw new InvalidOperationException("The demo ran a step after a failed one.");
    }
}
