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
