using VoiceForD365.LocalOrg.Samples;

namespace VoiceForD365.Cli.Demo.Scenarios;

/// <summary>Seeds the sample users, team, accounts, contacts and lead as the administrator, and lists them.</summary>
public sealed class SampleDataScenario : IDemoScenario
{
    public string Title => "Sample data";

    public void Run(DemoContext context)
    {
        var sample = SampleData.Seed(context.Organization.Service);
        context.Sample = sample;
        context.Output.WriteLine($"  Seeded {DemoRunner.Plural(sample.Records.Count, "record")} as the administrator:");
        TextTable.Write(context.Output, ["table", "name", "details"],
            sample.Records.Select(r => (IReadOnlyList<string>)[r.Table, r.Name, r.Details]));
    }
}
