using System;
using Microsoft.Xrm.Sdk.Query;

namespace Microsoft.Xrm.Sdk.Messages
{
    // The typed requests and responses of the core messages: thin views over Parameters and Results, as in the real SDK.

    public sealed class CreateRequest : OrganizationRequest
    {
        public CreateRequest() => RequestName = "Create";

        public Entity Target
        {
            get => Parameters.TryGetValue("Target", out var value) ? (Entity)value! : null!;
            set => Parameters["Target"] = value;
        }
    }

    public sealed class CreateResponse : OrganizationResponse
    {
        public Guid id => Results.TryGetValue("id", out var value) && value is Guid id ? id : Guid.Empty;
    }

    public sealed class RetrieveRequest : OrganizationRequest
    {
        public RetrieveRequest() => RequestName = "Retrieve";

        public EntityReference Target
        {
            get => Parameters.TryGetValue("Target", out var value) ? (EntityReference)value! : null!;
            set => Parameters["Target"] = value;
        }

        public ColumnSet ColumnSet
        {
            get => Parameters.TryGetValue("ColumnSet", out var value) ? (ColumnSet)value! : null!;
            set => Parameters["ColumnSet"] = value;
        }
    }

    public sealed class RetrieveResponse : OrganizationResponse
    {
        public Entity Entity => Results.TryGetValue("Entity", out var value) ? (Entity)value! : null!;
    }

    public sealed class UpdateRequest : OrganizationRequest
    {
        public UpdateRequest() => RequestName = "Update";

        public Entity Target
        {
            get => Parameters.TryGetValue("Target", out var value) ? (Entity)value! : null!;
            set => Parameters["Target"] = value;
        }

        public ConcurrencyBehavior ConcurrencyBehavior
        {
            get => Parameters.TryGetValue("ConcurrencyBehavior", out var value) && value is ConcurrencyBehavior behavior ? behavior : ConcurrencyBehavior.Default;
            set => Parameters["ConcurrencyBehavior"] = value;
        }
    }

    public sealed class UpdateResponse : OrganizationResponse
    {
    }

    public sealed class DeleteRequest : OrganizationRequest
    {
        public DeleteRequest() => RequestName = "Delete";

        public EntityReference Target
        {
            get => Parameters.TryGetValue("Target", out var value) ? (EntityReference)value! : null!;
            set => Parameters["Target"] = value;
        }

        public ConcurrencyBehavior ConcurrencyBehavior
        {
            get => Parameters.TryGetValue("ConcurrencyBehavior", out var value) && value is ConcurrencyBehavior behavior ? behavior : ConcurrencyBehavior.Default;
            set => Parameters["ConcurrencyBehavior"] = value;
        }
    }

    public sealed class DeleteResponse : OrganizationResponse
    {
    }

    public sealed class RetrieveMultipleRequest : OrganizationRequest
    {
        public RetrieveMultipleRequest() => RequestName = "RetrieveMultiple";

        public QueryBase Query
        {
            get => Parameters.TryGetValue("Query", out var value) ? (QueryBase)value! : null!;
            set => Parameters["Query"] = value;
        }
    }

    public sealed class RetrieveMultipleResponse : OrganizationResponse
    {
        public EntityCollection EntityCollection => Results.TryGetValue("EntityCollection", out var value) ? (EntityCollection)value! : null!;
    }
}
