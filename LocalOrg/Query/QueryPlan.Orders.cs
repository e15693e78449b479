using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using VoiceForD365.Solution.Model;

namespace VoiceForD365.LocalOrg.Query;

// Orders: compiled against their slots, applied in one sort with the primary id as the tie-break.
internal sealed partial class QueryPlan
{
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

    private sealed record CompiledOrder(int Slot, ColumnDefinition Column, bool Descending)
    {
        private readonly Dictionary<int, string> _labels = Column.Options.GroupBy(o => o.Value).ToDictionary(g => g.Key, g => g.First().Label);

        public string? LabelOf(int value) => _labels.TryGetValue(value, out var label) ? label : null;
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
