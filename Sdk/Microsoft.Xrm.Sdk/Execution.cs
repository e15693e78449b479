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

    /// <summary>How a plug-in's failure is reported (the real SDK's numbers).</summary>
    public enum OperationStatus
    {
        Failed = 0,
        Canceled = 1,
        Retry = 2,
        Suspended = 3,
        Succeeded = 4,
    }

    [Serializable]
    public class InvalidPluginExecutionException : Exception
    {
        // ISV code aborted the operation: the code of a plug-in's error that gives none.
        private const int IsvAborted = unchecked((int)0x80040265);

        public InvalidPluginExecutionException() { }

        public InvalidPluginExecutionException(string message) : base(message) { }

        public InvalidPluginExecutionException(string message, Exception inner) : base(message, inner) { }

        /// <summary>An error with a Dataverse error code of its own: the caller's fault carries it (a data provider's "does not exist").</summary>
        public InvalidPluginExecutionException(OperationStatus status, int errorCode, string message) : base(message)
        {
            Status = status;
            ErrorCode = errorCode;
        }

        public OperationStatus Status { get; } = OperationStatus.Failed;

        public int ErrorCode { get; } = IsvAborted;
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
