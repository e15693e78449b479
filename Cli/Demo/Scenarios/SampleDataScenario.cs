using VoiceForD365.LocalOrg.Samples;

namespace VoiceForD365.Cli.Demo.Scenarios;

/// <summary>Seeds the sample users, team, accounts, contacts and lead as the administrator, and lists them.</summary>
public sealed class SampleDataScenario : IDemoScenario
{
    public string Name => "sample-data";

    public string Title => "Sample data";

    public string Summary => "sample users (two of them Voice users), a team, accounts, contacts and a lead";

    public int Order => 40;

    // Seeding gives users the Voice User role: the plug-ins it triggers ask Enreach.
    public IReadOnlyList<Type> Requires => [typeof(EnreachEmulatorScenario)];

    public void Run(DemoContext context)
    {
        var sample = SampleData.Seed(context.Organization.Service);
        context.Sample = sample;
        var byTable = string.Join(", ", sample.Records.GroupBy(r => r.Table).Select(g => $"{g.Key} {g.Count()}"));
        context.Brief.WriteLine($"  Seeded {DemoRunner.Plural(sample.Records.Count, "record")} as the administrator: {byTable}");
        context.Detail.WriteLine($"  Seeded {DemoRunner.Plural(sample.Records.Count, "record")} as the administrator:");
        TextTable.Write(context.Detail, ["table", "name", "details"],
            sample.Records.Select(r => (IReadOnlyList<string>)[r.Table, r.Name, r.Details]));
        context.Conclude($"{DemoRunner.Plural(sample.Records.Count, "record")} seeded ({byTable})");
    }
}
