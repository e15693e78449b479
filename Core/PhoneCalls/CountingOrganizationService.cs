using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace VoiceForD365.Core.PhoneCalls
{
    /// <summary>The organization service of a run, counting its requests for the run's summary (an ExecuteMultiple is one).</summary>
    internal sealed class CountingOrganizationService : IOrganizationService
    {
        private readonly IOrganizationService _inner;

        public CountingOrganizationService(IOrganizationService inner) => _inner = inner;

        public int Requests { get; private set; }

        public Guid Create(Entity entity)
        {
            Requests++;
            return _inner.Create(entity);
        }

        public Entity Retrieve(string entityName, Guid id, ColumnSet columnSet)
        {
            Requests++;
            return _inner.Retrieve(entityName, id, columnSet);
        }

        public void Update(Entity entity)
        {
            Requests++;
            _inner.Update(entity);
        }

        public void Delete(string entityName, Guid id)
        {
            Requests++;
            _inner.Delete(entityName, id);
        }

        public OrganizationResponse Execute(OrganizationRequest request)
        {
            Requests++;
            return _inner.Execute(request);
        }

        public void Associate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities)
        {
            Requests++;
            _inner.Associate(entityName, entityId, relationship, relatedEntities);
        }

        public void Disassociate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities)
        {
            Requests++;
            _inner.Disassociate(entityName, entityId, relationship, relatedEntities);
        }

        public EntityCollection RetrieveMultiple(QueryBase query)
        {
            Requests++;
            return _inner.RetrieveMultiple(query);
        }
    }
}
