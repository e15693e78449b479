using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using VoiceForD365.Solution.Model;

using VoiceForD365.LocalOrg.Store;

namespace VoiceForD365.LocalOrg.Query;

/// <summary>
/// Evaluates QueryExpression and QueryByAttribute against an <see cref="IQuerySource"/> the way Dataverse does:
/// validation faults, SQL null semantics, case-insensitive text, inner/outer links with aliased values, orders,
/// TopCount, Distinct, and paging (page number or paging cookie, MoreRecords, TotalRecordCount).
/// </summary>
/// <remarks>
/// <para>Each call reads every table once, joins with hash indexes, filters, then sorts once: O(n log n) per page
/// request. Returned entities are copies; the store's rows are never changed.</para>
/// <para>Dataverse behaviours reproduced: links without EntityAlias are aliased <c>{linktoentityname}{N}</c> (N counts
/// all links depth-first from 1); link criteria belong to the join (ON clause); link orders apply after the main
/// orders; lookups order by the referenced row's primary name and choices by label; nulls sort first ascending;
/// ties are broken by the primary id; Distinct doesn't add the primary id unless it is selected; a page holds at most
/// 5000 rows and TotalRecordCount counts up to 5000; TopCount can't be combined with PageInfo paging or the total
/// count; condition values must be Guid for lookups, int for choices and decimal for money (an EntityReference,
/// OptionSetValue or Money value is refused like Dataverse refuses it).</para>
/// <para>Where the local organization differs: day-based date operators use UTC days (Dataverse uses the user's
/// time zone); text compares ordinally ignoring case (Dataverse's collation also ignores accents).</para>
/// </remarks>
internal static class QueryEngine
{
    /// <summary>Rows per page when PageInfo.Count isn't set, and the largest page Dataverse returns.</summary>
    public const int MaxPageSize = 5000;

    /// <summary>The largest TopCount Dataverse accepts.</summary>
    public const int MaxTopCount = 5000;

    /// <summary>TotalRecordCount counts up to this many rows, then sets TotalRecordCountLimitExceeded.</summary>
    public const int MaxTotalRecordCount = 5000;

    public static EntityCollection Execute(QueryBase query, IQuerySource source)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(source);
        return new QueryPlan(QuerySpec.From(query), source).Run();
    }
}

/// <summary>What QueryExpression and QueryByAttribute have in common.</summary>
internal sealed record QuerySpec(
    string? EntityName,
    ColumnSet ColumnSet,
    FilterExpression Criteria,
    IReadOnlyList<OrderExpression> Orders,
    IReadOnlyList<LinkEntity> Links,
    int? TopCount,
    bool Distinct,
    PagingInfo PageInfo)
{
    public static QuerySpec From(QueryBase query) => query switch
    {
        QueryExpression expression => new QuerySpec(
            expression.EntityName, expression.ColumnSet, expression.Criteria, expression.Orders.ToArray(), expression.LinkEntities.ToArray(),
            expression.TopCount, expression.Distinct, expression.PageInfo),
        QueryByAttribute byAttribute => FromByAttribute(byAttribute),
        _ => throw Faults.Create(Faults.RequestNotSupported,
            $"The local organization doesn't evaluate {query.GetType().Name} queries: use QueryExpression or QueryByAttribute."),
    };

    private static QuerySpec FromByAttribute(QueryByAttribute query)
    {
        if (query.Attributes.Count != query.Values.Count)
            throw Faults.InvalidArgumentFault(
                $"QueryByAttribute on '{query.EntityName}' has {query.Attributes.Count} attribute(s) but {query.Values.Count} value(s): they must pair up.");
        var criteria = new FilterExpression(LogicalOperator.And);
        for (var i = 0; i < query.Attributes.Count; i++)
        {
            var condition = new ConditionExpression { AttributeName = query.Attributes[i], Operator = ConditionOperator.Equal };
            condition.Values.Add(query.Values[i]);
            criteria.AddCondition(condition);
        }
        return new QuerySpec(query.EntityName, query.ColumnSet, criteria, query.Orders.ToArray(), [], query.TopCount, false, query.PageInfo);
    }
}

/// <summary>A validated, compiled query; <see cref="Run"/> evaluates it.</summary>
internal sealed class QueryPlan
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

    private void AddLinks(IReadOnlyList<LinkEntity> links, int parent, ref int linkCount)
    {
        foreach (var link in links)
        {
            if (link == null) throw Faults.InvalidArgumentFault("The query holds a null LinkEntity.");
            linkCount++;
            if (string.IsNullOrEmpty(link.LinkToEntityName)) throw Faults.InvalidArgumentFault("A LinkEntity has no LinkToEntityName.");
            if (link.JoinOperator is not (JoinOperator.Inner or JoinOperator.LeftOuter))
                throw Faults.InvalidArgumentFault($"The join operator {(int)link.JoinOperator} of the link to '{link.LinkToEntityName}' is not supported: use Inner or LeftOuter.");
            var table = _source.Table(link.LinkToEntityName);
            var alias = string.IsNullOrEmpty(link.EntityAlias) ? link.LinkToEntityName + linkCount : link.EntityAlias;
            if (_slots.Skip(1).Any(s => s.Alias == alias))
                throw Faults.InvalidArgumentFault($"The alias '{alias}' is used by more than one link entity.");
            if (string.IsNullOrEmpty(link.LinkFromAttributeName) || string.IsNullOrEmpty(link.LinkToAttributeName))
                throw Faults.InvalidArgumentFault($"The link to '{link.LinkToEntityName}' needs both LinkFromAttributeName and LinkToAttributeName.");
            var parentSlot = _slots[parent];
            var from = parentSlot.Column(link.LinkFromAttributeName);
            var slot = new QuerySlot(_slots.Count, alias, table, link, parent);
            var to = slot.Column(link.LinkToAttributeName);
            if (QueryValues.KindOf(from.Type) is ValueKind.Unsupported || QueryValues.KindOf(to.Type) is ValueKind.Unsupported)
                throw Faults.InvalidArgumentFault($"The link to '{alias}' can't join on a party list column.");
            _slots.Add(slot);
            AddLinks(link.LinkEntities.ToArray(), slot.Index, ref linkCount);
        }
    }

    private CompiledOrder CompileOrder(OrderExpression order, int defaultSlot)
    {
        if (order == null) throw Faults.InvalidArgumentFault("The query holds a null OrderExpression.");
        if (string.IsNullOrEmpty(order.AttributeName))
            throw Faults.InvalidArgumentFault(
                order.Alias != null
                    ? $"Ordering by the alias '{order.Alias}' needs an aggregate query, which the local organization doesn't evaluate."
                    : "An OrderExpression has no AttributeName.");
        if (order.OrderType is not (OrderType.Ascending or OrderType.Descending))
            throw Faults.InvalidArgumentFault($"The order type {(int)order.OrderType} is not valid: use Ascending or Descending.");
        var slot = _scope.Resolve(order.EntityName, defaultSlot, _slots.Count - 1);
        var column = _slots[slot].Column(order.AttributeName);
        if (QueryValues.KindOf(column.Type) == ValueKind.Unsupported)
            throw Faults.InvalidArgumentFault($"Can't order by '{_slots[slot].TableName}.{column.LogicalName}': it is a {column.Type} column.");
        return new CompiledOrder(slot, column, order.OrderType == OrderType.Descending);
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

    // ---- joins and filter ------------------------------------------------------------------------------------------

    private List<Entity?[]> Join()
    {
        var width = _slots.Count;
        var rows = new List<Entity?[]>();
        foreach (var stored in _scope.RowsOf(_slots[0].TableName))
        {
            var row = new Entity?[width];
            row[0] = stored;
            rows.Add(row);
        }

        for (var i = 1; i < width; i++)
        {
            var slot = _slots[i];
            var link = slot.Link!;
            var parent = _slots[slot.Parent];
            var index = new Dictionary<object, List<Entity>>();
            foreach (var candidate in _scope.RowsOf(slot.TableName))
            {
                if (QueryValues.JoinKey(slot.Get(candidate, link.LinkToAttributeName)) is not { } key) continue;
                if (!index.TryGetValue(key, out var bucket)) index[key] = bucket = [];
                bucket.Add(candidate);
            }

            var criteria = _linkCriteria[i];
            var outer = link.JoinOperator == JoinOperator.LeftOuter;
            var joined = new List<Entity?[]>(rows.Count);
            var matches = new List<Entity>();
            foreach (var row in rows)
            {
                matches.Clear();
                if (row[slot.Parent] is { } parentRow
                    && QueryValues.JoinKey(parent.Get(parentRow, link.LinkFromAttributeName)) is { } key
                    && index.TryGetValue(key, out var bucket))
                {
                    foreach (var candidate in bucket)
                    {
                        row[i] = candidate;
                        if (criteria == null || criteria(row)) matches.Add(candidate);
                    }
                    row[i] = null;
                }
                if (matches.Count == 0)
                {
                    if (outer) joined.Add(row);
                    continue;
                }
                // An inner join with several matches multiplies the row, as in SQL.
                for (var m = 0; m < matches.Count; m++)
                {
                    var target = m == matches.Count - 1 ? row : (Entity?[])row.Clone();
                    target[i] = matches[m];
                    joined.Add(target);
                }
            }
            rows = joined;
        }
        return rows;
    }

    private List<Entity?[]> Filter(List<Entity?[]> rows)
    {
        if (_criteria == null) return rows;
        var kept = new List<Entity?[]>(rows.Count);
        foreach (var row in rows)
            if (_criteria(row)) kept.Add(row);
        return kept;
    }

    // ---- order -----------------------------------------------------------------------------------------------------

    /// <summary>Row indexes in result order: the query's orders, then the main primary id (stable paging), then join order.</summary>
    private int[] Sort(List<Entity?[]> rows, Guid[] ids)
    {
        var order = new int[rows.Count];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        var keys = new object?[_orders.Count][];
        for (var k = 0; k < _orders.Count; k++)
        {
            keys[k] = new object?[rows.Count];
            for (var i = 0; i < rows.Count; i++) keys[k][i] = SortKey(_orders[k], rows[i]);
        }
        Array.Sort(order, (a, b) =>
        {
            for (var k = 0; k < keys.Length; k++)
            {
                var c = QueryValues.CompareNullable(keys[k][a], keys[k][b]);
                if (c != 0) return _orders[k].Descending ? -c : c;
            }
            var byId = ids[a].CompareTo(ids[b]);
            return byId != 0 ? byId : a.CompareTo(b);
        });
        return order;
    }

    /// <summary>Lookups sort by the referenced row's primary name, choices by label (as QueryExpression does), the rest by value.</summary>
    private object? SortKey(CompiledOrder order, Entity?[] row)
    {
        if (row[order.Slot] is not { } stored) return null;
        var raw = _slots[order.Slot].Get(stored, order.Column.LogicalName);
        return raw switch
        {
            null => null,
            EntityReference reference when QueryValues.IsLookup(order.Column.Type) => new LookupSortKey(_scope.Names.NameOf(reference), reference.Id),
            OptionSetValue option when QueryValues.IsOption(order.Column.Type) => new OptionSortKey(order.LabelOf(option.Value), option.Value),
            _ => QueryValues.Normalize(raw, QueryValues.KindOf(order.Column.Type)),
        };
    }

    private int[] Distinct(List<Entity?[]> rows, int[] order)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var kept = new List<int>(order.Length);
        foreach (var index in order)
        {
            var row = rows[index];
            var values = new List<string>();
            if (_includeId) values.Add("#" + QueryValues.IdOf(row[0]!, _slots[0].PrimaryIdColumn).ToString("N"));
            foreach (var selected in Selected(row)) values.Add(selected.Key + "=" + QueryValues.DistinctRepresentation(selected.Value));
            values.Sort(StringComparer.Ordinal);
            if (seen.Add(string.Join("\u0001", values))) kept.Add(index);
        }
        return kept.ToArray();
    }

    // ---- paging ----------------------------------------------------------------------------------------------------

    private EntityCollection Page(List<Entity?[]> rows, Guid[] ids, int[] order)
    {
        var result = new EntityCollection { EntityName = _slots[0].TableName, TotalRecordCount = -1 };
        if (_returnTotalRecordCount)
        {
            result.TotalRecordCount = Math.Min(order.Length, QueryEngine.MaxTotalRecordCount);
            result.TotalRecordCountLimitExceeded = order.Length > QueryEngine.MaxTotalRecordCount;
        }

        if (_top is { } top)
        {
            for (var i = 0; i < Math.Min(top, order.Length); i++) result.Entities.Add(Project(rows[order[i]]));
            return result;
        }

        var start = (long)(_pageNumber - 1) * _pageSize;
        if (!_spec.Distinct && _cookie is { Last: { } last } cookie && cookie.Page == _pageNumber - 1)
            start = SeekAfter(ids, order, last, start - 1) ?? start;
        var end = Math.Min(start + _pageSize, order.Length);
        for (var i = start; i < end; i++) result.Entities.Add(Project(rows[order[i]]));
        result.MoreRecords = end < order.Length;
        result.PagingCookie = start < end
            ? PagingCookie.Format(_pageNumber, _slots[0].PrimaryIdColumn, ids[order[start]], ids[order[end - 1]])
            : PagingCookie.Format(_pageNumber);
        return result;
    }

    /// <summary>
    /// Where the page after a cookie's last row starts: right after that row (the occurrence nearest to where the
    /// previous page ended, when links repeat it), or, when it's gone and the result is ordered by id only, at the
    /// first larger id. Null: fall back to the page number.
    /// </summary>
    private long? SeekAfter(Guid[] ids, int[] order, Guid last, long expected)
    {
        if (expected >= 0 && expected < order.Length && ids[order[expected]] == last) return expected + 1;
        long best = -1;
        var bestDistance = long.MaxValue;
        for (var i = 0; i < order.Length; i++)
        {
            if (ids[order[i]] != last) continue;
            var distance = Math.Abs(i - expected);
            if (distance <= bestDistance)
            {
                best = i;
                bestDistance = distance;
            }
        }
        if (best >= 0) return best + 1;
        if (_orders.Count > 0) return null;
        int low = 0, high = order.Length;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (ids[order[middle]].CompareTo(last) > 0) high = middle;
            else low = middle + 1;
        }
        return low;
    }

    // ---- projection ------------------------------------------------------------------------------------------------

    private readonly record struct SelectedValue(string Key, int Slot, string Column, object Value);

    /// <summary>The values a joined row returns: main columns under their name, link columns under "alias.column".</summary>
    private IEnumerable<SelectedValue> Selected(Entity?[] row)
    {
        for (var s = 0; s < _slots.Count; s++)
        {
            if (row[s] is not { } stored) continue;
            var slot = _slots[s];
            var columns = _columns[s];
            var prefix = s == 0 ? "" : slot.Alias + ".";
            if (columns.All)
            {
                foreach (var attribute in stored.Attributes)
                {
                    if (attribute.Value == null || attribute.Key == slot.PrimaryIdColumn) continue;
                    yield return new SelectedValue(prefix + attribute.Key, s, attribute.Key, attribute.Value);
                }
                if (s > 0 && slot.Get(stored, slot.PrimaryIdColumn) is { } linkId)
                    yield return new SelectedValue(prefix + slot.PrimaryIdColumn, s, slot.PrimaryIdColumn, linkId);
                continue;
            }
            foreach (var column in columns.Names)
            {
                if (s == 0 && column == slot.PrimaryIdColumn) continue; // set with Entity.Id
                if (slot.Get(stored, column) is { } value) yield return new SelectedValue(prefix + column, s, column, value);
            }
        }
    }

    private Entity Project(Entity?[] row)
    {
        var main = _slots[0];
        var entity = new Entity(main.TableName);
        if (_includeId)
        {
            var id = QueryValues.IdOf(row[0]!, main.PrimaryIdColumn);
            entity.Id = id;
            entity[main.PrimaryIdColumn] = id;
        }
        foreach (var selected in Selected(row))
        {
            var slot = _slots[selected.Slot];
            var value = EntityCopy.CloneValue(selected.Value, _scope.Names.NameOf);
            entity[selected.Key] = selected.Slot == 0 ? value : new AliasedValue(slot.TableName, selected.Column, value);
            if (FormattedValue(slot, selected.Column, value) is { } formatted) entity.FormattedValues[selected.Key] = formatted;
        }
        return entity;
    }

    /// <summary>Choice labels and lookup names, as Dataverse returns them in FormattedValues.</summary>
    private static string? FormattedValue(QuerySlot slot, string column, object? value) => value switch
    {
        OptionSetValue option => slot.FindColumn(column)?.Options.FirstOrDefault(o => o.Value == option.Value)?.Label,
        EntityReference reference => reference.Name,
        _ => null,
    };

    private sealed record CompiledOrder(int Slot, ColumnDefinition Column, bool Descending)
    {
        private readonly Dictionary<int, string> _labels = Column.Options.GroupBy(o => o.Value).ToDictionary(g => g.Key, g => g.First().Label);

        public string? LabelOf(int value) => _labels.TryGetValue(value, out var label) ? label : null;
    }

    /// <summary>The columns a slot returns (validated against its table).</summary>
    private sealed record SlotColumns(bool All, IReadOnlyList<string> Names)
    {
        public static SlotColumns Of(ColumnSet? columnSet, QuerySlot slot)
        {
            if (columnSet == null) return new SlotColumns(false, []);
            var names = new List<string>();
            foreach (var name in columnSet.Columns)
            {
                var column = slot.Column(name);
                if (!names.Contains(column.LogicalName)) names.Add(column.LogicalName);
            }
            return new SlotColumns(columnSet.AllColumns, names);
        }
    }

    private sealed class LookupSortKey(string? name, Guid id) : IComparable
    {
        public int CompareTo(object? other)
        {
            var that = (LookupSortKey)other!;
            var byName = QueryValues.CompareNullable(name, that.Name);
            return byName != 0 ? byName : id.CompareTo(that.Id);
        }

        private string? Name => name;

        private Guid Id => id;
    }

    private sealed class OptionSortKey(string? label, int value) : IComparable
    {
        public int CompareTo(object? other)
        {
            var that = (OptionSortKey)other!;
            var byLabel = QueryValues.CompareNullable(label, that.Label);
            return byLabel != 0 ? byLabel : value.CompareTo(that.Value);
        }

        private string? Label => label;

        private int Value => value;
    }
}
