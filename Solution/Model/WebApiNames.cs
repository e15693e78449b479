namespace VoiceForD365.Solution.Model;

/// <summary>
/// The names a table and its lookups have in the Dataverse Web API: the entity set (the table's
/// LogicalCollectionName) and the single-valued navigation property that binds a lookup to one of its targets. The
/// solution packer writes them for our tables; the local organization's Web API (vfd serve) serves them for every table.
/// </summary>
public static class WebApiNames
{
    // Standard tables whose entity set is not the plain plural (Dataverse's intersect tables keep "collection").
    private static readonly Dictionary<string, string> IrregularEntitySets = new(StringComparer.Ordinal)
    {
        ["systemuserroles"] = "systemuserrolescollection",
        ["teamroles"] = "teamrolescollection",
    };

    // Standard single-target lookups whose navigation property is Dataverse's schema name rather than the logical name.
    private static readonly Dictionary<(string Table, string Column), string> SchemaNamedNavigations = new()
    {
        [("environmentvariablevalue", "environmentvariabledefinitionid")] = "EnvironmentVariableDefinitionId",
    };

    /// <summary>The entity set of a table: its logical name in the plural (activityparty → activityparties).</summary>
    public static string EntitySetName(string logicalName)
    {
        if (IrregularEntitySets.TryGetValue(logicalName, out var irregular)) return irregular;
        if (logicalName.EndsWith('y') && logicalName.Length > 1 && "aeiou".IndexOf(logicalName[^2]) < 0) return logicalName[..^1] + "ies";
        if (logicalName.EndsWith('s') || logicalName.EndsWith('x') || logicalName.EndsWith("ch", StringComparison.Ordinal) || logicalName.EndsWith("sh", StringComparison.Ordinal))
            return logicalName + "es";
        return logicalName + "s";
    }

    /// <summary>
    /// The navigation property of <paramref name="column"/> of <paramref name="table"/> towards <paramref name="target"/>:
    /// <c>{column}_{target}</c> for a lookup to several tables (customerid_contact, regardingobjectid_incident,
    /// partyid_systemuser), <c>ownerid</c> for the owner, else the lookup's name (vfd_queueid; a few standard lookups
    /// use their schema name, e.g. EnvironmentVariableDefinitionId).
    /// </summary>
    public static string NavigationProperty(string table, ColumnDefinition column, string target)
    {
        if (column.Type == ColumnType.Owner) return column.LogicalName;
        if (column.Targets.Count > 1 || column.Type == ColumnType.Customer) return column.LogicalName + "_" + target;
        return SchemaNamedNavigations.TryGetValue((table, column.LogicalName), out var schemaName) ? schemaName : column.LogicalName;
    }

    /// <summary>The collection of an activity's parties (phonecall_activity_parties).</summary>
    public static string ActivityPartiesNavigation(string activityTable) => activityTable + "_activity_parties";
}
