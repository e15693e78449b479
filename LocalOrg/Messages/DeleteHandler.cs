using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using VoiceForD365.Core.Schema;
using VoiceForD365.LocalOrg.Metadata;
using VoiceForD365.LocalOrg.Store;

namespace VoiceForD365.LocalOrg.Messages;

/// <summary>Delete: removes the row (by id or alternate key; if its row version matches, when asked) and, as Dataverse does, its many-to-many links.</summary>
internal sealed class DeleteHandler() : MessageHandler(MessageNames.Delete)
{
    public override ParameterCollection Execute(OrganizationRequest request, MessageContext context)
    {
        var target = Target<EntityReference>(request);
        var store = context.Records.Store;
        var table = context.Metadata.Table(target.LogicalName);
        if (table.IsVirtual) return VirtualTables.Change(table, MessageNames.Delete, context);
        Records.RequireWritable(table, null);
        var row = context.Records.Find(target);
        Records.RequireVersion(row, UpdateHandler.ConcurrencyOf(request), target.RowVersion);
        target = new EntityReference(table.LogicalName, row.Id);
        store.Remove(table, target.Id);
        foreach (var relationship in context.Metadata.Relationships)
        {
            var intersect = context.Metadata.Table(relationship.IntersectEntity);
            var column = target.LogicalName == relationship.Entity1 ? relationship.Entity1IntersectAttribute
                : target.LogicalName == relationship.Entity2 ? relationship.Entity2IntersectAttribute : null;
            if (column == null) continue;
            foreach (var link in store.Rows(intersect.LogicalName).Where(r => r.GetAttributeValue<Guid>(column) == target.Id).ToList())
                store.Remove(intersect, link.Id);
        }
        return new ParameterCollection();
    }

    public override OrganizationResponse CreateResponse() => new DeleteResponse();
}
