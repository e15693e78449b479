using Microsoft.Xrm.Sdk;
using VoiceForD365.Solution.Model;

namespace VoiceForD365.LocalOrg.Store;

/// <summary>
/// The rows of every table, an index per alternate key, and an undo journal: a failing synchronous plug-in rolls
/// back everything its transaction wrote, as Dataverse's database transaction does.
/// </summary>
internal sealed class DataStore
{
    private readonly Dictionary<string, Dictionary<Guid, Entity>> _tables = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Table, string Key), Dictionary<string, Guid>> _keyIndexes = new();
    private readonly List<Action> _journal = new();

    // Every insert and replace gives the row a new version (Dataverse's versionnumber, the ETag of the Web API).
    private long _version;

    public IEnumerable<Entity> Rows(string table) => _tables.TryGetValue(table, out var rows) ? rows.Values : [];

    public Entity? Find(string table, Guid id) => _tables.TryGetValue(table, out var rows) && rows.TryGetValue(id, out var row) ? row : null;

    public int Savepoint() => _journal.Count;

    public void RollbackTo(int savepoint)
    {
        for (var i = _journal.Count - 1; i >= savepoint; i--) _journal[i]();
        _journal.RemoveRange(savepoint, _journal.Count - savepoint);
    }

    /// <summary>Forgets the undo entries once the outermost transaction has committed.</summary>
    public void Commit() => _journal.Clear();

    public Guid? FindByKey(TableDefinition table, KeyAttributeCollection keyAttributes)
    {
        var key = table.Keys.FirstOrDefault(k => k.Columns.Count == keyAttributes.Count && k.Columns.All(keyAttributes.ContainsKey))
            ?? throw Faults.InvalidArgumentFault($"The key attributes ({string.Join(", ", keyAttributes.Keys)}) don't match an alternate key of '{table.LogicalName}'.");
        var value = KeyValue(key, name => keyAttributes[name]);
        return value != null && Index(table.LogicalName, key.LogicalName).TryGetValue(value, out var id) ? id : null;
    }

    public void Insert(TableDefinition table, Entity row)
    {
        row.RowVersion = NextVersion();
        if (!_tables.TryGetValue(table.LogicalName, out var rows)) _tables[table.LogicalName] = rows = new Dictionary<Guid, Entity>();
        CheckKeys(table, row, row.Id);
        rows.Add(row.Id, row);
        IndexKeys(table, row, add: true);
        _journal.Add(() =>
        {
            IndexKeys(table, row, add: false);
            rows.Remove(row.Id);
        });
    }

    /// <summary>Replaces a stored row by its new version (the caller builds it as a copy with the changes merged).</summary>
    public void Replace(TableDefinition table, Entity updated)
    {
        updated.RowVersion = NextVersion();
        var rows = _tables[table.LogicalName];
        var previous = rows[updated.Id];
        CheckKeys(table, updated, updated.Id);
        IndexKeys(table, previous, add: false);
        rows[updated.Id] = updated;
        IndexKeys(table, updated, add: true);
        _journal.Add(() =>
        {
            IndexKeys(table, updated, add: false);
            rows[previous.Id] = previous;
            IndexKeys(table, previous, add: true);
        });
    }

    public void Remove(TableDefinition table, Guid id)
    {
        var rows = _tables[table.LogicalName];
        var previous = rows[id];
        IndexKeys(table, previous, add: false);
        rows.Remove(id);
        _journal.Add(() =>
        {
            rows.Add(id, previous);
            IndexKeys(table, previous, add: true);
        });
    }

    private void CheckKeys(TableDefinition table, Entity row, Guid id)
    {
        foreach (var key in table.Keys)
        {
            var value = KeyValue(key, name => row.GetAttributeValue<object>(name));
            if (value != null && Index(table.LogicalName, key.LogicalName).TryGetValue(value, out var existing) && existing != id)
                throw Faults.Create(Faults.DuplicateRecordEntityKey,
                    $"A record that has the attribute values {string.Join(", ", key.Columns)} already exists. The entity key {key.LogicalName} requires that this set of attributes contains unique values. Select unique values and try again.");
        }
    }

    private void IndexKeys(TableDefinition table, Entity row, bool add)
    {
        foreach (var key in table.Keys)
        {
            var value = KeyValue(key, name => row.GetAttributeValue<object>(name));
            if (value == null) continue;
            var index = Index(table.LogicalName, key.LogicalName);
            if (add) index[value] = row.Id;
            else index.Remove(value);
        }
    }

    private Dictionary<string, Guid> Index(string table, string key)
    {
        if (!_keyIndexes.TryGetValue((table, key), out var index)) _keyIndexes[(table, key)] = index = new Dictionary<string, Guid>(StringComparer.OrdinalIgnoreCase);
        return index;
    }

    /// <summary>The composite value of a key, or null when a key column is empty (Dataverse's key indexes skip nulls).</summary>
    private static string? KeyValue(AlternateKeyDefinition key, Func<string, object?> valueOf)
    {
        var parts = new List<string>(key.Columns.Count);
        foreach (var column in key.Columns)
        {
            var value = valueOf(column) switch
            {
                EntityReference reference => reference.Id.ToString(),
                OptionSetValue option => option.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
                null => null,
                var other => Convert.ToString(other, System.Globalization.CultureInfo.InvariantCulture),
            };
            if (value == null) return null;
            parts.Add(value);
        }
        return string.Join("\u001f", parts);
    }

    private string NextVersion() => Interlocked.Increment(ref _version).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
