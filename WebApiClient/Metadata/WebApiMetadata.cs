using System.Collections.Concurrent;
using System.Text.Json;
using VoiceForD365.WebApiClient.Faults;

namespace VoiceForD365.WebApiClient.Metadata;

/// <summary>A column's type as Dataverse's AttributeMetadata.AttributeType names it.</summary>
internal enum AttributeKind
{
    Other,
    String,
    Memo,
    Integer,
    BigInt,
    Decimal,
    Double,
    Money,
    Boolean,
    DateTime,
    Lookup,
    Customer,
    Owner,
    Picklist,
    State,
    Status,
    PartyList,
    EntityName,
    Uniqueidentifier,
}

/// <summary>The two ends of a many-to-many relationship and their collection-valued navigation properties.</summary>
internal sealed record ManyToManyNavigation(string Entity1, string Entity1Navigation, string Entity2, string Entity2Navigation);

/// <summary>What the client needs to know of a table to address it and map its values (read once per table, then cached).</summary>
internal sealed class TableMetadata
{
    public required string LogicalName { get; init; }

    public required string EntitySetName { get; init; }

    public required string PrimaryIdAttribute { get; init; }

    public required IReadOnlyDictionary<string, AttributeKind> Attributes { get; init; }

    /// <summary>Lookup column → target table → single-valued navigation property (<c>parentcustomerid_account</c>, <c>vfd_queueid</c>...).</summary>
    public required IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> LookupNavigation { get; init; }

    /// <summary>The collection of activity parties of an activity table (<c>phonecall_activity_parties</c>); null for other tables.</summary>
    public string? ActivityPartiesNavigation { get; init; }

    public required IReadOnlyDictionary<string, ManyToManyNavigation> ManyToMany { get; init; }

    public AttributeKind KindOf(string column) => Attributes.TryGetValue(column, out var kind) ? kind : AttributeKind.Other;

    public bool IsLookup(string column) => KindOf(column) is AttributeKind.Lookup or AttributeKind.Customer or AttributeKind.Owner;

    /// <summary>The navigation property that binds <paramref name="column"/> to a row of <paramref name="target"/>.</summary>
    public string NavigationFor(string column, string target)
    {
        if (LookupNavigation.TryGetValue(column, out var byTarget) && byTarget.TryGetValue(target, out var navigation)) return navigation;
        throw WebApiErrors.Fault(Core.Schema.ErrorCodes.InvalidArgument,
            LookupNavigation.TryGetValue(column, out var known)
                ? $"The lookup '{column}' of '{LogicalName}' can't point to a '{target}'; it accepts {string.Join(", ", known.Keys)}."
                : $"'{LogicalName}' has no lookup column '{column}' (the organization's metadata lists no relationship for it).");
    }
}

/// <summary>
/// The organization's table metadata, read from <c>EntityDefinitions</c> once per table and kept for the client's
/// life. Concurrent first uses of a table share one request; a failed read is not cached.
/// </summary>
internal sealed class WebApiMetadataCache
{
    internal const string TableQuery =
        "?$select=LogicalName,EntitySetName,PrimaryIdAttribute,IsActivity" +
        "&$expand=Attributes($select=LogicalName,AttributeType)," +
        "ManyToOneRelationships($select=ReferencingAttribute,ReferencedEntity,ReferencingEntityNavigationPropertyName)," +
        "OneToManyRelationships($select=ReferencingEntity,ReferencingAttribute,ReferencedEntityNavigationPropertyName)," +
        "ManyToManyRelationships($select=SchemaName,Entity1LogicalName,Entity2LogicalName,Entity1NavigationPropertyName,Entity2NavigationPropertyName)";

    private readonly ConcurrentDictionary<string, Lazy<Task<TableMetadata>>> _tables = new(StringComparer.Ordinal);
    private readonly Func<string, string, CancellationToken, Task<JsonDocument>> _get;

    /// <param name="get">GETs a Web API path (relative to the Web API root) with a description, and returns its JSON.</param>
    public WebApiMetadataCache(Func<string, string, CancellationToken, Task<JsonDocument>> get) => _get = get;

    public async Task<TableMetadata> TableAsync(string logicalName, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(logicalName)) throw WebApiErrors.Fault(Core.Schema.ErrorCodes.InvalidArgument, "The entity logical name is missing.");
        var lazy = _tables.GetOrAdd(logicalName, name => new Lazy<Task<TableMetadata>>(() => LoadAsync(name, CancellationToken.None)));
        try
        {
            return await lazy.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (lazy.Value.IsFaulted)
        {
            _tables.TryRemove(new KeyValuePair<string, Lazy<Task<TableMetadata>>>(logicalName, lazy));
            throw;
        }
    }

    /// <summary>The metadata of every table named, read in parallel where not cached yet.</summary>
    public async Task<IReadOnlyDictionary<string, TableMetadata>> TablesAsync(IEnumerable<string> logicalNames, CancellationToken cancellationToken)
    {
        var names = logicalNames.Where(n => !string.IsNullOrEmpty(n)).Distinct(StringComparer.Ordinal).ToList();
        var tables = await Task.WhenAll(names.Select(n => TableAsync(n, cancellationToken))).ConfigureAwait(false);
        return tables.ToDictionary(t => t.LogicalName, StringComparer.Ordinal);
    }

    private async Task<TableMetadata> LoadAsync(string logicalName, CancellationToken cancellationToken)
    {
        var path = $"EntityDefinitions(LogicalName='{Uri.EscapeDataString(logicalName.Replace("'", "''", StringComparison.Ordinal))}')" + TableQuery;
        using var document = await _get(path, $"reading the metadata of '{logicalName}'", cancellationToken).ConfigureAwait(false);
        var root = document.RootElement;
        var attributes = new Dictionary<string, AttributeKind>(StringComparer.Ordinal);
        foreach (var attribute in Items(root, "Attributes"))
        {
            var name = Text(attribute, "LogicalName");
            if (name == null) continue;
            attributes[name] = Enum.TryParse<AttributeKind>(Text(attribute, "AttributeType"), ignoreCase: true, out var kind) ? kind : AttributeKind.Other;
        }
        var lookups = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var relationship in Items(root, "ManyToOneRelationships"))
        {
            if (Text(relationship, "ReferencingAttribute") is not { } column || Text(relationship, "ReferencedEntity") is not { } target
                || Text(relationship, "ReferencingEntityNavigationPropertyName") is not { } navigation) continue;
            if (!lookups.TryGetValue(column, out var byTarget)) lookups[column] = byTarget = new Dictionary<string, string>(StringComparer.Ordinal);
            byTarget.TryAdd(target, navigation);
        }
        string? parties = null;
        foreach (var relationship in Items(root, "OneToManyRelationships"))
        {
            if (Text(relationship, "ReferencingEntity") == "activityparty" && Text(relationship, "ReferencingAttribute") == "activityid")
                parties = Text(relationship, "ReferencedEntityNavigationPropertyName");
        }
        var manyToMany = new Dictionary<string, ManyToManyNavigation>(StringComparer.Ordinal);
        foreach (var relationship in Items(root, "ManyToManyRelationships"))
        {
            if (Text(relationship, "SchemaName") is not { } schemaName) continue;
            manyToMany[schemaName] = new ManyToManyNavigation(
                Text(relationship, "Entity1LogicalName") ?? "", Text(relationship, "Entity1NavigationPropertyName") ?? schemaName,
                Text(relationship, "Entity2LogicalName") ?? "", Text(relationship, "Entity2NavigationPropertyName") ?? schemaName);
        }
        return new TableMetadata
        {
            LogicalName = Text(root, "LogicalName") ?? logicalName,
            EntitySetName = Text(root, "EntitySetName")
                ?? throw WebApiErrors.Fault(Core.Schema.ErrorCodes.InvalidArgument, $"The organization's metadata of '{logicalName}' has no EntitySetName."),
            PrimaryIdAttribute = Text(root, "PrimaryIdAttribute") ?? logicalName + "id",
            Attributes = attributes,
            LookupNavigation = lookups.ToDictionary(p => p.Key, p => (IReadOnlyDictionary<string, string>)p.Value, StringComparer.Ordinal),
            ActivityPartiesNavigation = parties,
            ManyToMany = manyToMany,
        };
    }

    private static IEnumerable<JsonElement> Items(JsonElement element, string name) =>
        element.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array ? array.EnumerateArray() : [];

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
