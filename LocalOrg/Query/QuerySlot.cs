using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using VoiceForD365.Solution.Model;

namespace VoiceForD365.LocalOrg.Query;

/// <summary>
/// One table instance of a query: the main table (index 0) or a link entity (indexes 1.. in depth-first order, the
/// order in which the joins are made). A joined row is an <c>Entity?[]</c> holding one stored row per slot (null for
/// a left outer join that matched nothing).
/// </summary>
internal sealed class QuerySlot
{
    private readonly Dictionary<string, ColumnDefinition> _columns = new(StringComparer.Ordinal);

    public QuerySlot(int index, string alias, TableDefinition table, LinkEntity? link, int parent)
    {
        Index = index;
        Alias = alias;
        Table = table;
        Link = link;
        Parent = parent;
        foreach (var column in table.Columns) _columns.TryAdd(column.LogicalName, column);
        // The primary id is always a column, even if the declaration omits it.
        _columns.TryAdd(table.PrimaryIdColumn, Columns.PrimaryKey(table.PrimaryIdColumn, table.PrimaryIdColumn));
    }

    public int Index { get; }

    /// <summary>The link's EntityAlias, or the generated <c>{linktoentityname}{N}</c>; the table name for the main slot.</summary>
    public string Alias { get; }

    public TableDefinition Table { get; }

    public string TableName => Table.LogicalName;

    public string PrimaryIdColumn => Table.PrimaryIdColumn;

    /// <summary>Null for the main table.</summary>
    public LinkEntity? Link { get; }

    /// <summary>The slot this link joins from (-1 for the main table).</summary>
    public int Parent { get; }

    /// <summary>The column's metadata; the Dataverse fault for an unknown column.</summary>
    public ColumnDefinition Column(string? logicalName)
    {
        if (logicalName != null && _columns.TryGetValue(logicalName, out var column)) return column;
        throw Faults.UnknownColumn(TableName, logicalName ?? "");
    }

    /// <summary>The column's metadata, or null when the table doesn't declare it.</summary>
    public ColumnDefinition? FindColumn(string logicalName) => _columns.TryGetValue(logicalName, out var column) ? column : null;

    /// <summary>A stored row's raw value of a column (null when missing); the primary id comes from Entity.Id.</summary>
    public object? Get(Entity row, string column)
    {
        if (column == PrimaryIdColumn)
        {
            var id = QueryValues.IdOf(row, PrimaryIdColumn);
            return id == Guid.Empty ? null : id;
        }
        return row.Attributes.TryGetValue(column, out var value) ? value : null;
    }
}
