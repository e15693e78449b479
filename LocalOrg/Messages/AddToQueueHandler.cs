using Microsoft.Xrm.Sdk;
using VoiceForD365.Core.Schema;

namespace VoiceForD365.LocalOrg.Messages;

/// <summary>AddToQueue: puts a record in a queue (a queue item); a record is in at most one queue, so adding it elsewhere moves its item.</summary>
internal sealed class AddToQueueHandler() : MessageHandler(MessageNames.AddToQueue)
{
    public override ParameterCollection Execute(OrganizationRequest request, MessageContext context)
    {
        var target = Target<EntityReference>(request);
        var destination = Parameter<Guid>(request, ParameterNames.DestinationQueueId);
        var records = context.Records;
        records.Require(target);
        records.Require(new EntityReference(Queue.EntityName, destination));
        var existing = records.Store.Rows(context.Metadata.Table(QueueItem.EntityName).LogicalName)
            .FirstOrDefault(r => r.GetAttributeValue<EntityReference>(QueueItem.ObjectId)?.Id == target.Id);
        if (existing != null)
        {
            records.Update(new Entity(QueueItem.EntityName, existing.Id) { [QueueItem.QueueId] = new EntityReference(Queue.EntityName, destination) }, context.UserId);
            return Results((ParameterNames.QueueItemId, existing.Id));
        }
        var item = new Entity(QueueItem.EntityName)
        {
            [QueueItem.QueueId] = new EntityReference(Queue.EntityName, destination),
            [QueueItem.ObjectId] = new EntityReference(target.LogicalName, target.Id),
        };
        return Results((ParameterNames.QueueItemId, records.Create(item, context.UserId)));
    }
}
