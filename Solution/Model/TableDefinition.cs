namespace VoiceForD365.Solution.Model;

public sealed record TableDefinition(string LogicalName, string DisplayName, string PrimaryIdColumn, string? PrimaryNameColumn)
{
    public string DisplayCollectionName { get; init; } = "";

    public string Description { get; init; } = "";

    public TableOwnership Ownership { get; init; } = TableOwnership.UserOwned;

    public bool IsActivity { get; init; }

    public IReadOnlyList<ColumnDefinition> Columns { get; init; } = [];

    public IReadOnlyList<AlternateKeyDefinition> Keys { get; init; } = [];

    /// <summary>A virtual table's data provider and external names; null for a table whose rows Dataverse stores.</summary>
    public VirtualTableSource? Virtual { get; init; }

    public bool IsVirtual => Virtual is not null;

    public ColumnDefinition? FindColumn(string logicalName) => Columns.FirstOrDefault(c => c.LogicalName == logicalName);

    public TableDefinition WithColumns(IEnumerable<ColumnDefinition> columns) => this with { Columns = [.. Columns, .. columns] };

    public TableDefinition WithKeys(IEnumerable<AlternateKeyDefinition> keys) => this with { Keys = [.. Keys, .. keys] };
}
