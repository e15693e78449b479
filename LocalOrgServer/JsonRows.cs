using System.Globalization;
using System.Text.Json;
using Microsoft.OData.UriParser;
using Microsoft.Xrm.Sdk;
using VoiceForD365.Core.Schema;
using VoiceForD365.Solution.Model;

namespace VoiceForD365.LocalOrgServer;

/// <summary>A $expand of one row: a lookup's related row (Related), or an activity's parties, with the columns to show (null: all).</summary>
internal sealed record Expansion(WebApiNavigation Navigation, IReadOnlyList<string>? Columns);

/// <summary>
/// Rows as the Dataverse Web API writes them: <c>@odata.etag</c> from the row version, lookups as <c>_x_value</c> with
/// lookuplogicalname, associatednavigationproperty and formatted-value annotations, choices as numbers with their
/// labels, dates in UTC, link-entity columns of FetchXML as <c>alias.column</c>, $expand results nested.
/// </summary>
internal sealed class JsonRows(WebApiModel model)
{
    public const string FormattedValue = "@OData.Community.Display.V1.FormattedValue";

    /// <summary>Writes one row; <paramref name="selected"/> columns missing from it are written as null, as Dataverse does.</summary>
    public void Write(Utf8JsonWriter writer, Entity entity, WebApiTable table, IReadOnlyList<string>? selected, IReadOnlyList<Expansion> expansions,
        IReadOnlyDictionary<string, Entity?> related)
    {
        writer.WriteStartObject();
        if (!string.IsNullOrEmpty(entity.RowVersion)) writer.WriteString("@odata.etag", $"W/\"{entity.RowVersion}\"");
        var primary = table.Definition.PrimaryIdColumn;
        if (entity.Id != Guid.Empty) writer.WriteString(primary, entity.Id);
        var expandedAliases = expansions.Select(e => e.Navigation.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var (name, value) in entity.Attributes)
        {
            if (name == primary || value is EntityCollection) continue;
            if (value is AliasedValue aliased)
            {
                var dot = name.IndexOf('.', StringComparison.Ordinal);
                if (dot > 0 && expandedAliases.Contains(name[..dot])) continue;
                var linkTable = model.ByTable(aliased.EntityLogicalName);
                WriteValue(writer, name, aliased.Value, linkTable?.Column(aliased.AttributeLogicalName), entity.FormattedValues, name, linkTable, aliased.AttributeLogicalName, asLinkColumn: true);
                continue;
            }
            WriteValue(writer, name, value, table.Column(name), entity.FormattedValues, name, table, name, asLinkColumn: false);
        }
        foreach (var column in selected ?? [])
        {
            if (entity.Contains(column) || column == primary) continue;
            var definition = table.Column(column);
            if (definition == null || definition.Type == ColumnType.PartyList) continue;
            writer.WriteNull(WebApiModel.IsLookup(definition.Type) ? WebApiModel.LookupProperty(column) : column);
        }
        foreach (var expansion in expansions)
        {
            var target = model.ByTable(expansion.Navigation.Target)!;
            if (expansion.Navigation.IsActivityParties)
            {
                writer.WriteStartArray(expansion.Navigation.Name);
                foreach (var party in Parties(entity)) Write(writer, party, target, expansion.Columns, [], EmptyRelated);
                writer.WriteEndArray();
                continue;
            }
            writer.WritePropertyName(expansion.Navigation.Name);
            if (related.TryGetValue(expansion.Navigation.Name, out var row) && row != null) Write(writer, row, target, expansion.Columns, [], EmptyRelated);
            else writer.WriteNullValue();
        }
        writer.WriteEndObject();
    }

    public static readonly IReadOnlyDictionary<string, Entity?> EmptyRelated = new Dictionary<string, Entity?>();

    /// <summary>An activity's parties (its party list columns) as activityparty rows with their participation type.</summary>
    public static IEnumerable<Entity> Parties(Entity activity)
    {
        foreach (var (column, value) in activity.Attributes)
        {
            if (value is not EntityCollection parties || ActivityParty.ParticipationTypeOf(column) is var type && type == 0) continue;
            foreach (var stored in parties.Entities)
            {
                var party = new Entity(ActivityParty.EntityName, stored.Id);
                foreach (var (name, partyValue) in stored.Attributes) party[name] = partyValue;
                party[ActivityParty.ParticipationTypeMask] = new OptionSetValue(type);
                if (stored.Id != Guid.Empty) party[ActivityParty.PrimaryId] = stored.Id;
                yield return party;
            }
        }
    }

    private void WriteValue(Utf8JsonWriter writer, string name, object? value, ColumnDefinition? column, FormattedValueCollection formatted, string formattedKey,
        WebApiTable? table, string columnName, bool asLinkColumn)
    {
        if (value is EntityReference reference)
        {
            var property = asLinkColumn ? name : WebApiModel.LookupProperty(name);
            writer.WriteString(property, reference.Id);
            writer.WriteString(property + "@Microsoft.Dynamics.CRM.lookuplogicalname", reference.LogicalName);
            if (table?.NavigationOf(columnName, reference.LogicalName) is { } navigation)
                writer.WriteString(property + "@Microsoft.Dynamics.CRM.associatednavigationproperty", navigation.Name);
            var label = formatted.TryGetValue(formattedKey, out var text) ? text : reference.Name;
            if (label != null) writer.WriteString(property + FormattedValue, label);
            return;
        }
        if (formatted.TryGetValue(formattedKey, out var display)) writer.WriteString(name + FormattedValue, display);
        writer.WritePropertyName(name);
        WriteScalar(writer, value, column?.Type);
    }

    public static void WriteScalar(Utf8JsonWriter writer, object? value, ColumnType? type)
    {
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case string text: writer.WriteStringValue(text); break;
            case bool flag: writer.WriteBooleanValue(flag); break;
            case int number: writer.WriteNumberValue(number); break;
            case long number: writer.WriteNumberValue(number); break;
            case decimal number: writer.WriteNumberValue(number); break;
            case double number: writer.WriteNumberValue(number); break;
            case Guid id: writer.WriteStringValue(id); break;
            case DateTime date: writer.WriteStringValue(FormatDate(date)); break;
            case OptionSetValue option: writer.WriteNumberValue(option.Value); break;
            case Money money: writer.WriteNumberValue(money.Value); break;
            case EntityReference reference: writer.WriteStringValue(reference.Id); break;
            default: writer.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture)); break;
        }
    }

    public static string FormatDate(DateTime date)
    {
        var utc = date.Kind == DateTimeKind.Local ? date.ToUniversalTime() : DateTime.SpecifyKind(date, DateTimeKind.Utc);
        return utc.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
    }

    // ---- request bodies ------------------------------------------------------------------------------------------------

    /// <summary>
    /// A create or update body as an Entity: columns by their types, <c>nav@odata.bind</c> as lookups (a bind to
    /// <c>$n</c> is a row created earlier in the change set), an activity's parties as its party list columns.
    /// </summary>
    public Entity Read(JsonElement body, WebApiTable table, Func<string, string> resolveContentId)
    {
        if (body.ValueKind != JsonValueKind.Object) throw WebApiException.BadRequest("The request body must be a JSON object.");
        var entity = new Entity(table.LogicalName);
        foreach (var property in body.EnumerateObject())
        {
            var name = property.Name;
            if (name.StartsWith("@odata.", StringComparison.Ordinal)) continue;
            if (name.EndsWith("@odata.bind", StringComparison.Ordinal))
            {
                var navigationName = name[..^"@odata.bind".Length];
                if (!table.Navigations.TryGetValue(navigationName, out var navigation) || navigation.Column == null)
                    throw WebApiException.BadRequest($"An undeclared property '{navigationName}' which only has property annotations in the payload but no property value was found in the payload. In OData, only declared navigation properties and declared named streams can be represented as properties without values.");
                entity[navigation.Column] = property.Value.ValueKind == JsonValueKind.Null ? null : Bind(property.Value.GetString()!, navigation, resolveContentId);
                continue;
            }
            if (name.Contains('@', StringComparison.Ordinal)) continue;
            if (table.ActivityParties is { } parties && name == parties.Name)
            {
                ReadParties(entity, property.Value, resolveContentId);
                continue;
            }
            var column = table.Column(name);
            if (column == null || WebApiModel.IsLookup(column.Type) || column.Type == ColumnType.PartyList)
                throw WebApiException.BadRequest($"The property '{name}' does not exist on type '{WebApiModel.Namespace}.{table.LogicalName}'. Make sure to only use property names that are defined by the type.");
            entity[name] = ReadScalar(property.Value, column, table.LogicalName);
        }
        return entity;
    }

    private void ReadParties(Entity activity, JsonElement parties, Func<string, string> resolveContentId)
    {
        if (parties.ValueKind != JsonValueKind.Array) throw WebApiException.BadRequest("An activity's parties are a JSON array.");
        var partyTable = model.ByTable(ActivityParty.EntityName)!;
        foreach (var item in parties.EnumerateArray())
        {
            var party = Read(item, partyTable, resolveContentId);
            var type = party.GetAttributeValue<OptionSetValue>(ActivityParty.ParticipationTypeMask)?.Value ?? 0;
            var column = ActivityParty.ColumnOf(type) is { } known && model.ByTable(activity.LogicalName)?.Column(known) is { Type: ColumnType.PartyList }
                ? known
                : throw WebApiException.BadRequest($"'{activity.LogicalName}' has no party list for the participation type {type}.");
            party.Attributes.Remove(ActivityParty.ParticipationTypeMask);
            if (!activity.Attributes.TryGetValue(column, out var existing) || existing is not EntityCollection collection)
                activity[column] = collection = new EntityCollection { EntityName = ActivityParty.EntityName };
            collection.Entities.Add(party);
        }
    }

    /// <summary>The row a bind path (<c>/contacts(…)</c>, <c>contacts(…)</c>, a full URL, or <c>$1</c>) names, parsed with the OData URI parser.</summary>
    public EntityReference Bind(string path, WebApiNavigation navigation, Func<string, string> resolveContentId)
    {
        var reference = Reference(path, resolveContentId);
        if (!navigation.Accepts.Contains(reference.LogicalName))
            throw WebApiException.BadRequest($"The navigation property '{navigation.Name}' binds a {string.Join(" or ", navigation.Accepts)}, not a {reference.LogicalName} ({path}).");
        return reference;
    }

    /// <summary>The row an entity URL names (by id or alternate key).</summary>
    public EntityReference Reference(string path, Func<string, string> resolveContentId)
    {
        var relative = path.StartsWith('$') ? resolveContentId(path) : path;
        var marker = relative.IndexOf("/api/data/v9.2/", StringComparison.OrdinalIgnoreCase);
        if (marker >= 0) relative = relative[(marker + "/api/data/v9.2/".Length)..];
        relative = relative.TrimStart('/');
        var segments = new ODataUriParser(model.Model, new Uri(relative, UriKind.Relative)) { Resolver = new AlternateKeysODataUriResolver(model.Model) }.ParsePath().ToList();
        if (segments.Count != 2 || segments[0] is not EntitySetSegment set || segments[1] is not KeySegment key)
            throw WebApiException.BadRequest($"'{path}' does not name one row (expected e.g. /contacts(00000000-0000-0000-0000-000000000001)).");
        return ReferenceOf(model.BySet(set.EntitySet.Name)!, key);
    }

    /// <summary>The row a key segment names: by id, or by alternate key values.</summary>
    public static EntityReference ReferenceOf(WebApiTable table, KeySegment key)
    {
        var keys = key.Keys.ToList();
        if (keys.Count == 1 && keys[0].Key == table.Definition.PrimaryIdColumn) return new EntityReference(table.LogicalName, (Guid)keys[0].Value);
        var attributes = new KeyAttributeCollection();
        foreach (var (name, value) in keys)
        {
            var column = name.StartsWith('_') && name.EndsWith("_value", StringComparison.Ordinal) ? name[1..^6] : name;
            attributes[column] = value is DateTimeOffset offset ? offset.UtcDateTime : value;
        }
        return new EntityReference(table.LogicalName, attributes);
    }

    public static object? ReadScalar(JsonElement value, ColumnDefinition column, string table)
    {
        if (value.ValueKind == JsonValueKind.Null) return null;
        try
        {
            return column.Type switch
            {
                ColumnType.String or ColumnType.Memo or ColumnType.EntityName => value.GetString(),
                ColumnType.Integer => value.GetInt32(),
                ColumnType.Decimal => value.GetDecimal(),
                ColumnType.Double => value.GetDouble(),
                ColumnType.Money => new Money(value.GetDecimal()),
                ColumnType.Boolean => value.GetBoolean(),
                ColumnType.DateTime => DateTime.Parse(value.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
                ColumnType.Picklist or ColumnType.State or ColumnType.Status => new OptionSetValue(value.GetInt32()),
                ColumnType.PrimaryKey or ColumnType.Uniqueidentifier => value.GetGuid(),
                _ => throw WebApiException.BadRequest($"The column '{column.LogicalName}' of '{table}' can't be written this way."),
            };
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException)
        {
            throw WebApiException.BadRequest($"Cannot convert the literal '{value.GetRawText()}' to the expected type of '{column.LogicalName}' ({column.Type}) of '{table}'.");
        }
    }
}
