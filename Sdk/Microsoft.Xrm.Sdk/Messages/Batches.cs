namespace Microsoft.Xrm.Sdk.Messages
{
    /// <summary>Up to 1,000 requests in one call; each runs on its own (no shared transaction).</summary>
    public sealed class ExecuteMultipleRequest : OrganizationRequest
    {
        public ExecuteMultipleRequest() => RequestName = "ExecuteMultiple";

        public OrganizationRequestCollection Requests
        {
            get => Parameters.TryGetValue("Requests", out var value) ? (OrganizationRequestCollection)value! : null!;
            set => Parameters["Requests"] = value;
        }

        public ExecuteMultipleSettings Settings
        {
            get => Parameters.TryGetValue("Settings", out var value) ? (ExecuteMultipleSettings)value! : null!;
            set => Parameters["Settings"] = value;
        }
    }

    public sealed class ExecuteMultipleResponse : OrganizationResponse
    {
        public ExecuteMultipleResponseItemCollection Responses =>
            Results.TryGetValue("Responses", out var value) ? (ExecuteMultipleResponseItemCollection)value! : null!;

        public bool IsFaulted => Results.TryGetValue("IsFaulted", out var value) && value is bool faulted && faulted;
    }

    /// <summary>Requests that succeed or fail together, in one database transaction.</summary>
    public sealed class ExecuteTransactionRequest : OrganizationRequest
    {
        public ExecuteTransactionRequest() => RequestName = "ExecuteTransaction";

        public OrganizationRequestCollection Requests
        {
            get => Parameters.TryGetValue("Requests", out var value) ? (OrganizationRequestCollection)value! : null!;
            set => Parameters["Requests"] = value;
        }

        public bool? ReturnResponses
        {
            get => Parameters.TryGetValue("ReturnResponses", out var value) ? value as bool? : null;
            set => Parameters["ReturnResponses"] = value;
        }
    }

    public sealed class ExecuteTransactionResponse : OrganizationResponse
    {
        public OrganizationResponseCollection Responses =>
            Results.TryGetValue("Responses", out var value) ? (OrganizationResponseCollection)value! : null!;
    }
}

namespace Microsoft.Xrm.Sdk
{
    public sealed class OrganizationRequestCollection : DataCollection<OrganizationRequest>
    {
        public OrganizationRequestCollection() { }
    }

    public sealed class OrganizationResponseCollection : DataCollection<OrganizationResponse>
    {
        public OrganizationResponseCollection() { }
    }

    public sealed class ExecuteMultipleSettings
    {
        public bool ContinueOnError { get; set; }

        public bool ReturnResponses { get; set; }
    }

    /// <summary>The outcome of one request of an ExecuteMultipleRequest: its response, or its fault.</summary>
    public sealed class ExecuteMultipleResponseItem
    {
        public int RequestIndex { get; set; }

        public OrganizationResponse Response { get; set; } = null!;

        public OrganizationServiceFault Fault { get; set; } = null!;
    }

    public sealed class ExecuteMultipleResponseItemCollection : DataCollection<ExecuteMultipleResponseItem>
    {
        public ExecuteMultipleResponseItemCollection() { }
    }

    /// <summary>Numeric values are those of the real SDK.</summary>
    public enum ConcurrencyBehavior
    {
        Default = 0,
        IfRowVersionMatches = 1,
        AlwaysOverwrite = 2,
    }
}
