using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using VoiceForD365.Core.Schema;

namespace VoiceForD365.LocalOrg;

/// <summary>IOrganizationService of the local organization: every call becomes a request through the pipeline.</summary>
internal sealed class OrganizationService(LocalOrganization organization, Caller caller) : IOrganizationService
{
    public Guid Create(Entity entity) => (Guid)Execute(Request(MessageNames.Create, ("Target", entity)))["id"]!;

    public Entity Retrieve(string entityName, Guid id, ColumnSet columnSet) =>
        (Entity)Execute(Request(MessageNames.Retrieve, ("Target", new EntityReference(entityName, id)), ("ColumnSet", columnSet)))["Entity"]!;

    public void Update(Entity entity) => Execute(Request(MessageNames.Update, ("Target", entity)));

    public void Delete(string entityName, Guid id) => Execute(Request(MessageNames.Delete, ("Target", new EntityReference(entityName, id))));

    public void Associate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) =>
        Execute(Request(MessageNames.Associate, ("Target", new EntityReference(entityName, entityId)), ("Relationship", relationship), ("RelatedEntities", relatedEntities)));

    public void Disassociate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) =>
        Execute(Request(MessageNames.Disassociate, ("Target", new EntityReference(entityName, entityId)), ("Relationship", relationship), ("RelatedEntities", relatedEntities)));

    public EntityCollection RetrieveMultiple(QueryBase query) =>
        (EntityCollection)Execute(Request(MessageNames.RetrieveMultiple, ("Query", query)))["EntityCollection"]!;

    public OrganizationResponse Execute(OrganizationRequest request)
    {
        if (request == null || string.IsNullOrEmpty(request.RequestName))
            throw Faults.InvalidArgumentFault("The request has no RequestName.");
        return organization.Execute(request, caller);
    }

    private static OrganizationRequest Request(string name, params (string Key, object? Value)[] parameters)
    {
        var request = new OrganizationRequest(name);
        foreach (var (key, value) in parameters) request.Parameters[key] = value;
        return request;
    }
}
