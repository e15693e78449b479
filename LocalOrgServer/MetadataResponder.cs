using System.Text;
using System.Text.Json;
using Microsoft.OData.UriParser;
using VoiceForD365.Core.Schema;
using VoiceForD365.Solution.Model;
using VoiceForD365.Solution.Packing;

namespace VoiceForD365.LocalOrgServer;

/// <summary>
/// <c>EntityDefinitions</c>: the tables' metadata as Dataverse's Web API gives it (EntityMetadata with Attributes,
/// ManyToOne/OneToMany/ManyToMany relationships and Keys), with $select and $expand applied.
/// </summary>
internal sealed class MetadataResponder(WebApiModel model)
{
    private readonly Dictionary<string, Record> _tables = model.Tables.ToDictionary(t => t.LogicalName, t => Describe(t, model), StringComparer.Ordinal);

    /// <summary>A metadata record: its values and its expandable collections.</summary>
    private sealed record Record(Dictionary<string, object?> Values, Dictionary<string, List<Record>> Collections);

    public WebApiResponse Answer(ODataPath path, SelectExpandClause? clause, string root)
    {
        var segments = path.ToList();
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, WebApiResponse.JsonOptions))
        {
            if (segments.Count == 1)
            {
                writer.WriteStartObject();
                writer.WriteString("@odata.context", root + "$metadata#EntityDefinitions");
                writer.WriteStartArray("value");
                foreach (var table in _tables.Values.OrderBy(t => (string?)t.Values["LogicalName"], StringComparer.Ordinal)) Write(writer, table, clause);
                writer.WriteEndArray();
                writer.WriteEndObject();
            }
            else if (segments.Count == 2 && segments[1] is KeySegment key)
            {
                var (name, value) = key.Keys.Single();
                var table = name == "LogicalName" ? _tables.GetValueOrDefault((string)value)
                    : _tables.Values.FirstOrDefault(t => Equals(t.Values["MetadataId"], value));
                if (table == null)
                    throw new WebApiException(404, ErrorCodes.ObjectDoesNotExist, $"Could not find entity with name '{value}'. The entity with a name = '{value}' was not found in the MetadataCache.");
                Write(writer, table, clause);
            }
            else
            {
                throw WebApiException.BadRequest("The local organization answers EntityDefinitions and EntityDefinitions(LogicalName='…') with $select and $expand.");
            }
        }
        return WebApiResponse.Json(200, Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static void Write(Utf8JsonWriter writer, Record record, SelectExpandClause? clause)
    {
        writer.WriteStartObject();
        var selected = clause?.SelectedItems.OfType<PathSelectItem>().Select(i => i.SelectedPath.LastSegment.Identifier).ToHashSet(StringComparer.Ordinal);
        foreach (var (name, value) in record.Values)
        {
            if (selected is { Count: > 0 } && !selected.Contains(name) && name != "MetadataId") continue;
            writer.WritePropertyName(name);
            JsonSerializer.Serialize(writer, value);
        }
        foreach (var expand in clause?.SelectedItems.OfType<ExpandedNavigationSelectItem>() ?? [])
        {
            var name = expand.PathToNavigationProperty.LastSegment.Identifier;
            writer.WriteStartArray(name);
            foreach (var item in record.Collections.GetValueOrDefault(name) ?? []) Write(writer, item, expand.SelectAndExpand);
            writer.WriteEndArray();
        }
        writer.WriteEndObject();
    }

    private static Record Describe(WebApiTable table, WebApiModel model)
    {
        var definition = table.Definition;
        var values = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["MetadataId"] = StableGuid.For("entity", definition.LogicalName),
            ["LogicalName"] = definition.LogicalName,
            ["SchemaName"] = SchemaNames.Table(definition.LogicalName),
            ["EntitySetName"] = table.Set.Name,
            ["LogicalCollectionName"] = table.Set.Name,
            ["PrimaryIdAttribute"] = definition.PrimaryIdColumn,
            ["PrimaryNameAttribute"] = definition.PrimaryNameColumn,
            ["IsActivity"] = definition.IsActivity,
            ["ObjectTypeCode"] = null,
            ["OwnershipType"] = definition.Ownership == TableOwnership.UserOwned ? "UserOwned" : "OrganizationOwned",
        };
        var attributes = definition.Columns.Select(c => Plain(new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["MetadataId"] = StableGuid.For("attribute", definition.LogicalName + "." + c.LogicalName),
            ["LogicalName"] = c.LogicalName,
            ["SchemaName"] = SchemaNames.Column(c.LogicalName),
            ["AttributeType"] = AttributeType(c.Type),
            ["IsPrimaryId"] = c.LogicalName == definition.PrimaryIdColumn,
            ["IsPrimaryName"] = c.LogicalName == definition.PrimaryNameColumn,
            ["IsValidForCreate"] = !c.IsSystemManaged || c.LogicalName == "ownerid",
            ["IsValidForUpdate"] = !c.IsSystemManaged || c.LogicalName == "ownerid",
            ["MaxLength"] = c.MaxLength,
        })).ToList();
        var manyToOne = LookupRelationships(model).Where(r => (string?)r.Values["ReferencingEntity"] == definition.LogicalName).ToList();
        var oneToMany = LookupRelationships(model).Where(r => (string?)r.Values["ReferencedEntity"] == definition.LogicalName).ToList();
        if (table.ActivityParties is { } parties)
            oneToMany.Add(OneToMany($"{definition.LogicalName}_activity_parties", definition.LogicalName, definition.PrimaryIdColumn, ActivityParty.EntityName, ActivityParty.ActivityId,
                parties.Name, "activityid_" + definition.LogicalName));
        var manyToMany = model.ManyToMany.Where(r => r.Entity1 == definition.LogicalName || r.Entity2 == definition.LogicalName).Select(r => Plain(new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["MetadataId"] = StableGuid.For("relationship", r.SchemaName),
            ["SchemaName"] = r.SchemaName,
            ["Entity1LogicalName"] = r.Entity1,
            ["Entity2LogicalName"] = r.Entity2,
            ["IntersectEntityName"] = r.IntersectEntity,
            ["Entity1IntersectAttribute"] = r.Entity1IntersectAttribute,
            ["Entity2IntersectAttribute"] = r.Entity2IntersectAttribute,
            ["Entity1NavigationPropertyName"] = r.SchemaName,
            ["Entity2NavigationPropertyName"] = r.SchemaName,
        })).ToList();
        var keys = definition.Keys.Select(k => Plain(new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["MetadataId"] = StableGuid.For("entitykey", definition.LogicalName + "." + k.LogicalName),
            ["LogicalName"] = k.LogicalName,
            ["SchemaName"] = k.LogicalName,
            ["KeyAttributes"] = k.Columns.ToArray(),
            ["EntityKeyIndexStatus"] = "Active",
        })).ToList();
        return new Record(values, new Dictionary<string, List<Record>>(StringComparer.Ordinal)
        {
            ["Attributes"] = attributes,
            ["ManyToOneRelationships"] = manyToOne,
            ["OneToManyRelationships"] = oneToMany,
            ["ManyToManyRelationships"] = manyToMany,
            ["Keys"] = keys,
        });
    }

    /// <summary>One one-to-many relationship per lookup column and target.</summary>
    private static IEnumerable<Record> LookupRelationships(WebApiModel model)
    {
        foreach (var table in model.Tables)
        foreach (var navigation in table.Navigations.Values.Where(n => n.Column != null))
        foreach (var accepted in navigation.Accepts)
        {
            var target = model.ByTable(accepted)!;
            var name = SchemaNames.Relationship(table.LogicalName, navigation.Column!, target.LogicalName);
            yield return OneToMany(name, target.LogicalName, target.Definition.PrimaryIdColumn, table.LogicalName, navigation.Column!, name, navigation.Name);
        }
    }

    private static Record OneToMany(string schemaName, string referenced, string referencedAttribute, string referencing, string referencingAttribute,
        string referencedNavigation, string referencingNavigation) => Plain(new Dictionary<string, object?>(StringComparer.Ordinal)
    {
        ["MetadataId"] = StableGuid.For("relationship", schemaName + "." + referencingAttribute),
        ["SchemaName"] = schemaName,
        ["ReferencedEntity"] = referenced,
        ["ReferencedAttribute"] = referencedAttribute,
        ["ReferencingEntity"] = referencing,
        ["ReferencingAttribute"] = referencingAttribute,
        ["ReferencedEntityNavigationPropertyName"] = referencedNavigation,
        ["ReferencingEntityNavigationPropertyName"] = referencingNavigation,
    });

    private static Record Plain(Dictionary<string, object?> values) => new(values, new Dictionary<string, List<Record>>());

    /// <summary>AttributeMetadata.AttributeType as Dataverse names it.</summary>
    private static string AttributeType(ColumnType type) => type switch
    {
        ColumnType.PrimaryKey => "Uniqueidentifier",
        _ => type.ToString(),
    };
}
