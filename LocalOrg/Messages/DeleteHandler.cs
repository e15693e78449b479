using Microsoft.Xrm.Sdk;
using VoiceForD365.Core.Schema;
using VoiceForD365.LocalOrg.Metadata;

namespace VoiceForD365.LocalOrg.Messages;

/// <summary>Delete: removes the row and, as Dataverse does, its many-to-many links.</summary>
internal sealed class DeleteHandler() : MessageHandler(MessageNames.Delete)
{
    public override ParameterCollection Execute(OrganizationRequest request, MessageContext context)
    {
        var target = Target<EntityReference>(request);
        var store = context.Records.Store;
        var table = context.Metadata.Table(target.LogicalName);
        if (store.Find(table.LogicalName, target.Id) == null) throw Faults.RecordNotFound(table.LogicalName, target.Id);
        store.Remove(table, target.Id);
        foreach (var relationship in StandardTables.ManyToMany)
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
}
