using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using VoiceForD365.Core.Schema;

namespace VoiceForD365.Bench;

/// <summary>
/// The bench's view of what a client writes: passes every request on, and records the size of each ExecuteMultiple
/// that writes phone calls (one $batch over the Web API) and every write (a create or an update, nested ones included).
/// </summary>
internal sealed class WriteRecordingService(IOrganizationService inner) : IOrganizationService
{
    private readonly List<int> _phoneCallBatches = [];

    /// <summary>Operations (creates and updates, those of ExecuteTransaction counted one by one) of each ExecuteMultiple that writes phone calls.</summary>
    public IReadOnlyList<int> PhoneCallBatches => _phoneCallBatches;

    /// <summary>The other ExecuteMultiple requests (the sync state's writes, each read back in the same $batch).</summary>
    public int OtherBatches { get; private set; }

    /// <summary>Creates and updates sent, inside batches or not.</summary>
    public int Writes { get; private set; }

    public void Reset()
    {
        _phoneCallBatches.Clear();
        OtherBatches = 0;
        Writes = 0;
    }

    public Guid Create(Entity entity)
    {
        Writes++;
        return inner.Create(entity);
    }

    public Entity Retrieve(string entityName, Guid id, ColumnSet columnSet) => inner.Retrieve(entityName, id, columnSet);

    public void Update(Entity entity)
    {
        Writes++;
        inner.Update(entity);
    }

    public void Delete(string entityName, Guid id) => inner.Delete(entityName, id);

    public OrganizationResponse Execute(OrganizationRequest request)
    {
        var writes = WritesOf(request).ToList();
        Writes += writes.Count;
        if (request is ExecuteMultipleRequest)
        {
            if (writes.Contains(PhoneCall.EntityName)) _phoneCallBatches.Add(writes.Count);
            else OtherBatches++;
        }
        return inner.Execute(request);
    }

    public void Associate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) =>
        inner.Associate(entityName, entityId, relationship, relatedEntities);

    public void Disassociate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) =>
        inner.Disassociate(entityName, entityId, relationship, relatedEntities);

    public EntityCollection RetrieveMultiple(QueryBase query) => inner.RetrieveMultiple(query);

    /// <summary>The table of each create and update in the request.</summary>
    private static IEnumerable<string> WritesOf(OrganizationRequest request) => request switch
    {
        CreateRequest create => [create.Target.LogicalName],
        UpdateRequest update => [update.Target.LogicalName],
        ExecuteMultipleRequest multiple => multiple.Requests.SelectMany(WritesOf),
        ExecuteTransactionRequest transaction => transaction.Requests.SelectMany(WritesOf),
        _ => [],
    };
}
