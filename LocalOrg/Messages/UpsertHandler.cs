using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using VoiceForD365.Core.Schema;
using VoiceForD365.LocalOrg.Store;

namespace VoiceForD365.LocalOrg.Messages;

/// <summary>Upsert: an Update of the row the id or alternate key finds, else a Create; run as a child request, so their plug-ins run too.</summary>
internal sealed class UpsertHandler() : MessageHandler(MessageNames.Upsert)
{
    public override ParameterCollection Execute(OrganizationRequest request, MessageContext context)
    {
        var target = Target<Entity>(request);
        var table = context.Metadata.Table(target.LogicalName);
        var store = context.Records.Store;
        var existingId = target.KeyAttributes.Count > 0 ? store.FindByKey(table, target.KeyAttributes)
            : target.Id != Guid.Empty && store.Find(table.LogicalName, target.Id) != null ? target.Id : null;
        var inner = EntityCopy.Clone(target);
        inner.KeyAttributes.Clear();
        var service = context.Service;
        Guid id;
        if (existingId is { } found)
        {
            inner.Id = found;
            service.Update(inner);
            id = found;
        }
        else
        {
            foreach (var key in target.KeyAttributes) inner[key.Key] = EntityCopy.CloneValue(key.Value);
            id = service.Create(inner);
        }
        context.PrimaryEntityId = id;
        return Results((ParameterNames.RecordCreated, existingId == null), (ParameterNames.Target, new EntityReference(table.LogicalName, id)));
    }

    public override OrganizationResponse CreateResponse() => new UpsertResponse();
}
