using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using VoiceForD365.Core.Schema;
using VoiceForD365.LocalOrg.Store;

namespace VoiceForD365.LocalOrg.Messages;

/// <summary>
/// Retrieve: a copy of one row (by id or alternate key) with the requested columns (and its id), every column named
/// checked; a virtual table's row from its data provider.
/// </summary>
internal sealed class RetrieveHandler() : MessageHandler(MessageNames.Retrieve)
{
    public override ParameterCollection Execute(OrganizationRequest request, MessageContext context)
    {
        var target = Target<EntityReference>(request);
        var columns = Parameter<ColumnSet>(request, ParameterNames.ColumnSet);
        var table = context.Metadata.Table(target.LogicalName);
        if (table.IsVirtual) return Results((ParameterNames.Entity, VirtualTables.Retrieve(table, request, context)));
        var row = context.Records.Find(target);
        if (columns.AllColumns) return Results((ParameterNames.Entity, EntityCopy.Clone(row)));
        foreach (var column in columns.Columns) context.Metadata.Column(table, column);
        return Results((ParameterNames.Entity, EntityCopy.Clone(row, column => column == table.PrimaryIdColumn || columns.Columns.Contains(column))));
    }

    public override OrganizationResponse CreateResponse() => new RetrieveResponse();
}
