using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Metadata;
using VoiceForD365.Solution.Model;

namespace VoiceForD365.LocalOrg.Messages;

/// <summary>
/// RetrieveAttribute: a column's metadata (its type and names) by table and column logical name; an unknown table or
/// column is refused with the same fault as a query naming it.
/// </summary>
internal sealed class RetrieveAttributeHandler() : MessageHandler("RetrieveAttribute")
{
    public override ParameterCollection Execute(OrganizationRequest request, MessageContext context)
    {
        var table = context.Metadata.Table(Parameter<string>(request, "EntityLogicalName"));
        var column = context.Metadata.Column(table, Parameter<string>(request, "LogicalName"));
        return Results(("AttributeMetadata", new LocalAttributeMetadata(TypeCodeOf(column.Type), column.LogicalName)));
    }

    public override OrganizationResponse CreateResponse() => new RetrieveAttributeResponse();

    private static AttributeTypeCode TypeCodeOf(ColumnType type) => type switch
    {
        ColumnType.PrimaryKey or ColumnType.Uniqueidentifier => AttributeTypeCode.Uniqueidentifier,
        ColumnType.String => AttributeTypeCode.String,
        ColumnType.Memo => AttributeTypeCode.Memo,
        ColumnType.Integer => AttributeTypeCode.Integer,
        ColumnType.Decimal => AttributeTypeCode.Decimal,
        ColumnType.Double => AttributeTypeCode.Double,
        ColumnType.Money => AttributeTypeCode.Money,
        ColumnType.Boolean => AttributeTypeCode.Boolean,
        ColumnType.DateTime => AttributeTypeCode.DateTime,
        ColumnType.Lookup => AttributeTypeCode.Lookup,
        ColumnType.Customer => AttributeTypeCode.Customer,
        ColumnType.Owner => AttributeTypeCode.Owner,
        ColumnType.Picklist => AttributeTypeCode.Picklist,
        ColumnType.State => AttributeTypeCode.State,
        ColumnType.Status => AttributeTypeCode.Status,
        ColumnType.PartyList => AttributeTypeCode.PartyList,
        ColumnType.EntityName => AttributeTypeCode.EntityName,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "No attribute type code is known for this column type."),
    };

    /// <summary>What Dataverse returns is a typed subclass (StringAttributeMetadata…); the type code is what callers read.</summary>
    private sealed class LocalAttributeMetadata : AttributeMetadata
    {
        public LocalAttributeMetadata(AttributeTypeCode type, string logicalName) : base(type, logicalName) => LogicalName = logicalName;
    }
}
