using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using VoiceForD365.Core.Schema;
using VoiceForD365.LocalOrg.Pipeline;

namespace VoiceForD365.LocalOrg;

/// <summary>IOrganizationService of the local organization: every call becomes a request through the pipeline.</summary>
internal sealed class OrganizationService(RequestPipeline pipeline, Caller caller) : IOrganizationService
{
    public Guid Create(Entity entity) => (Guid)Execute(Request(MessageNames.Create, (ParameterNames.Target, entity)))[ParameterNames.Id]!;

    public Entity Retrieve(string entityName, Guid id, ColumnSet columnSet) =>
        (Entity)Execute(Request(MessageNames.Retrieve, (ParameterNames.Target, new EntityReference(entityName, id)), (ParameterNames.ColumnSet, columnSet)))[ParameterNames.Entity]!;

    public void Update(Entity entity) => Execute(Request(MessageNames.Update, (ParameterNames.Target, entity)));

    public void Delete(string entityName, Guid id) => Execute(Request(MessageNames.Delete, (ParameterNames.Target, new EntityReference(entityName, id))));

    public void Associate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) =>
        Execute(Relate(MessageNames.Associate, entityName, entityId, relationship, relatedEntities));

    public void Disassociate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) =>
        Execute(Relate(MessageNames.Disassociate, entityName, entityId, relationship, relatedEntities));

    public EntityCollection RetrieveMultiple(QueryBase query) =>
        (EntityCollection)Execute(Request(MessageNames.RetrieveMultiple, (ParameterNames.Query, query)))[ParameterNames.EntityCollection]!;

    public OrganizationResponse Execute(OrganizationRequest request)
    {
        if (request == null || string.IsNullOrEmpty(request.RequestName))
            throw Faults.InvalidArgumentFault("The request has no RequestName.");
        return pipeline.Execute(request, caller);
    }

    private static OrganizationRequest Relate(string message, string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) =>
        Request(message, (ParameterNames.Target, new EntityReference(entityName, entityId)), (ParameterNames.Relationship, relationship), (ParameterNames.RelatedEntities, relatedEntities));

    private static OrganizationRequest Request(string name, params (string Key, object? Value)[] parameters)
    {
        var request = new OrganizationRequest(name);
        foreach (var (key, value) in parameters) request.Parameters[key] = value;
        return request;
    }
}
