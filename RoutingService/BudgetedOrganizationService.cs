using System;
using System.Threading;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using VoiceForD365.WebApiClient;

namespace VoiceForD365.RoutingService;

/// <summary>
/// The organization service as one lookup sees it: every request gives up when the lookup's token is cancelled (the
/// Web API client's HTTP request is cancelled, so a hanging Dynamics frees the thread at the budget), and counts
/// itself, so the service can say how many Dataverse requests a decision cost. It only reads.
/// </summary>
internal sealed class BudgetedOrganizationService(IOrganizationService inner, CancellationToken token, Action counted) : IOrganizationService
{
    public OrganizationResponse Execute(OrganizationRequest request)
    {
        token.ThrowIfCancellationRequested();
        counted();
        return inner is DataverseWebApiClient client ? client.ExecuteAsync(request, token).GetAwaiter().GetResult() : inner.Execute(request);
    }

    public Entity Retrieve(string entityName, Guid id, ColumnSet columnSet) =>
        ((RetrieveResponse)Execute(new RetrieveRequest { Target = new EntityReference(entityName, id), ColumnSet = columnSet })).Entity;

    public EntityCollection RetrieveMultiple(QueryBase query) => ((RetrieveMultipleResponse)Execute(new RetrieveMultipleRequest { Query = query })).EntityCollection;

    // The routing service only reads: a write through it is a bug, refused before it reaches Dynamics.
    public Guid Create(Entity entity) => throw ReadOnly();

    public void Update(Entity entity) => throw ReadOnly();

    public void Delete(string entityName, Guid id) => throw ReadOnly();

    public void Associate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) => throw ReadOnly();

    public void Disassociate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) => throw ReadOnly();

    private static NotSupportedException ReadOnly() => new("The routing service only reads from Dynamics.");
}
