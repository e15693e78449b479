using System.Text.RegularExpressions;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
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
    public void DemoVerbose_Should_ExitZeroAndReportEverySeededRecord()
    {
        var (exitCode, output, error) = Run("demo", "--verbose");

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
    public void DemoVerbose_Should_ReportImportedSolutionTablesAndPluginSteps()
    {
        var (_, output, _) = Run("demo", "--verbose");

        Assert.Contains(VoiceSetting.EntityName, output);
        Assert.Contains(CallbackProfile.EntityName, output);
        Assert.Contains(PhoneCall.EnreachCallEventKey, output);
        Assert.Matches(@"VoiceForD365\.Plugins \S+: \d+ plug-in steps?", output);
    }

    [Fact]
    public void DemoVerbose_Should_PrintTheSampleQueryResultsAndRequestCount()
    {
        var (exitCode, output, _) = Run("demo", "--verbose");

        Assert.Equal(0, exitCode);
        Assert.Contains("Contacts with their account (contact parentcustomerid -> account, inner join), by name: 4 rows", output);
        Assert.Matches(new Regex(@"^\s+Liisa Mäkinen\s+\+358 9 4242 1001\s+Contoso Oy\s+\+358 9 4242 1000\s*$", RegexOptions.Multiline), output);
        Assert.Matches(new Regex(@"^\s+Erik Johansson\s+\+46 8 5550 1001\s+Fabrikam AB\s+\+46 8 5550 1000\s*$", RegexOptions.Multiline), output);
        Assert.Contains($"Accounts whose main phone begins with \"{SampleData.HelsinkiSwitchboardPrefix}\": 2 rows", output);
        Assert.Matches(new Regex(@"^\s+Aino Virtanen\s+directly\s*$", RegexOptions.Multiline), output);
        Assert.Matches(new Regex(@"^\s+Mikko Korhonen\s+through a team\s*$", RegexOptions.Multiline), output);
        Assert.DoesNotMatch(new Regex(@"^\s+Sara Lindqvist\s+(directly|through a team)", RegexOptions.Multiline), output);
        Assert.Matches(@"Done: \d+ sections, \d+ requests \(.*Create \d+.*\) in all", output);
    }

    [Fact]
    public void DemoVerbose_Should_ShowTheEnreachUserIdOfEachTriggerAndTheButtonsCounts_WithNoFailedBackgroundJob()
    {
        var (exitCode, output, error) = Run("demo", "--verbose");

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
        Assert.Contains("vfd demo failed in section 1 (Create in a table that does not exist)", error.ToString());
        Assert.Contains("new_unknown", error.ToString());
        Assert.DoesNotContain("never run", output.ToString());
    }

    private sealed class UnknownTableScenario : IDemoScenario
    {
        public string Name => "unknown-table";

        public string Title => "Create in a table that does not exist";

        public string Summary => "a create the local organization refuses";

        public int Order => 10;

        public void Run(DemoContext context) => context.Organization.Service.Create(new Entity("new_unknown"));
    }

    private sealed class NeverRunScenario : IDemoScenario
    {
        public string Name => "never-run";

        public string Title => "never run";

        public string Summary => "a section after a failed one";

        public int Order => 20;

        public void Run(DemoContext context) => throw new InvalidOperationException("The demo ran a step after a failed one.");
    }

    // Issue 9: the demo as a person reads it.

    private static readonly string[] SectionNames = DemoScenarios.All.Select(s => s.Name).ToArray();

    public static TheoryData<string> Sections => new(SectionNames);

    private static string[] Lines(string output) => output.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();

    [Fact]
    public void Demo_Should_FitOnTwoScreens_WithAnOverviewFirst_AndASummaryWithWhereToReadMoreLast()
    {
        var (exitCode, output, error) = Run("demo");

        Assert.True(exitCode == 0, $"exit code {exitCode}: {error}");
        var lines = Lines(output.TrimEnd());
        // Two screens of 60 lines: eight sections, each a few lines but for its one table.
        Assert.True(lines.Length <= 120, $"{lines.Length} lines:\n{output}");
        var firstHeading = Array.FindIndex(lines, l => Regex.IsMatch(l, @"^1\. "));
        var overview = lines[..firstHeading];
        Assert.All(DemoScenarios.All, s => Assert.Contains(overview, l => Regex.IsMatch(l, $@"^\s+{Regex.Escape(s.Name)}\s+{Regex.Escape(s.Summary)}$")));
        var summary = lines[Array.LastIndexOf(lines, "Summary")..];
        Assert.All(DemoScenarios.All, s => Assert.Contains(summary, l => Regex.IsMatch(l, $@"^\s+{Regex.Escape(s.Name)}\s+\S")));
        Assert.Contains(summary, l => l.StartsWith("Read more in README.md: ", StringComparison.Ordinal) && l.Contains("\"Enreach user ids (SPEC C2)\""));
        Assert.Matches(new Regex($@"^Done: {DemoScenarios.All.Count} sections; (\d+) background jobs: \1 succeeded, 0 failed\.$", RegexOptions.Multiline), string.Join("\n", summary));
    }

    [Fact]
    public void Demo_Should_KeepRequestCountsAndTracesForVerbose()
    {
        var (_, output, _) = Run("demo");

        Assert.DoesNotMatch(@"\d+ requests?\b", output);
        Assert.DoesNotContain("plug-in trace:", output);
        Assert.DoesNotContain("Background jobs:", output);
        // What a person needs stays: each trigger's before and after, the button's counts and who was not matched.
        Assert.Matches(new Regex($@"^\s+Sara Lindqvist: Enreach User Id \(none\) -> {DemoEnreach.SaraId}\r?$", RegexOptions.Multiline), output);
        Assert.Contains("The button's alert: Updated 1, Unchanged 2, Cleared 1, Not found 1, Ambiguous 1; users not matched:", output);
        Assert.Contains($"no Enreach user has the email {DemoEnreach.OttoEmail}.", output);
    }

    [Fact]
    public void ReadmeSectionsTheDemoNames_Should_Exist()
    {
        var headings = File.ReadAllLines(Path.Combine(Repository.Root, "README.md")).Where(l => l.StartsWith('#')).Select(l => l.TrimStart('#', ' ')).ToHashSet();

        Assert.All(DemoScenarios.All.Select(s => s.ReadMore).OfType<string>(), readMore => Assert.Contains(readMore, headings));
    }

    [Fact]
    public void DemoList_Should_NameEverySectionAndWhatItShows_AndRunNothing()
    {
        var (exitCode, output, _) = Run("demo", "--list");

        Assert.Equal(0, exitCode);
        var lines = Lines(output.TrimEnd());
        Assert.Equal(SectionNames, lines.Select(l => l.Trim().Split(' ')[0]));
        Assert.DoesNotContain("Summary", output);
    }

    [Theory]
    [MemberData(nameof(Sections))]
    public void DemoOfOneSection_Should_RunItAlone_AfterTheSectionsItNeedsWithoutTheirOutput(string section)
    {
        var (exitCode, output, error) = Run("demo", section);

        Assert.True(exitCode == 0, $"exit code {exitCode}: {error}");
        var scenario = DemoScenarios.All.Single(s => s.Name == section);
        var headings = Regex.Matches(output, @"^\d+\. (.+?)\r?$", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal([scenario.Title], headings);
        Assert.DoesNotContain("failed: ", output);
        Assert.Contains("Done: 1 section; ", output);
    }

    [Fact]
    public void DemoOfAnUnknownSection_Should_FailNamingItAndTheSections()
    {
        var (exitCode, output, error) = Run("demo", "no-such-section");

        Assert.Equal(1, exitCode);
        Assert.Contains("'no-such-section'", error);
        Assert.All(SectionNames, name => Assert.Contains(name, error));
        Assert.Empty(output);
    }

    [Fact]
    public void Sections_Should_HaveDistinctNamesAndOrders_AndRequireOnlyEarlierSections()
    {
        var all = DemoScenarios.All;

        Assert.Equal(all.Count, all.Select(s => s.Name).Distinct().Count());
        Assert.Equal(all.Count, all.Select(s => s.Order).Distinct().Count());
        Assert.All(all, s => Assert.Matches("^[a-z]+(-[a-z]+)*$", s.Name));
        Assert.All(all, s => Assert.All(s.Requires, r => Assert.True(all.Single(x => x.GetType() == r).Order < s.Order, $"{s.Name} requires {r.Name}, which runs after it")));
    }

    // Issue 11: a minute of Enreach calls synced to phone calls.

    /// <summary>The rows of the phone call section's table, cut by the widths its dashes line gives.</summary>
    private static List<Dictionary<string, string>> DecisionRows(string output)
    {
        var lines = Lines(output);
        var header = Array.FindIndex(lines, l => Regex.IsMatch(l, @"^\s+started\s+call\s+agent\s+other party\s+owner\s+decision$"));
        Assert.True(header > 0, "the phone call section has no table of decisions:\n" + output);
        var starts = Regex.Matches(lines[header + 1], "-+").Select(m => m.Index).ToList();
        var names = starts.Select((start, i) => lines[header][start..(i + 1 < starts.Count ? starts[i + 1] : lines[header].Length)].Trim()).ToList();
        return lines.Skip(header + 2).TakeWhile(l => l.StartsWith("    ", StringComparison.Ordinal) && l.Length > starts[^1])
            .Select(l => names.Select((name, i) => (name, cell: l[starts[i]..(i + 1 < starts.Count ? Math.Min(starts[i + 1], l.Length) : l.Length)].Trim())).ToDictionary(c => c.name, c => c.cell))
            .ToList();
    }

    [Fact]
    public void DemoOfPhoneCalls_Should_LogAPhoneCallForEachEventItSaysIsCreated_OwnedAsTheTableSays()
    {
        LocalOrganization? organization = null;
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = DemoRunner.Run(DemoScenarios.All, output, error, new DemoOptions { Sections = ["phone-calls"] }, () => organization = DemoOrganization.Create());

        Assert.True(exitCode == 0, $"exit code {exitCode}: {error}");
        var rows = DecisionRows(output.ToString());
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Matches("^(created|skipped): ", r["decision"]));
        var created = rows.Where(r => r["decision"].StartsWith("created: ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(created);
        var query = new QueryExpression(PhoneCall.EntityName) { ColumnSet = new ColumnSet(PhoneCall.OwnerId, PhoneCall.PhoneNumber, PhoneCall.EnreachCallId) };
        query.Criteria.AddCondition(PhoneCall.EnreachCallId, ConditionOperator.NotNull);
        var phoneCalls = organization!.Service.RetrieveMultiple(query).Entities
            .Select(p => (Number: p.GetAttributeValue<string>(PhoneCall.PhoneNumber), Owner: organization.Service.Retrieve(SystemUser.EntityName, p.GetAttributeValue<EntityReference>(PhoneCall.OwnerId).Id,
                new ColumnSet(SystemUser.FullName)).GetAttributeValue<string>(SystemUser.FullName)))
            .OrderBy(p => p.Number).ThenBy(p => p.Owner).ToList();
        Assert.Equal(created.Select(r => (Number: r["other party"], Owner: r["owner"])).OrderBy(p => p.Number).ThenBy(p => p.Owner).ToList(), phoneCalls);
        // Who owns them: the agent's Dynamics user, or the fallback user when the agent is none.
        Assert.All(created.Where(r => r["agent"].EndsWith("(no Dynamics user)", StringComparison.Ordinal) || r["agent"].EndsWith("queue)", StringComparison.Ordinal)),
            r => Assert.Equal("Enreach Sync", r["owner"]));
        Assert.All(created.Where(r => !r["agent"].Contains('(')), r => Assert.Equal(r["agent"], r["owner"]));
        Assert.Contains($"{rows.Count} call events, {created.Count} phone calls written", output.ToString());
    }

    [Fact]
    public void DemoOfPhoneCalls_Should_ShowTheSameMinuteOnEveryRun_WithEveryKindOfDecision()
    {
        var (_, first, _) = Run("demo", "phone-calls");
        var (exitCode, second, error) = Run("demo", "phone-calls");

        Assert.True(exitCode == 0, $"exit code {exitCode}: {error}");
        var rows = DecisionRows(second);
        Assert.Equal(DecisionRows(first).Select(r => string.Join("|", r.Values)), rows.Select(r => string.Join("|", r.Values)));
        Assert.Contains(rows, r => r["decision"].StartsWith("skipped: classified Private in Voice Center", StringComparison.Ordinal));
        Assert.Contains(rows, r => r["decision"].StartsWith("skipped: the queue's view of a call agent", StringComparison.Ordinal));
        Assert.Contains(rows, r => r["decision"].StartsWith("created: ", StringComparison.Ordinal) && r["decision"].Contains("; caller contact ", StringComparison.Ordinal));
        Assert.Contains(rows, r => r["decision"].StartsWith("created: ", StringComparison.Ordinal) && r["decision"].EndsWith("left open for a call-back", StringComparison.Ordinal));
    }

    [Fact]
    public void DemoOfPhoneCallsVerbose_Should_AddTheRunsSummaryAndEachDecisionAsTheWorkerLogsIt()
    {
        var (exitCode, output, error) = Run("demo", "phone-calls", "--verbose");

        Assert.True(exitCode == 0, $"exit code {exitCode}: {error}");
        Assert.Matches(new Regex(@"^\s+Phone call sync continuous run \S+ by vfd-demo: Succeeded\. ", RegexOptions.Multiline), output);
        var rows = DecisionRows(output);
        Assert.Equal(rows.Count, Regex.Matches(output, @"^\s+2025-01-06 \d\d:\d\d:\d\d (incoming|outgoing) (direct|queue) call [0-9a-f-]{36} \((agent|queue) [0-9a-f-]{36}, /(calls|servicecall)\): ", RegexOptions.Multiline).Count);
    }
}
