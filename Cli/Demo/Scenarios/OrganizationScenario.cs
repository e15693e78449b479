using VoiceForD365.Core.Schema;
using VoiceForD365.Solution;
using VoiceForD365.Solution.Model;

namespace VoiceForD365.Cli.Demo.Scenarios;

/// <summary>What the local organization imported: the standard tables and our solution's tables, columns and keys.</summary>
public sealed class OrganizationScenario : IDemoScenario
{
    public string Name => "organization";

    public string Title => "Local organization with the Voice for D365 solution imported";

    public string Summary => "the in-memory Dataverse with the solution's tables, columns and keys imported";

    public int Order => 10;

    public string ReadMore => "Why a local organization (and not FakeXrmEasy)";

    public void Run(DemoContext context)
    {
        var org = context.Organization;
        var output = context.Output;
        var detail = context.Detail;
        var tables = org.Metadata.Tables.ToList();
        var solutionTables = SolutionSchema.Tables.Select(t => org.Metadata.Table(t.LogicalName)).ToList();
        var addedColumns = SolutionSchema.Extensions.Sum(e => e.Columns.Count);
        output.WriteLine($"  Organization {org.OrganizationName} ({org.OrganizationId}), solution {Publisher.SolutionUniqueName} (prefix {Publisher.Prefix}_)");
        output.WriteLine($"  Imported {DemoRunner.Plural(tables.Count, "table")} ({tables.Count - solutionTables.Count} standard, {solutionTables.Count} from the solution), "
            + $"{DemoRunner.Plural(tables.Sum(t => t.Columns.Count), "column")}, {DemoRunner.Plural(tables.Sum(t => t.Keys.Count), "alternate key")}");
        context.Brief.WriteLine($"  The solution's tables {string.Join(", ", solutionTables.Select(t => t.LogicalName))}; its columns on "
            + string.Join(" and ", SolutionSchema.Extensions.Select(e => $"{e.TableLogicalName} ({e.Columns.Count})")));
        detail.WriteLine();
        detail.WriteLine("  Solution tables:");
        TextTable.Write(detail, ["table", "display name", "columns", "alternate keys"],
            solutionTables.Select(t => (IReadOnlyList<string>)[t.LogicalName, t.DisplayName, t.Columns.Count.ToString(), Keys(t.Keys)]), "    ");
        detail.WriteLine();
        detail.WriteLine("  Solution columns on standard tables:");
        var width = SolutionSchema.Extensions.Max(e => e.TableLogicalName.Length);
        foreach (var extension in SolutionSchema.Extensions)
        {
            detail.WriteLine($"    {extension.TableLogicalName.PadRight(width)}  +{extension.Columns.Count}: {string.Join(", ", extension.Columns.Select(c => c.LogicalName))}");
            if (extension.Keys.Count > 0) detail.WriteLine($"    {"".PadRight(width)}  alternate key {Keys(extension.Keys)}");
        }
        detail.WriteLine();
        detail.WriteLine($"  Standard tables: {string.Join(", ", tables.Except(solutionTables).Select(t => t.LogicalName).Order(StringComparer.Ordinal))}");
        context.Conclude($"{DemoRunner.Plural(tables.Count, "table")} imported, {solutionTables.Count} of them the solution's; {DemoRunner.Plural(addedColumns, "column")} added to {DemoRunner.Plural(SolutionSchema.Extensions.Count, "standard table")}");
    }

    private static string Keys(IReadOnlyList<AlternateKeyDefinition> keys) =>
        keys.Count == 0 ? "-" : string.Join("; ", keys.Select(k => $"{k.LogicalName} ({string.Join(", ", k.Columns)})"));
}
