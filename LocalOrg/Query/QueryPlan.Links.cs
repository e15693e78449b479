using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace VoiceForD365.LocalOrg.Query;

// Links: each LinkEntity a slot (validated when the plan is built), joined with a hash index per link.
internal sealed partial class QueryPlan
{
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
}
