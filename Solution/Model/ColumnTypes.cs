namespace VoiceForD365.Solution.Model;

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
