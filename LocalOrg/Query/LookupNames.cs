using Microsoft.Xrm.Sdk;
using VoiceForD365.Solution.Model;

namespace VoiceForD365.LocalOrg.Query;

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
