using VoiceForD365.Core.Schema;
using VoiceForD365.Solution;
using VoiceForD365.Solution.Model;

namespace VoiceForD365.Cli.Demo.Scenarios;

/// <summary>What the local organization imported: the standard tables and our solution's tables, columns and keys.</summary>
public sealed class OrganizationScenario : IDemoScenario
{
    public string Title => "Local organization with the Voice for D365 solution imported";

    public void Run(DemoContext context)
    {
        var org = context.Organization;
        var output = context.Output;
        var tables = org.Metadata.Tables.ToList();
        var solutionTables = SolutionSchema.Tables.Select(t => org.Metadata.Table(t.LogicalName)).ToList();
        output.WriteLine($"  Organization {org.OrganizationName} ({org.OrganizationId}), solution {Publisher.SolutionUniqueName} (prefix {Publisher.Prefix}_)");
        output.WriteLine($"  Imported {DemoRunner.Plural(tables.Count, "table")} ({tables.Count - solutionTables.Count} standard, {solutionTables.Count} from the solution), "
            + $"{DemoRunner.Plural(tables.Sum(t => t.Columns.Count), "column")}, {DemoRunner.Plural(tables.Sum(t => t.Keys.Count), "alternate key")}");
        output.WriteLine();
        output.WriteLine("  Solution tables:");
        TextTable.Write(output, ["table", "display name", "columns", "alternate keys"],
            solutionTables.Select(t => (IReadOnlyList<string>)[t.LogicalName, t.DisplayName, t.Columns.Count.ToString(), Keys(t.Keys)]), "    ");
        output.WriteLine();
        output.WriteLine("  Solution columns on standard tables:");
        var width = SolutionSchema.Extensions.Max(e => e.TableLogicalName.Length);
        foreach (var extension in SolutionSchema.Extensions)
        {
            output.WriteLine($"    {extension.TableLogicalName.PadRight(width)}  +{extension.Columns.Count}: {string.Join(", ", extension.Columns.Select(c => c.LogicalName))}");
            if (extension.Keys.Count > 0) output.WriteLine($"    {"".PadRight(width)}  alternate key {Keys(extension.Keys)}");
        }
        output.WriteLine();
        output.WriteLine($"  Standard tables: {string.Join(", ", tables.Except(solutionTables).Select(t => t.LogicalName).Order(StringComparer.Ordinal))}");
    }

    private static string Keys(IReadOnlyList<AlternateKeyDefinition> keys) =>
        keys.Count == 0 ? "-" : string.Join("; ", keys.Select(k => $"{k.LogicalName} ({string.Join(", ", k.Columns)})"));
}
