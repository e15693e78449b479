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

/// <summary>The slots of a query and how condition/order EntityNames resolve to them.</summary>
internal sealed class QueryScope
{
    private readonly IQuerySource _source;
    private readonly Dictionary<string, List<Entity>> _rows = new(StringComparer.Ordinal);

    public QueryScope(IReadOnlyList<QuerySlot> slots, IQuerySource source)
    {
        _source = source;
        Slots = slots;
        UtcNow = QueryValues.ToUtc(source.UtcNow);
        Names = new LookupNames(source, RowsOf);
    }

    public IReadOnlyList<QuerySlot> Slots { get; }

    public DateTime UtcNow { get; }

    public LookupNames Names { get; }

    /// <summary>A table's stored rows, read from the source once per query.</summary>
    public List<Entity> RowsOf(string table)
    {
        if (!_rows.TryGetValue(table, out var rows)) _rows[table] = rows = _source.Rows(table).ToList();
        return rows;
    }

    /// <summary>
    /// The slot an EntityName designates: a link alias first, then the main table's name, then a link's table name.
    /// A link's criteria may only use itself and the slots joined before it (<paramref name="maxSlot"/>).
    /// </summary>
    public int Resolve(string? entityName, int defaultSlot, int maxSlot)
    {
        if (string.IsNullOrEmpty(entityName)) return defaultSlot;
        var index = -1;
        for (var i = 1; i < Slots.Count && index < 0; i++)
            if (string.Equals(Slots[i].Alias, entityName, StringComparison.Ordinal)) index = i;
        if (index < 0 && string.Equals(Slots[0].TableName, entityName, StringComparison.Ordinal)) index = 0;
        for (var i = 1; i < Slots.Count && index < 0; i++)
            if (string.Equals(Slots[i].TableName, entityName, StringComparison.Ordinal)) index = i;
        if (index < 0)
            throw Faults.InvalidArgumentFault(
                $"The query has no link entity with the alias or name '{entityName}' (aliases: {string.Join(", ", Slots.Skip(1).Select(s => s.Alias))}).");
        if (index > maxSlot)
            throw Faults.InvalidArgumentFault(
                $"The link criteria of '{Slots[defaultSlot].Alias}' refer to '{entityName}', which is joined after it.");
        return index;
    }
}

/// <summary>The primary name of the rows lookups point to (Dataverse orders lookups by it and returns it as EntityReference.Name).</summary>
internal sealed class LookupNames
{
    private readonly IQuerySource _source;
    private readonly Dictionary<string, Dictionary<Guid, string>?> _byTable = new(StringComparer.Ordinal);
    private readonly Func<string, List<Entity>> _rowsOf;

    public LookupNames(IQuerySource source, Func<string, List<Entity>> rowsOf)
    {
        _source = source;
        _rowsOf = rowsOf;
    }

    /// <summary>The referenced row's current primary name; else the reference's own Name.</summary>
    public string? NameOf(EntityReference reference)
    {
        if (string.IsNullOrEmpty(reference.LogicalName)) return reference.Name;
        if (!_byTable.TryGetValue(reference.LogicalName, out var names))
        {
            names = Load(reference.LogicalName);
            _byTable[reference.LogicalName] = names;
        }
        return names != null && names.TryGetValue(reference.Id, out var name) ? name : reference.Name;
    }

    private Dictionary<Guid, string>? Load(string table)
    {
        TableDefinition definition;
        try
        {
            definition = _source.Table(table);
        }
        catch (System.ServiceModel.FaultException)
        {
            return null; // a lookup to a table this organization doesn't declare: keep the reference's own name
        }
        if (definition.PrimaryNameColumn is not { } nameColumn) return null;
        var names = new Dictionary<Guid, string>();
        foreach (var row in _rowsOf(table))
            if (row.Attributes.TryGetValue(nameColumn, out var value) && value is string name)
                names[QueryValues.IdOf(row, definition.PrimaryIdColumn)] = name;
        return names;
    }
}
