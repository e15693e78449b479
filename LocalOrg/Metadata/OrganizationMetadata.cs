using Microsoft.Xrm.Sdk;
using VoiceForD365.Core.Schema;
using VoiceForD365.Solution;
using VoiceForD365.Solution.Model;

namespace VoiceForD365.LocalOrg.Metadata;

/// <summary>The tables, columns, keys and relationships the local organization knows, and the checks Dataverse makes with them.</summary>
public sealed class OrganizationMetadata
{
    private readonly Dictionary<string, TableDefinition> _tables;
    private readonly Dictionary<string, ManyToManyDefinition> _relationships;

    public OrganizationMetadata(IEnumerable<TableDefinition> tables, IEnumerable<TableExtension> extensions, IEnumerable<ManyToManyDefinition> relationships)
    {
        _tables = tables.ToDictionary(t => t.LogicalName, StringComparer.Ordinal);
        foreach (var extension in extensions)
        {
            if (!_tables.TryGetValue(extension.TableLogicalName, out var table))
                throw new InvalidOperationException($"The solution extends table '{extension.TableLogicalName}', which the local organization does not have.");
            _tables[table.LogicalName] = table.WithColumns(extension.Columns).WithKeys(extension.Keys);
        }
        _relationships = relationships.ToDictionary(r => r.SchemaName, StringComparer.Ordinal);
    }

    /// <summary>
    /// The standard and platform tables plus everything our solution declares: what an organization with the solution
    /// imported has. <paramref name="channelIntegration"/>: with the tables of the Channel Integration Framework, which
    /// the package requires (an organization without them is one where CIF is not installed).
    /// </summary>
    public static OrganizationMetadata WithSolution(bool channelIntegration = true) =>
        new([.. StandardTables.All, .. PlatformTables.All, .. channelIntegration ? ChannelIntegrationTables.All : [], .. SolutionSchema.Tables],
            SolutionSchema.Extensions, [.. StandardTables.ManyToMany, .. channelIntegration ? ChannelIntegrationTables.ManyToMany : []]);

    public IEnumerable<TableDefinition> Tables => _tables.Values;

    /// <summary>The many-to-many relationships (what Associate and Disassociate link).</summary>
    public IEnumerable<ManyToManyDefinition> Relationships => _relationships.Values;

    public TableDefinition Table(string logicalName) =>
        logicalName != null && _tables.TryGetValue(logicalName, out var table) ? table : throw Faults.UnknownTable(logicalName ?? "(null)");

    public bool HasTable(string logicalName) => _tables.ContainsKey(logicalName);

    public ManyToManyDefinition Relationship(string schemaName) =>
        _relationships.TryGetValue(schemaName, out var relationship)
            ? relationship
            : throw Faults.Create(Faults.InvalidArgument, $"Could not find a relationship with the name '{schemaName}'.");

    public ColumnDefinition Column(TableDefinition table, string column) =>
        table.FindColumn(column) ?? throw Faults.UnknownColumn(table.LogicalName, column);

    /// <summary>Refuses, like Dataverse, an unknown column, a value of the wrong type, a lookup to a table the column can't point to, an invalid choice or an over-long text.</summary>
    public void ValidateAttributes(TableDefinition table, Entity target, bool isCreate)
    {
        foreach (var attribute in target.Attributes)
        {
            var column = Column(table, attribute.Key);
            if (column.IsSystemManaged && column.Type != ColumnType.PrimaryKey && attribute.Key is not StandardColumns.OwnerId)
                continue; // Dataverse silently ignores values for system-managed columns such as createdon.
            var value = attribute.Value;
            if (value == null)
            {
                if (column.Type == ColumnType.PrimaryKey && !isCreate)
                    throw Faults.InvalidArgumentFault($"The primary key '{column.LogicalName}' of '{table.LogicalName}' can't be cleared.");
                continue;
            }
            var expected = ColumnTypes.ClrTypeOf(column.Type);
            if (!expected.IsInstanceOfType(value)) throw Faults.WrongType(table.LogicalName, column.LogicalName, expected, value);
            switch (value)
            {
                case string text when column.MaxLength is { } max && text.Length > max:
                    throw Faults.InvalidArgumentFault($"A validation error occurred. The length of the '{column.LogicalName}' attribute of the '{table.LogicalName}' entity exceeded the maximum allowed length of '{max}'.");
                case int number when number < (column.MinValue ?? int.MinValue) || number > (column.MaxValue ?? int.MaxValue):
                    throw Faults.InvalidArgumentFault($"A validation error occurred. The value {number} of '{column.LogicalName}' on record of type '{table.LogicalName}' is outside the valid range ({column.MinValue} to {column.MaxValue}).");
                case EntityReference reference when column.Targets.Count > 0 && !column.Targets.Contains(reference.LogicalName):
                    throw Faults.InvalidArgumentFault($"The lookup '{column.LogicalName}' of '{table.LogicalName}' can't point to a '{reference.LogicalName}'; it accepts {string.Join(", ", column.Targets)}.");
                case OptionSetValue option when column.Options.Count > 0 && column.Options.All(o => o.Value != option.Value):
                    throw Faults.InvalidArgumentFault($"A validation error occurred. The value {option.Value} of '{column.LogicalName}' on record of type '{table.LogicalName}' is outside the valid range. Accepted values: {string.Join(", ", column.Options.Select(o => $"{o.Value} ({o.Label})"))}.");
            }
        }
    }
}
