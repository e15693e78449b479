using Microsoft.Xrm.Sdk;

namespace VoiceForD365.LocalOrg.Query;

/// <summary>A validated, compiled query; <see cref="Run"/> evaluates it.</summary>
internal sealed partial class QueryPlan
{
    private readonly QuerySpec _spec;
    private readonly IQuerySource _source;
    private readonly List<QuerySlot> _slots = [];
    private readonly QueryScope _scope;
    private readonly Func<Entity?[], bool>? _criteria;
    private readonly Func<Entity?[], bool>?[] _linkCriteria;
    private readonly List<CompiledOrder> _orders = [];
    private readonly SlotColumns[] _columns;
    private readonly bool _includeId;
    private readonly int? _top;
    private readonly int _pageSize;
    private readonly int _pageNumber;
    private readonly PagingCookie? _cookie;
    private readonly bool _returnTotalRecordCount;

    public QueryPlan(QuerySpec spec, IQuerySource source)
    {
        _spec = spec;
        _source = source;
        if (string.IsNullOrEmpty(spec.EntityName)) throw Faults.InvalidArgumentFault("The query has no EntityName.");
        var main = source.Table(spec.EntityName);

        // Paging: TopCount excludes PageInfo paging (and the total count), as in Dataverse.
        var page = spec.PageInfo;
        if (spec.TopCount is { } top)
        {
            if (page.Count != 0 || page.PageNumber != 0)
                throw Faults.InvalidArgumentFault(
                    $"The query on '{main.LogicalName}' sets both TopCount and PageInfo (Count {page.Count}, PageNumber {page.PageNumber}): they can't be used together.");
            if (page.ReturnTotalRecordCount)
                throw Faults.InvalidArgumentFault(
                    $"The query on '{main.LogicalName}' sets both TopCount and PageInfo.ReturnTotalRecordCount: they can't be used together.");
            if (top < 1 || top > QueryEngine.MaxTopCount)
                throw Faults.InvalidArgumentFault($"TopCount must be between 1 and {QueryEngine.MaxTopCount}; the query on '{main.LogicalName}' sets {top}.");
            _top = top;
        }
        if (page.Count < 0) throw Faults.InvalidArgumentFault($"PageInfo.Count can't be negative ({page.Count}).");
        if (page.PageNumber < 0) throw Faults.InvalidArgumentFault($"PageInfo.PageNumber can't be negative ({page.PageNumber}).");
        _pageSize = page.Count > 0 ? Math.Min(page.Count, QueryEngine.MaxPageSize) : QueryEngine.MaxPageSize;
        _pageNumber = page.PageNumber > 0 ? page.PageNumber : 1;
        _cookie = PagingCookie.TryParse(page.PagingCookie, main.PrimaryIdColumn);
        _returnTotalRecordCount = page.ReturnTotalRecordCount;

        // Slots: the main table, then the links depth-first (the order of the joins and of generated aliases).
        _slots.Add(new QuerySlot(0, main.LogicalName, main, null, -1));
        var linkCount = 0;
        AddLinks(spec.Links, 0, ref linkCount);
        _scope = new QueryScope(_slots, source);

        // Columns.
        _columns = new SlotColumns[_slots.Count];
        _columns[0] = SlotColumns.Of(spec.ColumnSet, _slots[0]);
        for (var i = 1; i < _slots.Count; i++) _columns[i] = SlotColumns.Of(_slots[i].Link!.Columns, _slots[i]);
        _includeId = !spec.Distinct || _columns[0].All || _columns[0].Names.Contains(main.PrimaryIdColumn);

        // Filters: a link's criteria are its ON clause; they may use the link and the slots joined before it.
        _criteria = ConditionCompiler.CompileFilter(spec.Criteria, _scope, 0, _slots.Count - 1);
        _linkCriteria = new Func<Entity?[], bool>?[_slots.Count];
        for (var i = 1; i < _slots.Count; i++) _linkCriteria[i] = ConditionCompiler.CompileFilter(_slots[i].Link!.LinkCriteria, _scope, i, i);

        // Orders: the main table's first, then each link's (Dataverse orders link-entity attributes after the entity's).
        foreach (var order in spec.Orders) _orders.Add(CompileOrder(order, 0));
        for (var i = 1; i < _slots.Count; i++)
            foreach (var order in _slots[i].Link!.Orders)
                _orders.Add(CompileOrder(order, i));
    }

    public EntityCollection Run()
    {
        var rows = Filter(Join());
        var ids = new Guid[rows.Count];
        for (var i = 0; i < rows.Count; i++) ids[i] = QueryValues.IdOf(rows[i][0]!, _slots[0].PrimaryIdColumn);
        var order = Sort(rows, ids);
        if (_spec.Distinct) order = Distinct(rows, order);
        return Page(rows, ids, order);
    }

    private List<Entity?[]> Filter(List<Entity?[]> rows)
    {
        if (_criteria == null) return rows;
        var kept = new List<Entity?[]>(rows.Count);
        foreach (var row in rows)
            if (_criteria(row)) kept.Add(row);
        return kept;
    }
}
