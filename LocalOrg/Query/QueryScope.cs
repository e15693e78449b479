using Microsoft.Xrm.Sdk;

namespace VoiceForD365.LocalOrg.Query;

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
