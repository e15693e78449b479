namespace VoiceForD365.Solution.Model;

/// <summary>Column types, with the value each takes in the SDK (see <see cref="ColumnTypes.ClrTypeOf"/>).</summary>
public enum ColumnType
{
    PrimaryKey,
    String,
    Memo,
    Integer,
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

public enum RequiredLevel
{
    None,
    Recommended,
    ApplicationRequired,
}

public enum TableOwnership
{
    UserOwned,
    OrganizationOwned,
}

public sealed record OptionDefinition(int Value, string Label);

public sealed record ColumnDefinition(string LogicalName, ColumnType Type, string DisplayName)
{
    public string Description { get; init; } = "";

    public RequiredLevel RequiredLevel { get; init; } = RequiredLevel.None;

    /// <summary>Strings and memos: the longest value accepted.</summary>
    public int? MaxLength { get; init; }

    public int? MinValue { get; init; }

    public int? MaxValue { get; init; }

    /// <summary>Lookups: the tables a value may point to.</summary>
    public IReadOnlyList<string> Targets { get; init; } = [];

    /// <summary>Choices, state and status: the allowed values.</summary>
    public IReadOnlyList<OptionDefinition> Options { get; init; } = [];

    /// <summary>Written by the platform only (created on, modified by...): a create or update that sets it is refused.</summary>
    public bool IsSystemManaged { get; init; }
}

public sealed record AlternateKeyDefinition(string LogicalName, string DisplayName, IReadOnlyList<string> Columns);

public sealed record TableDefinition(string LogicalName, string DisplayName, string PrimaryIdColumn, string? PrimaryNameColumn)
{
    public string DisplayCollectionName { get; init; } = "";

    public string Description { get; init; } = "";

    public TableOwnership Ownership { get; init; } = TableOwnership.UserOwned;

    public bool IsActivity { get; init; }

    public IReadOnlyList<ColumnDefinition> Columns { get; init; } = [];

    public IReadOnlyList<AlternateKeyDefinition> Keys { get; init; } = [];

    public ColumnDefinition? FindColumn(string logicalName) => Columns.FirstOrDefault(c => c.LogicalName == logicalName);

    public TableDefinition WithColumns(IEnumerable<ColumnDefinition> columns) => this with { Columns = [.. Columns, .. columns] };

    public TableDefinition WithKeys(IEnumerable<AlternateKeyDefinition> keys) => this with { Keys = [.. Keys, .. keys] };
}

/// <summary>Columns and keys that the solution adds to a table it does not own (systemuser, phonecall).</summary>
public sealed record TableExtension(string TableLogicalName, IReadOnlyList<ColumnDefinition> Columns, IReadOnlyList<AlternateKeyDefinition> Keys);

public sealed record ManyToManyDefinition(string SchemaName, string IntersectEntity, string Entity1, string Entity1IntersectAttribute, string Entity2, string Entity2IntersectAttribute);

public static class ColumnTypes
{
    /// <summary>The CLR type an attribute value of this column must have in an Entity.</summary>
    public static Type ClrTypeOf(ColumnType type) => type switch
    {
        ColumnType.PrimaryKey or ColumnType.Uniqueidentifier => typeof(Guid),
        ColumnType.String or ColumnType.Memo or ColumnType.EntityName => typeof(string),
        ColumnType.Integer => typeof(int),
        ColumnType.Decimal => typeof(decimal),
        ColumnType.Double => typeof(double),
        ColumnType.Money => typeof(Microsoft.Xrm.Sdk.Money),
        ColumnType.Boolean => typeof(bool),
        ColumnType.DateTime => typeof(DateTime),
        ColumnType.Lookup or ColumnType.Customer or ColumnType.Owner => typeof(Microsoft.Xrm.Sdk.EntityReference),
        ColumnType.Picklist or ColumnType.State or ColumnType.Status => typeof(Microsoft.Xrm.Sdk.OptionSetValue),
        ColumnType.PartyList => typeof(Microsoft.Xrm.Sdk.EntityCollection),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };
}

public enum EnvironmentVariableType
{
    String = 100000000,
    Number = 100000001,
    Boolean = 100000002,
    Json = 100000003,
    DataSource = 100000004,
    Secret = 100000005,
}

/// <summary>An environment variable the solution declares; its value is set per environment by the administrator.</summary>
public sealed record EnvironmentVariableDefinitionModel(string SchemaName, string DisplayName, EnvironmentVariableType Type, string Description)
{
    public string? DefaultValue { get; init; }

    public bool IsRequired { get; init; }
}

/// <summary>Depth of a privilege, with Dataverse's names (org-owned tables only know Global).</summary>
public enum PrivilegeDepth
{
    /// <summary>The user's own records (and those shared with them).</summary>
    Basic,

    /// <summary>Records of the user's business unit.</summary>
    Local,

    /// <summary>Records of the user's business unit and those below it.</summary>
    Deep,

    /// <summary>Every record of the organization.</summary>
    Global,
}

/// <summary>One privilege of a role: its Dataverse name (prvReadAccount, prvWritevfd_voicesetting...), depth, and why the role needs it.</summary>
public sealed record RolePrivilegeDefinition(string Name, PrivilegeDepth Depth, string Reason);

/// <summary>A security role the solution ships, with exactly the privileges its work needs (see <c>SecurityRoles</c>).</summary>
public sealed record SecurityRoleDefinition(string Name, string Description)
{
    public IReadOnlyList<RolePrivilegeDefinition> Privileges { get; init; } = [];
}
