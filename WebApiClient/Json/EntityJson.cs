using System.Globalization;

using System.Text.Json;
using Microsoft.Xrm.Sdk;
using VoiceForD365.Core.Schema;
using VoiceForD365.WebApiClient.Faults;
using VoiceForD365.WebApiClient.Metadata;

namespace VoiceForD365.WebApiClient.Json;

/// <summary>
/// Entity values to and from the Web API's JSON. Writing: lookups as <c>{navigation}@odata.bind</c> with the
/// target's entity set, choices and money as numbers, dates in UTC, party lists as a deep insert of the activity's
/// parties. Reading: <c>_x_value</c> with its <c>lookuplogicalname</c> annotation as an EntityReference, typed values by
/// the column's metadata, <c>@odata.etag</c> as RowVersion, formatted values as FormattedValues, link-entity columns
/// (<c>alias.column</c>) as AliasedValue.
/// </summary>
internal static class EntityJson
{
    public const string FormattedValue = "@OData.Community.Display.V1.FormattedValue";
    public const string LookupLogicalName = "@Microsoft.Dynamics.CRM.lookuplogicalname";

    /// <summary>The tables whose metadata writing <paramref name="entity"/> needs: lookup targets, and activityparty with theirs for party lists.</summary>
    public static IEnumerable<string> TablesToWrite(Entity entity)
    {
        foreach (var value in entity.Attributes.Values)
        {
            switch (value)
            {
                case EntityReference reference:
                    yield return reference.LogicalName;
                    break;
                case EntityCollection parties:
                    yield return ActivityParty.EntityName;
                    foreach (var party in parties.Entities)
                        if (party.GetAttributeValue<EntityReference>(ActivityParty.PartyId) is { } partyId) yield return partyId.LogicalName;
                    break;
            }
        }
    }

    /// <summary>The JSON body of a create, update or upsert.</summary>
    public static byte[] Write(Entity entity, TableMetadata table, IReadOnlyDictionary<string, TableMetadata> tables, bool includeId)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            if (includeId && entity.Id != Guid.Empty && !entity.Contains(table.PrimaryIdAttribute)) writer.WriteString(table.PrimaryIdAttribute, entity.Id);
            var parties = new List<(int Type, Entity Party)>();
            foreach (var (column, value) in entity.Attributes)
            {
                if (value is EntityCollection collection)
                {
                    var type = ActivityParty.ParticipationTypeOf(column);
                    if (type == 0 || table.ActivityPartiesNavigation == null)
                        throw WebApiErrors.Fault(ErrorCodes.InvalidArgument, $"'{column}' of '{table.LogicalName}' is not a party list column: only activities' from, to, cc... take an EntityCollection.");
                    parties.AddRange(collection.Entities.Select(p => (type, p)));
                    continue;
                }
                WriteAttribute(writer, table, column, value, tables);
            }
            if (parties.Count > 0 || entity.Attributes.Values.OfType<EntityCollection>().Any())
            {
                var partyTable = tables[ActivityParty.EntityName];
                writer.WriteStartArray(table.ActivityPartiesNavigation!);
                foreach (var (type, party) in parties)
                {
                    writer.WriteStartObject();
                    writer.WriteNumber(ActivityParty.ParticipationTypeMask, type);
                    foreach (var (column, value) in party.Attributes)
                        if (column != ActivityParty.ParticipationTypeMask) WriteAttribute(writer, partyTable, column, value, tables);
                    writer.WriteEndObject();
                }
                writer.WriteEndArray();
            }
            writer.WriteEndObject();
        }
        return stream.ToArray();
    }

    private static void WriteAttribute(Utf8JsonWriter writer, TableMetadata table, string column, object? value, IReadOnlyDictionary<string, TableMetadata> tables)
    {
        if (table.IsLookup(column) || value is EntityReference)
        {
            if (value is EntityReference reference)
            {
                writer.WriteString(table.NavigationFor(column, reference.LogicalName) + "@odata.bind", BindPath(reference, tables[reference.LogicalName]));
            }
            else if (value == null)
            {
                var navigation = table.LookupNavigation.TryGetValue(column, out var byTarget) && byTarget.Count > 0
                    ? byTarget.Values.First()
                    : throw WebApiErrors.Fault(ErrorCodes.InvalidArgument, $"'{table.LogicalName}' has no lookup column '{column}'.");
                writer.WriteNull(navigation + "@odata.bind");
            }
            else
            {
                throw WebApiErrors.Fault(ErrorCodes.InvalidArgument, $"The lookup '{column}' of '{table.LogicalName}' takes an EntityReference, not a {value.GetType().Name}.");
            }
            return;
        }
        writer.WritePropertyName(column);
        WriteValue(writer, value, $"'{column}' of '{table.LogicalName}'");
    }

    /// <summary>A JSON value of a column or parameter: choices and money as their numbers, dates in UTC.</summary>
    public static void WriteValue(Utf8JsonWriter writer, object? value, string what)
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
            default: throw WebApiErrors.Fault(ErrorCodes.InvalidArgument, $"The value of {what} has a type the Web API client can't send: {value.GetType().FullName}.");
        }
    }

    /// <summary>UTC, with the fractions of a second it has (a local time is converted; an unspecified one is taken as UTC).</summary>
    public static string FormatDate(DateTime date)
    {
        var utc = date.Kind switch
        {
            DateTimeKind.Local => date.ToUniversalTime(),
            DateTimeKind.Unspecified => DateTime.SpecifyKind(date, DateTimeKind.Utc),
            _ => date,
        };
        return utc.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
    }

    /// <summary><c>/contacts(…)</c>: a row to bind a lookup to, by id or by alternate key.</summary>
    public static string BindPath(EntityReference reference, TableMetadata target) =>
        "/" + target.EntitySetName + (reference.Id != Guid.Empty || reference.KeyAttributes.Count == 0 ? $"({reference.Id:D})" : KeySegment(reference.KeyAttributes, target));

    /// <summary><c>(accountnumber='A-1',…)</c>: an alternate key in a URL (lookup key columns as <c>_x_value=guid</c>).</summary>
    public static string KeySegment(KeyAttributeCollection keys, TableMetadata table)
    {
        var parts = new List<string>();
        foreach (var (column, value) in keys)
        {
            var name = table.IsLookup(column) || value is EntityReference ? $"_{column}_value" : column;
            var literal = value switch
            {
                null => throw WebApiErrors.Fault(ErrorCodes.InvalidArgument, $"The key value of '{column}' is null."),
                string text => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'",
                EntityReference reference => reference.Id.ToString("D"),
                Guid id => id.ToString("D"),
                OptionSetValue option => option.Value.ToString(CultureInfo.InvariantCulture),
                bool flag => flag ? "true" : "false",
                DateTime date => FormatDate(date),
                IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
                _ => throw WebApiErrors.Fault(ErrorCodes.InvalidArgument, $"The key value of '{column}' has a type a URL can't hold: {value.GetType().FullName}."),
            };
            parts.Add(name + "=" + Uri.EscapeDataString(literal));
        }
        return "(" + string.Join(",", parts) + ")";
    }

    /// <summary>One row of an answer as an Entity of <paramref name="table"/>.</summary>
    /// <param name="links">Link-entity aliases of a query and the table each joins (columns <c>alias.column</c>).</param>
    public static Entity Read(JsonElement row, TableMetadata table, IReadOnlyDictionary<string, TableMetadata> tables, IReadOnlyDictionary<string, string>? links = null)
    {
        var entity = new Entity(table.LogicalName);
        foreach (var property in row.EnumerateObject())
        {
            var name = property.Name;
            if (name == "@odata.etag")
            {
                entity.RowVersion = RowVersionOf(property.Value.GetString());
                continue;
            }
            var at = name.IndexOf('@', StringComparison.Ordinal);
            if (at >= 0)
            {
                if (name.EndsWith(FormattedValue, StringComparison.Ordinal) && property.Value.ValueKind == JsonValueKind.String)
                    entity.FormattedValues[ColumnOf(name[..at])] = property.Value.GetString()!;
                continue;
            }
            if (name == table.ActivityPartiesNavigation && property.Value.ValueKind == JsonValueKind.Array)
            {
                ReadParties(entity, property.Value, tables);
                continue;
            }
            if (property.Value.ValueKind is JsonValueKind.Null) continue;
            var dot = name.IndexOf('.', StringComparison.Ordinal);
            if (dot > 0 && links != null && links.TryGetValue(name[..dot], out var linkTable) && tables.TryGetValue(linkTable, out var link))
            {
                var column = ColumnOf(name[(dot + 1)..]);
                entity[name[..dot] + "." + column] = new AliasedValue(link.LogicalName, column, ReadValue(row, name, property.Value, link, column));
                continue;
            }
            if (property.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array) continue; // expanded navigation properties
            var attribute = ColumnOf(name);
            var value = ReadValue(row, name, property.Value, table, attribute);
            if (attribute == table.PrimaryIdAttribute && value is Guid id) entity.Id = id;
            entity[attribute] = value;
        }
        return entity;
    }

    /// <summary>The row version in an ETag (<c>W/"1234"</c> → 1234).</summary>
    public static string? RowVersionOf(string? etag)
    {
        if (string.IsNullOrEmpty(etag)) return null;
        var text = etag.StartsWith("W/", StringComparison.Ordinal) ? etag[2..] : etag;
        return text.Trim('"');
    }

    /// <summary>A lookup's property name <c>_x_value</c> → its column <c>x</c>.</summary>
    private static string ColumnOf(string property) =>
        property.Length > 7 && property[0] == '_' && property.EndsWith("_value", StringComparison.Ordinal) ? property[1..^6] : property;

    private static object? ReadValue(JsonElement row, string property, JsonElement value, TableMetadata table, string column)
    {
        var kind = table.KindOf(column);
        if (row.TryGetProperty(property + LookupLogicalName, out var target) && target.GetString() is { } logicalName)
        {
            var reference = new EntityReference(logicalName, value.GetGuid());
            if (row.TryGetProperty(property + FormattedValue, out var formatted)) reference.Name = formatted.GetString();
            return reference;
        }
        switch (kind)
        {
            case AttributeKind.Integer: return value.GetInt32();
            case AttributeKind.BigInt: return value.GetInt64();
            case AttributeKind.Decimal: return value.GetDecimal();
            case AttributeKind.Double: return value.GetDouble();
            case AttributeKind.Money: return new Money(value.GetDecimal());
            case AttributeKind.Boolean: return value.GetBoolean();
            case AttributeKind.DateTime: return ParseDate(value.GetString()!);
            case AttributeKind.Picklist or AttributeKind.State or AttributeKind.Status: return new OptionSetValue(value.GetInt32());
            case AttributeKind.Uniqueidentifier: return value.GetGuid();
            case AttributeKind.Lookup or AttributeKind.Customer or AttributeKind.Owner:
                return new EntityReference(table.LookupNavigation.TryGetValue(column, out var targets) && targets.Count == 1 ? targets.Keys.First() : null!, value.GetGuid());
        }
        if (column == table.PrimaryIdAttribute && value.ValueKind == JsonValueKind.String && value.TryGetGuid(out var id)) return id;
        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number => value.TryGetInt32(out var number) ? (object)number : value.GetDecimal(),
            _ => value.GetRawText(),
        };
    }

    public static DateTime ParseDate(string text) =>
        DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    private static void ReadParties(Entity entity, JsonElement parties, IReadOnlyDictionary<string, TableMetadata> tables)
    {
        tables.TryGetValue(ActivityParty.EntityName, out var partyTable);
        foreach (var item in parties.EnumerateArray())
        {
            var type = item.TryGetProperty(ActivityParty.ParticipationTypeMask, out var mask) && mask.ValueKind == JsonValueKind.Number ? mask.GetInt32() : 0;
            if (ActivityParty.ColumnOf(type) is not { } column) continue;
            if (!entity.Attributes.TryGetValue(column, out var existing) || existing is not EntityCollection collection)
                entity[column] = collection = new EntityCollection { EntityName = ActivityParty.EntityName };
            var party = partyTable != null ? Read(item, partyTable, tables) : new Entity(ActivityParty.EntityName);
            party[ActivityParty.ParticipationTypeMask] = new OptionSetValue(type);
            collection.Entities.Add(party);
        }
    }

    /// <summary>The id in an <c>OData-EntityId</c> header (<c>…/contacts(00000000-…)</c>).</summary>
    public static Guid IdOfEntityUrl(string? url)
    {
        if (url != null)
        {
            var open = url.LastIndexOf('(');
            var close = url.LastIndexOf(')');
            if (open >= 0 && close > open && Guid.TryParse(url.AsSpan(open + 1, close - open - 1), out var id)) return id;
        }
        throw WebApiErrors.Fault(ErrorCodes.InvalidArgument, $"Dataverse's answer has no entity id (OData-EntityId: {url ?? "(none)"}).");
    }

}
