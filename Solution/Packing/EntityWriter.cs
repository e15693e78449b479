using System.Xml.Linq;
using VoiceForD365.Core.Schema;
using VoiceForD365.Solution.Model;

namespace VoiceForD365.Solution.Packing;

/// <summary>Schema names (the cased names solution XML uses) of tables and columns.</summary>
public static class SchemaNames
{
    private static readonly Dictionary<string, string> StandardTables = new(StringComparer.Ordinal)
    {
        [SystemUser.EntityName] = "SystemUser",
        [PhoneCall.EntityName] = "PhoneCall",
        [Queue.EntityName] = "Queue",
        [Team.EntityName] = "Team",
        [BusinessUnit.EntityName] = "BusinessUnit",
        [Account.EntityName] = "Account",
        [Contact.EntityName] = "Contact",
        [Lead.EntityName] = "Lead",
        [Incident.EntityName] = "Incident",
    };

    private static readonly Dictionary<string, string> SystemColumns = new(StringComparer.Ordinal)
    {
        [StandardColumns.CreatedOn] = "CreatedOn",
        [StandardColumns.ModifiedOn] = "ModifiedOn",
        [StandardColumns.CreatedBy] = "CreatedBy",
        [StandardColumns.ModifiedBy] = "ModifiedBy",
        [StandardColumns.OwnerId] = "OwnerId",
        [StandardColumns.OwningBusinessUnit] = "OwningBusinessUnit",
    };

    /// <summary>Our tables' schema name is their logical name; standard tables keep Microsoft's.</summary>
    public static string Table(string logicalName) => StandardTables.GetValueOrDefault(logicalName, logicalName);

    public static string Column(string logicalName) => SystemColumns.GetValueOrDefault(logicalName, logicalName);

    /// <summary>The one-to-many relationship behind a lookup column towards one of its targets.</summary>
    public static string Relationship(string table, string column, string target) => column switch
    {
        StandardColumns.CreatedBy or StandardColumns.ModifiedBy => $"lk_{table}_{column}",
        StandardColumns.OwningBusinessUnit => $"business_unit_{table}",
        _ => $"{Publisher.Prefix}_{Unprefixed(target)}_{Unprefixed(table)}_{Unprefixed(column)}",
    };

    private static string Unprefixed(string name) =>
        name.StartsWith(Publisher.Prefix + "_", StringComparison.Ordinal) ? name[(Publisher.Prefix.Length + 1)..] : name;
}

/// <summary>A one-to-many relationship behind a lookup column (solution XML requires one for every lookup it defines).</summary>
internal sealed record LookupRelationship(string Name, string ReferencingTable, string ReferencingColumn, string ReferencedTable, string CascadeDelete, bool IsCustom, string Description);

/// <summary>Writes tables, columns, keys and choices as customizations.xml's <c>Entity</c> elements (EntityInfo part).</summary>
internal static class EntityWriter
{
    /// <summary>
    /// EntityInfo of a table the solution creates: the table's properties and every column it declares. A virtual table
    /// also names its data provider, data source and external names, with what Dataverse does not support on a virtual
    /// table (auditing, duplicate detection, change tracking, charts, quick create…) turned off.
    /// </summary>
    public static XElement NewTableInfo(TableDefinition table, string version)
    {
        var info = TableInfo(table, version, table.IsVirtual);
        if (table.Virtual is { } source)
        {
            info.Element("entity")!.Add(
                new XElement("DataProviderId", Xml.Braced(DataProviderWriter.ProviderId(source))),
                new XElement("DataSourceId", Xml.Braced(DataProviderWriter.DataSourceId(source))),
                new XElement("ExternalName", source.ExternalName),
                new XElement("ExternalCollectionName", source.ExternalCollectionName));
        }
        return info;
    }

    /// <summary>
    /// EntityInfo of a data provider's data source table: virtual too, its rows (the data sources) kept by Dataverse's
    /// own provider of data source tables.
    /// </summary>
    public static XElement DataSourceTableInfo(TableDefinition table, string version)
    {
        var info = TableInfo(table, version, isVirtual: true);
        info.Element("entity")!.Add(
            new XElement("DataProviderId", Xml.Braced(DataProviderWriter.DataSourceTableProviderId)),
            new XElement("ExternalName", table.LogicalName),
            new XElement("ExternalCollectionName", WebApiNames.EntitySetName(table.LogicalName)));
        return info;
    }

    // What a virtual table cannot have (Microsoft Learn, "API considerations of virtual tables"): these are 0 on it.
    private static readonly string[] UnsupportedOnVirtualTables =
    [
        "IsDuplicateCheckSupported", "IsAuditEnabled", "IsQuickCreateEnabled", "ChangeTrackingEnabled", "CanChangeTrackingBeEnabled",
        "CanCreateCharts", "CanChangeHierarchicalRelationship", "CanEnableSyncToExternalSearchIndex", "SyncToExternalSearchIndex",
        "IsMapiGridEnabled", "IsReadingPaneEnabled",
    ];

    private static XElement TableInfo(TableDefinition table, string version, bool isVirtual)
    {
        var userOwned = table.Ownership == TableOwnership.UserOwned;
        if (isVirtual && userOwned) throw new InvalidOperationException($"The virtual table {table.LogicalName} is user-owned; Dataverse supports organization-owned virtual tables only.");
        var entity = new XElement("entity", new XAttribute("Name", SchemaNames.Table(table.LogicalName)),
            Xml.Labels("LocalizedNames", "LocalizedName", table.DisplayName),
            Xml.Labels("LocalizedCollectionNames", "LocalizedCollectionName", CollectionName(table)),
            Xml.Labels("Descriptions", "Description", table.Description),
            new XElement("attributes", table.Columns.Select(c => Attribute(table, c, version, isVirtual))),
            new XElement("EntitySetName", WebApiNames.EntitySetName(table.LogicalName)),
            new XElement("IsDuplicateCheckSupported", "1"),
            new XElement("IsBusinessProcessEnabled", "0"),
            new XElement("IsRequiredOffline", "0"),
            new XElement("IsInteractionCentricEnabled", "0"),
            new XElement("IsCollaboration", "0"),
            new XElement("AutoRouteToOwnerQueue", "0"),
            new XElement("IsConnectionsEnabled", "0"),
            new XElement("EntityColor", ""),
            new XElement("IsDocumentManagementEnabled", "0"),
            new XElement("AutoCreateAccessTeams", "0"),
            new XElement("IsOneNoteIntegrationEnabled", "0"),
            new XElement("IsKnowledgeManagementEnabled", "0"),
            new XElement("IsSLAEnabled", "0"),
            new XElement("IsDocumentRecommendationsEnabled", "0"),
            new XElement("IsBPFEntity", "0"),
            new XElement("OwnershipTypeMask", userOwned ? "UserOwned" : "OrgOwned"),
            new XElement("IsAuditEnabled", "1"),
            new XElement("IsActivity", Xml.Bit(table.IsActivity)),
            new XElement("ActivityTypeMask", ""),
            new XElement("IsActivityParty", "0"),
            new XElement("IsReplicated", "0"),
            new XElement("IsReplicationUserFiltered", "0"),
            new XElement("IsMailMergeEnabled", "0"),
            new XElement("IsVisibleInMobile", "0"),
            new XElement("IsVisibleInMobileClient", "1"),
            new XElement("IsReadOnlyInMobileClient", "0"),
            new XElement("IsOfflineInMobileClient", "0"),
            new XElement("DaysSinceRecordLastModified", "0"),
            new XElement("MobileOfflineFilters", ""),
            new XElement("IsMapiGridEnabled", "1"),
            new XElement("IsReadingPaneEnabled", "1"),
            new XElement("IsQuickCreateEnabled", "0"),
            new XElement("SyncToExternalSearchIndex", "0"),
            new XElement("IntroducedVersion", version),
            new XElement("IsCustomizable", "1"),
            new XElement("IsRenameable", "1"),
            new XElement("IsMappable", "1"),
            new XElement("CanModifyAuditSettings", "1"),
            new XElement("CanModifyMobileVisibility", "1"),
            new XElement("CanModifyMobileClientVisibility", "1"),
            new XElement("CanModifyMobileClientReadOnly", "1"),
            new XElement("CanModifyMobileClientOffline", "1"),
            new XElement("CanModifyConnectionSettings", "1"),
            new XElement("CanModifyDuplicateDetectionSettings", "1"),
            new XElement("CanModifyMailMergeSettings", "1"),
            new XElement("CanModifyQueueSettings", "1"),
            new XElement("CanCreateAttributes", "1"),
            new XElement("CanCreateForms", "1"),
            new XElement("CanCreateCharts", "1"),
            new XElement("CanCreateViews", "1"),
            new XElement("CanModifyAdditionalSettings", "1"),
            new XElement("CanEnableSyncToExternalSearchIndex", "1"),
            new XElement("EnforceStateTransitions", "0"),
            new XElement("CanChangeHierarchicalRelationship", "1"),
            new XElement("EntityHelpUrlEnabled", "0"),
            new XElement("EntityHelpUrl", ""),
            new XElement("ChangeTrackingEnabled", "0"),
            new XElement("CanChangeTrackingBeEnabled", "1"),
            new XElement("IsEnabledForExternalChannels", "0"));
        if (table.Keys.Count > 0)
        {
            if (isVirtual) throw new InvalidOperationException($"The virtual table {table.LogicalName} declares alternate keys, which virtual tables do not support.");
            entity.Add(Keys(table.Keys, version));
        }
        if (isVirtual)
        {
            foreach (var name in UnsupportedOnVirtualTables) entity.Element(name)!.Value = "0";
        }
        return new XElement("EntityInfo", entity);
    }

    /// <summary>
    /// EntityInfo of a table the solution does not own (systemuser, phonecall): an unmodified shell carrying only the
    /// columns and keys we add, so importing never changes the table's own properties.
    /// </summary>
    public static XElement ExtensionInfo(TableExtension extension, string displayName, string collectionName, string version)
    {
        var table = new TableDefinition(extension.TableLogicalName, displayName, "", null);
        var entity = new XElement("entity", new XAttribute("Name", SchemaNames.Table(extension.TableLogicalName)), new XAttribute("unmodified", "1"),
            Xml.Labels("LocalizedNames", "LocalizedName", displayName),
            Xml.Labels("LocalizedCollectionNames", "LocalizedCollectionName", collectionName),
            new XElement("attributes", extension.Columns.Select(c => Attribute(table, c, version, isVirtual: false))));
        if (extension.Keys.Count > 0) entity.Add(Keys(extension.Keys, version));
        return new XElement("EntityInfo", entity);
    }

    private static XElement Keys(IEnumerable<AlternateKeyDefinition> keys, string version) =>
        new("EntityKeys", keys.Select(k => new XElement("EntityKey",
            new XElement("Name", k.LogicalName),
            new XElement("LogicalName", k.LogicalName),
            new XElement("IntroducedVersion", version),
            new XElement("IsCustomizable", "1"),
            Xml.Labels("displaynames", "displayname", k.DisplayName),
            new XElement("EntityKeyAttributes", k.Columns.Select(c => new XElement("AttributeName", c))))));

    private static XElement Attribute(TableDefinition table, ColumnDefinition column, string version, bool isVirtual)
    {
        var isPrimaryName = column.LogicalName == table.PrimaryNameColumn;
        var isCustom = column.LogicalName.StartsWith(Publisher.Prefix + "_", StringComparison.Ordinal) && column.Type != ColumnType.PrimaryKey;
        var (validForCreate, validForUpdate) = column.Type switch
        {
            ColumnType.PrimaryKey => (true, false),
            ColumnType.State => (false, true),
            ColumnType.Status => (true, true),
            _ when column.IsSystemManaged => (false, false),
            _ => (true, true),
        };
        var requiredLevel = column.Type is ColumnType.PrimaryKey or ColumnType.State ? "systemrequired" : column.RequiredLevel switch
        {
            RequiredLevel.ApplicationRequired => "required",
            RequiredLevel.Recommended => "recommended",
            _ => "none",
        };
        var displayMask = column.Type == ColumnType.PrimaryKey ? "ValidForAdvancedFind|RequiredForGrid"
            : isPrimaryName ? "PrimaryName|ValidForAdvancedFind|ValidForForm|ValidForGrid|RequiredForForm"
            : "ValidForAdvancedFind|ValidForForm|ValidForGrid";
        var attribute = new XElement("attribute", new XAttribute("PhysicalName", SchemaNames.Column(column.LogicalName)),
            new XElement("Type", DataType(column.Type)),
            new XElement("Name", column.LogicalName),
            new XElement("LogicalName", column.LogicalName),
            new XElement("RequiredLevel", requiredLevel),
            new XElement("DisplayMask", displayMask),
            new XElement("ImeMode", column.Type == ColumnType.DateTime && column.IsSystemManaged ? "inactive" : "auto"),
            new XElement("ValidForUpdateApi", Xml.Bit(validForUpdate)),
            new XElement("ValidForReadApi", "1"),
            new XElement("ValidForCreateApi", Xml.Bit(validForCreate)),
            new XElement("IsCustomField", Xml.Bit(isCustom)),
            new XElement("IsAuditEnabled", Xml.Bit(isCustom && !isVirtual)),
            new XElement("IsSecured", "0"),
            new XElement("IntroducedVersion", version),
            new XElement("IsCustomizable", "1"),
            new XElement("IsRenameable", "1"),
            new XElement("CanModifySearchSettings", "1"),
            new XElement("CanModifyRequirementLevelSettings", Xml.Bit(column.Type != ColumnType.PrimaryKey)),
            new XElement("CanModifyAdditionalSettings", "1"),
            new XElement("SourceType", "0"),
            new XElement("IsGlobalFilterEnabled", "0"),
            new XElement("IsSortableEnabled", "0"),
            new XElement("CanModifyGlobalFilterSettings", "1"),
            new XElement("CanModifyIsSortableSettings", "1"),
            new XElement("IsDataSourceSecret", "0"));
        if (isVirtual) attribute.Add(new XElement("ExternalName", column.ExternalName ?? ExternalNameOfDataSourceColumn(table, column)));
        attribute.Add(TypeSpecific(table, column, version));
        attribute.Add(Xml.Labels("displaynames", "displayname", column.DisplayName));
        attribute.Add(Xml.Labels("Descriptions", "Description", column.Description));
        return attribute;
    }

    /// <summary>A data source table's columns are named after themselves in the data source Dataverse keeps.</summary>
    private static string ExternalNameOfDataSourceColumn(TableDefinition table, ColumnDefinition column) =>
        table.IsVirtual ? throw new InvalidOperationException($"The column {table.LogicalName}.{column.LogicalName} of a virtual table has no external name.") : column.LogicalName;

    private static IEnumerable<XElement> TypeSpecific(TableDefinition table, ColumnDefinition column, string version)
    {
        switch (column.Type)
        {
            case ColumnType.String:
                yield return new XElement("Format", "text");
                yield return new XElement("MaxLength", Xml.Int(column.MaxLength ?? 100));
                break;
            case ColumnType.Memo:
                yield return new XElement("Format", "textarea");
                yield return new XElement("MaxLength", Xml.Int(column.MaxLength ?? 2000));
                break;
            case ColumnType.Integer:
                yield return new XElement("Format", "none");
                yield return new XElement("MinValue", Xml.Int(column.MinValue ?? int.MinValue));
                yield return new XElement("MaxValue", Xml.Int(column.MaxValue ?? int.MaxValue));
                break;
            case ColumnType.DateTime:
                yield return new XElement("Format", "datetime");
                yield return new XElement("CanChangeDateTimeBehavior", Xml.Bit(!column.IsSystemManaged));
                yield return new XElement("Behavior", "1");
                break;
            case ColumnType.Lookup or ColumnType.Customer or ColumnType.Owner:
                yield return new XElement("LookupStyle", "single");
                yield return new XElement("LookupTypes");
                break;
            case ColumnType.Picklist:
                yield return new XElement("AppDefaultValue", "-1");
                yield return OptionSet(table, column, "picklist", version);
                break;
            case ColumnType.Boolean:
                yield return new XElement("AppDefaultValue", "0");
                yield return OptionSet(table, column, "bit", version);
                break;
            case ColumnType.State:
                yield return OptionSet(table, column, "state", version);
                break;
            case ColumnType.Status:
                yield return OptionSet(table, column, "status", version);
                break;
        }
    }

    /// <summary>A local (table-specific) option set named table_column, as Dataverse names them.</summary>
    private static XElement OptionSet(TableDefinition table, ColumnDefinition column, string kind, string version)
    {
        var optionSet = new XElement("optionset", new XAttribute("Name", table.LogicalName + "_" + column.LogicalName),
            new XElement("OptionSetType", kind));
        if (kind == "picklist") optionSet.Add(new XElement("IsGlobal", "0"));
        optionSet.Add(new XElement("IntroducedVersion", version),
            new XElement("IsCustomizable", "1"),
            Xml.Labels("displaynames", "displayname", column.DisplayName),
            Xml.Labels("Descriptions", "Description", column.Description));
        switch (kind)
        {
            case "state":
                optionSet.Add(new XElement("states", column.Options.Select(o => new XElement("state",
                    new XAttribute("value", o.Value), new XAttribute("defaultstatus", DefaultStatusOf(table, o.Value)), new XAttribute("invariantname", o.Label),
                    Xml.Labels("labels", "label", o.Label)))));
                break;
            case "status":
                optionSet.Add(new XElement("statuses", column.Options.Select(o => new XElement("status",
                    new XAttribute("value", o.Value), new XAttribute("state", StateOfStatus(table, o.Value)),
                    Xml.Labels("labels", "label", o.Label)))));
                break;
            case "bit":
                optionSet.Add(new XElement("options",
                    new XElement("option", new XAttribute("value", 1), Xml.Labels("labels", "label", "Yes")),
                    new XElement("option", new XAttribute("value", 0), Xml.Labels("labels", "label", "No"))));
                break;
            default:
                optionSet.Add(new XElement("options", column.Options.Select(o => new XElement("option",
                    new XAttribute("value", o.Value), Xml.Labels("labels", "label", o.Label)))));
                break;
        }
        return optionSet;
    }

    /// <summary>Active/Inactive tables: state n has default status n + 1 (1 Active, 2 Inactive).</summary>
    private static int DefaultStatusOf(TableDefinition table, int state)
    {
        var statuses = table.FindColumn(StandardColumns.StatusCode)?.Options ?? [];
        return statuses.Count > state ? statuses[state].Value : state + 1;
    }

    private static int StateOfStatus(TableDefinition table, int status)
    {
        var states = table.FindColumn(StandardColumns.StateCode)?.Options ?? [];
        var statuses = table.FindColumn(StandardColumns.StatusCode)?.Options ?? [];
        var index = statuses.ToList().FindIndex(o => o.Value == status);
        return index >= 0 && index < states.Count ? states[index].Value : 0;
    }

    private static string DataType(ColumnType type) => type switch
    {
        ColumnType.PrimaryKey => "primarykey",
        ColumnType.String => "nvarchar",
        ColumnType.Memo => "ntext",
        ColumnType.Integer => "int",
        ColumnType.Decimal => "decimal",
        ColumnType.Double => "float",
        ColumnType.Money => "money",
        ColumnType.Boolean => "bit",
        ColumnType.DateTime => "datetime",
        ColumnType.Lookup => "lookup",
        ColumnType.Customer => "customer",
        ColumnType.Owner => "owner",
        ColumnType.Picklist => "picklist",
        ColumnType.State => "state",
        ColumnType.Status => "status",
        ColumnType.PartyList => "partylist",
        ColumnType.EntityName => "nvarchar",
        ColumnType.Uniqueidentifier => "uniqueidentifier",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    private static string CollectionName(TableDefinition table) =>
        table.DisplayCollectionName.Length > 0 ? table.DisplayCollectionName : table.DisplayName + "s";

    /// <summary>The relationships behind every lookup column the solution defines.</summary>
    public static IEnumerable<LookupRelationship> Relationships(IReadOnlyList<TableDefinition> tables, IEnumerable<TableExtension> extensions)
    {
        var virtualTables = tables.Where(t => t.IsVirtual).Select(t => t.LogicalName).ToHashSet(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            foreach (var column in table.Columns.Where(c => c.Type == ColumnType.Lookup))
            {
                foreach (var relationship in RelationshipsOf(table.LogicalName, column, virtualTables)) yield return relationship;
            }
        }
        foreach (var extension in extensions)
        {
            foreach (var column in extension.Columns.Where(c => c.Type == ColumnType.Lookup))
            {
                foreach (var relationship in RelationshipsOf(extension.TableLogicalName, column, virtualTables)) yield return relationship;
            }
        }
    }

    private static IEnumerable<LookupRelationship> RelationshipsOf(string table, ColumnDefinition column, IReadOnlySet<string> virtualTables)
    {
        var custom = column.LogicalName.StartsWith(Publisher.Prefix + "_", StringComparison.Ordinal);
        foreach (var target in column.Targets)
        {
            var name = SchemaNames.Relationship(table, column.LogicalName, target);
            // A required lookup keeps what it points to (a queue in use by a profile cannot be deleted); an optional one
            // lets go. A virtual table's rows are deleted outside Dataverse, where nothing can be restricted: referential.
            var cascadeDelete = !custom ? (column.LogicalName == StandardColumns.OwningBusinessUnit ? "Restrict" : "NoCascade")
                : column.RequiredLevel == RequiredLevel.ApplicationRequired && !virtualTables.Contains(target) ? "Restrict" : "RemoveLink";
            yield return new LookupRelationship(name, table, column.LogicalName, target, cascadeDelete, custom,
                column.Description.Length > 0 ? column.Description : column.DisplayName);
        }
    }

    public static XElement Relationship(LookupRelationship relationship, string version)
    {
        var element = new XElement("EntityRelationship", new XAttribute("Name", relationship.Name),
            new XElement("EntityRelationshipType", "OneToMany"),
            new XElement("IsCustomizable", "1"),
            new XElement("IntroducedVersion", version),
            new XElement("IsHierarchical", "0"),
            new XElement("ReferencingEntityName", SchemaNames.Table(relationship.ReferencingTable)),
            new XElement("ReferencedEntityName", SchemaNames.Table(relationship.ReferencedTable)),
            new XElement("CascadeAssign", "NoCascade"),
            new XElement("CascadeDelete", relationship.CascadeDelete),
            new XElement("CascadeReparent", "NoCascade"),
            new XElement("CascadeShare", "NoCascade"),
            new XElement("CascadeUnshare", "NoCascade"),
            new XElement("CascadeRollupView", "NoCascade"),
            new XElement("IsValidForAdvancedFind", "1"),
            new XElement("ReferencingAttributeName", SchemaNames.Column(relationship.ReferencingColumn)),
            new XElement("RelationshipDescription", Xml.Labels("Descriptions", "Description", relationship.Description)));
        if (relationship.IsCustom)
        {
            element.Add(new XElement("EntityRelationshipRoles",
                new XElement("EntityRelationshipRole",
                    new XElement("NavPaneDisplayOption", "UseCollectionName"),
                    new XElement("NavPaneArea", "Details"),
                    new XElement("NavPaneOrder", "10000"),
                    new XElement("NavigationPropertyName", relationship.ReferencingColumn),
                    new XElement("RelationshipRoleType", "1")),
                new XElement("EntityRelationshipRole",
                    new XElement("NavigationPropertyName", relationship.Name),
                    new XElement("RelationshipRoleType", "0"))));
        }
        return element;
    }
}
