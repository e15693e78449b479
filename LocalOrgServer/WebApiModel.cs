using Microsoft.OData.Edm;
using VoiceForD365.Core.Schema;
using VoiceForD365.LocalOrg;
using VoiceForD365.LocalOrg.Metadata;
using VoiceForD365.Solution.Model;

namespace VoiceForD365.LocalOrgServer;

/// <summary>
/// A navigation property of a table: a lookup towards one target (the owner's <c>ownerid</c> binds users and teams:
/// <see cref="Accepts"/>), an activity's parties, or a many-to-many relationship.
/// </summary>
internal sealed record WebApiNavigation(string Name, string? Column, string Target, bool IsActivityParties, ManyToManyDefinition? ManyToMany)
{
    public List<string> Accepts { get; } = [Target];
}

/// <summary>A table as the Web API serves it: its entity set, EDM type and navigation properties.</summary>
internal sealed class WebApiTable(TableDefinition definition, IEdmEntitySet set, EdmEntityType type)
{
    public TableDefinition Definition { get; } = definition;

    public string LogicalName => Definition.LogicalName;

    public IEdmEntitySet Set { get; } = set;

    public EdmEntityType Type { get; } = type;

    public Dictionary<string, WebApiNavigation> Navigations { get; } = new(StringComparer.Ordinal);

    /// <summary>The navigation property that binds a lookup column to a target table.</summary>
    public WebApiNavigation? NavigationOf(string column, string target) =>
        Navigations.Values.FirstOrDefault(n => n.Column == column && n.Accepts.Contains(target));

    public WebApiNavigation? ActivityParties => Navigations.Values.FirstOrDefault(n => n.IsActivityParties);

    public ColumnDefinition? Column(string name) => name == Definition.PrimaryIdColumn
        ? Definition.FindColumn(name) ?? Columns.PrimaryKey(name, name)
        : Definition.FindColumn(name);
}

/// <summary>
/// The EDM model of the local organization's Web API, built from its metadata: one entity type and entity set per
/// table (namespace Microsoft.Dynamics.CRM, as in Dataverse), lookups as <c>_x_value</c> properties with their
/// navigation properties, activity parties, many-to-many relationships, alternate keys, and the metadata tables
/// (EntityDefinitions with Attributes, relationships and Keys). Microsoft.OData.Core parses every URL against it.
/// </summary>
internal sealed class WebApiModel
{
    public const string Namespace = "Microsoft.Dynamics.CRM";

    private readonly Dictionary<string, WebApiTable> _bySet = new(StringComparer.Ordinal);
    private readonly Dictionary<string, WebApiTable> _byTable = new(StringComparer.Ordinal);

    public WebApiModel(OrganizationMetadata metadata)
    {
        var manyToMany = metadata.Relationships.ToList();
        var model = new EdmModel();
        var container = new EdmEntityContainer(Namespace, "System");
        model.AddElement(container);
        ManyToMany = manyToMany;

        foreach (var table in metadata.Tables.OrderBy(t => t.LogicalName, StringComparer.Ordinal))
        {
            var type = new EdmEntityType(Namespace, table.LogicalName);
            var key = type.AddStructuralProperty(table.PrimaryIdColumn, EdmPrimitiveTypeKind.Guid, isNullable: false);
            type.AddKeys(key);
            foreach (var column in table.Columns)
            {
                if (column.LogicalName == table.PrimaryIdColumn || column.Type == ColumnType.PartyList) continue;
                if (IsLookup(column.Type)) type.AddStructuralProperty(LookupProperty(column.LogicalName), EdmPrimitiveTypeKind.Guid, isNullable: true);
                else type.AddStructuralProperty(column.LogicalName, PrimitiveOf(column.Type), isNullable: true);
            }
            model.AddElement(type);
            var set = container.AddEntitySet(WebApiNames.EntitySetName(table.LogicalName), type);
            var served = new WebApiTable(table, set, type);
            _bySet[set.Name] = served;
            _byTable[table.LogicalName] = served;
        }
        foreach (var table in _byTable.Values)
        {
            foreach (var (key, columns) in table.Definition.Keys.Select(k => (k, k.Columns)))
            {
                var properties = columns.ToDictionary(c => c, c => table.Type.FindProperty(IsLookup(table.Column(c)!.Type) ? LookupProperty(c) : c));
                if (properties.Values.All(p => p != null)) model.AddAlternateKeyAnnotation(table.Type, properties!);
            }
            AddLookupNavigations(table);
            if (table.Definition.IsActivity && _byTable.TryGetValue(ActivityParty.EntityName, out var parties))
                AddNavigation(table, new WebApiNavigation(WebApiNames.ActivityPartiesNavigation(table.LogicalName), null, parties.LogicalName, true, null), EdmMultiplicity.Many);
        }
        foreach (var relationship in manyToMany)
        {
            if (!_byTable.TryGetValue(relationship.Entity1, out var first) || !_byTable.TryGetValue(relationship.Entity2, out var second)) continue;
            AddNavigation(first, new WebApiNavigation(relationship.SchemaName, null, second.LogicalName, false, relationship), EdmMultiplicity.Many);
            if (first != second) AddNavigation(second, new WebApiNavigation(relationship.SchemaName, null, first.LogicalName, false, relationship), EdmMultiplicity.Many);
        }
        MetadataTypes.Add(model, container);
        Model = model;
    }

    public IEdmModel Model { get; }

    public IReadOnlyList<ManyToManyDefinition> ManyToMany { get; }

    public IEnumerable<WebApiTable> Tables => _byTable.Values;

    public WebApiTable? BySet(string entitySet) => _bySet.GetValueOrDefault(entitySet);

    public WebApiTable? ByTable(string logicalName) => _byTable.GetValueOrDefault(logicalName);

    public WebApiTable ByType(IEdmEntityType type) => _byTable[type.Name];

    public static string LookupProperty(string column) => "_" + column + "_value";

    public static bool IsLookup(ColumnType type) => type is ColumnType.Lookup or ColumnType.Customer or ColumnType.Owner;

    private void AddLookupNavigations(WebApiTable table)
    {
        foreach (var column in table.Definition.Columns.Where(c => IsLookup(c.Type)))
        {
            foreach (var target in column.Targets)
            {
                if (!_byTable.ContainsKey(target)) continue;
                var name = WebApiNames.NavigationProperty(table.LogicalName, column, target);
                if (table.Navigations.TryGetValue(name, out var existing))
                {
                    if (existing.Column == column.LogicalName) existing.Accepts.Add(target);
                    continue;
                }
                AddNavigation(table, new WebApiNavigation(name, column.LogicalName, target, false, null), EdmMultiplicity.ZeroOrOne);
            }
        }
    }

    private void AddNavigation(WebApiTable table, WebApiNavigation navigation, EdmMultiplicity multiplicity)
    {
        var target = _byTable[navigation.Target];
        var property = table.Type.AddUnidirectionalNavigation(new EdmNavigationPropertyInfo
        {
            Name = navigation.Name,
            Target = target.Type,
            TargetMultiplicity = multiplicity,
        });
        ((EdmEntitySet)table.Set).AddNavigationTarget(property, target.Set);
        table.Navigations[navigation.Name] = navigation;
    }

    private static EdmPrimitiveTypeKind PrimitiveOf(ColumnType type) => type switch
    {
        ColumnType.PrimaryKey or ColumnType.Uniqueidentifier => EdmPrimitiveTypeKind.Guid,
        ColumnType.String or ColumnType.Memo or ColumnType.EntityName => EdmPrimitiveTypeKind.String,
        ColumnType.Integer or ColumnType.Picklist or ColumnType.State or ColumnType.Status => EdmPrimitiveTypeKind.Int32,
        ColumnType.Decimal or ColumnType.Money => EdmPrimitiveTypeKind.Decimal,
        ColumnType.Double => EdmPrimitiveTypeKind.Double,
        ColumnType.Boolean => EdmPrimitiveTypeKind.Boolean,
        ColumnType.DateTime => EdmPrimitiveTypeKind.DateTimeOffset,
        _ => EdmPrimitiveTypeKind.String,
    };
}

/// <summary>
/// The metadata tables of the Web API as EDM types, so that their URLs (EntityDefinitions(LogicalName='contact')
/// with $select and $expand of Attributes and relationships) are parsed like any other.
/// </summary>
internal static class MetadataTypes
{
    public const string EntityDefinitions = "EntityDefinitions";

    public static readonly string[] EntityProperties =
        ["LogicalName", "SchemaName", "EntitySetName", "LogicalCollectionName", "PrimaryIdAttribute", "PrimaryNameAttribute", "IsActivity", "ObjectTypeCode", "OwnershipType"];

    public static readonly string[] AttributeProperties = ["LogicalName", "SchemaName", "AttributeType", "IsPrimaryId", "IsPrimaryName", "IsValidForCreate", "IsValidForUpdate", "MaxLength"];

    public static readonly string[] OneToManyProperties =
        ["SchemaName", "ReferencedEntity", "ReferencedAttribute", "ReferencingEntity", "ReferencingAttribute", "ReferencedEntityNavigationPropertyName", "ReferencingEntityNavigationPropertyName"];

    public static readonly string[] ManyToManyProperties =
        ["SchemaName", "Entity1LogicalName", "Entity2LogicalName", "IntersectEntityName", "Entity1IntersectAttribute", "Entity2IntersectAttribute", "Entity1NavigationPropertyName", "Entity2NavigationPropertyName"];

    public static readonly string[] KeyProperties = ["LogicalName", "SchemaName", "KeyAttributes", "EntityKeyIndexStatus"];

    public static void Add(EdmModel model, EdmEntityContainer container)
    {
        var entity = Type(model, "EntityMetadata", EntityProperties);
        var logicalName = entity.FindProperty("LogicalName");
        model.AddAlternateKeyAnnotation(entity, new Dictionary<string, IEdmProperty> { ["LogicalName"] = logicalName });
        var attribute = Type(model, "AttributeMetadata", AttributeProperties);
        var oneToMany = Type(model, "OneToManyRelationshipMetadata", OneToManyProperties);
        var manyToMany = Type(model, "ManyToManyRelationshipMetadata", ManyToManyProperties);
        var key = Type(model, "EntityKeyMetadata", KeyProperties);
        foreach (var (name, target) in new[] { ("Attributes", attribute), ("ManyToOneRelationships", oneToMany), ("OneToManyRelationships", oneToMany), ("ManyToManyRelationships", manyToMany), ("Keys", key) })
            entity.AddUnidirectionalNavigation(new EdmNavigationPropertyInfo { Name = name, Target = target, TargetMultiplicity = EdmMultiplicity.Many, ContainsTarget = true });
        container.AddEntitySet(EntityDefinitions, entity);
    }

    private static EdmEntityType Type(EdmModel model, string name, string[] properties)
    {
        var type = new EdmEntityType(WebApiModel.Namespace, name);
        type.AddKeys(type.AddStructuralProperty("MetadataId", EdmPrimitiveTypeKind.Guid, isNullable: false));
        foreach (var property in properties)
        {
            if (property == "KeyAttributes")
                type.AddStructuralProperty(property, new EdmCollectionTypeReference(new EdmCollectionType(EdmCoreModel.Instance.GetString(true))));
            else
                type.AddStructuralProperty(property, property.StartsWith("Is", StringComparison.Ordinal) ? EdmPrimitiveTypeKind.Boolean
                    : property is "ObjectTypeCode" or "MaxLength" ? EdmPrimitiveTypeKind.Int32 : EdmPrimitiveTypeKind.String, isNullable: true);
        }
        model.AddElement(type);
        return type;
    }
}
