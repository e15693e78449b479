using System;
using Microsoft.Xrm.Sdk.Query;

namespace Microsoft.Xrm.Sdk
{
    public interface IOrganizationService
    {
        Guid Create(Entity entity);
        Entity Retrieve(string entityName, Guid id, ColumnSet columnSet);
        void Update(Entity entity);
        void Delete(string entityName, Guid id);
        OrganizationResponse Execute(OrganizationRequest request);
        void Associate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities);
        void Disassociate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities);
        EntityCollection RetrieveMultiple(QueryBase query);
    }

    public interface IOrganizationServiceFactory
    {
        IOrganizationService CreateOrganizationService(Guid? userId);
    }

    public interface IPlugin
    {
        void Execute(IServiceProvider serviceProvider);
    }

    public interface ITracingService
    {
        void Trace(string format, params object[] args);
    }

    public interface IExecutionContext
    {
        int Mode { get; }
        int IsolationMode { get; }
        int Depth { get; }
        string MessageName { get; }
        string PrimaryEntityName { get; }
        Guid? RequestId { get; }
        string SecondaryEntityName { get; }
        ParameterCollection InputParameters { get; }
        ParameterCollection OutputParameters { get; }
        ParameterCollection SharedVariables { get; }
        Guid UserId { get; }
        Guid InitiatingUserId { get; }
        Guid BusinessUnitId { get; }
        Guid OrganizationId { get; }
        string OrganizationName { get; }
        Guid PrimaryEntityId { get; }
        EntityImageCollection PreEntityImages { get; }
        EntityImageCollection PostEntityImages { get; }
        EntityReference OwningExtension { get; }
        Guid CorrelationId { get; }
        bool IsExecutingOffline { get; }
        bool IsOfflinePlayback { get; }
        bool IsInTransaction { get; }
        Guid OperationId { get; }
        DateTime OperationCreatedOn { get; }
    }

    public interface IPluginExecutionContext : IExecutionContext
    {
        int Stage { get; }
        IPluginExecutionContext ParentContext { get; }
    }

    public class OrganizationRequest
    {
        private ParameterCollection _parameters = new ParameterCollection();

        public OrganizationRequest() { }

        public OrganizationRequest(string requestName) => RequestName = requestName;

        public string RequestName { get; set; } = null!;

        public Guid? RequestId { get; set; }

        public ParameterCollection Parameters
        {
            get => _parameters;
            set => _parameters = value ?? new ParameterCollection();
        }

        public object? this[string parameterName]
        {
            get => Parameters[parameterName];
            set => Parameters[parameterName] = value;
        }
    }

    public class OrganizationResponse
    {
        private ParameterCollection _results = new ParameterCollection();

        public string ResponseName { get; set; } = null!;

        public ParameterCollection Results
        {
            get => _results;
            set => _results = value ?? new ParameterCollection();
        }

        public object? this[string parameterName]
        {
            get => Results[parameterName];
            set => Results[parameterName] = value;
        }
    }

    [Serializable]
    public class InvalidPluginExecutionException : Exception
    {
        public InvalidPluginExecutionException() { }

        public InvalidPluginExecutionException(string message) : base(message) { }

        public InvalidPluginExecutionException(string message, Exception inner) : base(message, inner) { }
    }

    public class BaseServiceFault
    {
        public int ErrorCode { get; set; }

        public string Message { get; set; } = null!;

        public DateTime Timestamp { get; set; }
    }

    /// <summary>The detail of the FaultException&lt;OrganizationServiceFault&gt; that Dataverse throws for a refused request.</summary>
    public sealed class OrganizationServiceFault : BaseServiceFault
    {
        public OrganizationServiceFault InnerFault { get; set; } = null!;

        public string TraceText { get; set; } = null!;

        public override string ToString() => Message;
    }
}
