using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using VoiceForD365.LocalOrg.Store;

namespace VoiceForD365.LocalOrg.Query;

// Columns: what each joined row returns (the column sets, aliased link values, formatted values), and Distinct over it.
internal sealed partial class QueryPlan
{
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
        var entity = new Entity(main.TableName) { RowVersion = row[0]!.RowVersion };
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
}
