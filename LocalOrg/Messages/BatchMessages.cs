using Microsoft.Xrm.Sdk;

namespace VoiceForD365.LocalOrg.Messages;

/// <summary>What ExecuteMultiple and ExecuteTransaction check alike.</summary>
internal static class BatchMessages
{
    public const string ExecuteMultiple = "ExecuteMultiple";
    public const string ExecuteTransaction = "ExecuteTransaction";

    /// <summary>The most requests one batch may hold.</summary>
    public const int MaxRequests = 1000;

    /// <exception cref="System.ServiceModel.FaultException{OrganizationServiceFault}">Too many requests, a nested batch, or a batch from a plug-in.</exception>
    public static OrganizationRequestCollection Requests(OrganizationRequest request, MessageContext context)
    {
        if (context.FromPlugin)
            throw Faults.InvalidArgumentFault($"{request.RequestName} can't be used in a plug-in or workflow activity: send the requests one by one.");
        var requests = MessageHandler.Parameter<OrganizationRequestCollection>(request, "Requests");
        if (requests.Count > MaxRequests)
            throw Faults.InvalidArgumentFault($"{request.RequestName}Request holds {requests.Count} requests; at most {MaxRequests} are allowed in one request.");
        // As in Dataverse: ExecuteMultiple may hold ExecuteTransaction requests (each one atomic), nothing else nests.
        if (requests.FirstOrDefault(r => r?.RequestName is ExecuteMultiple || (r?.RequestName is ExecuteTransaction && request.RequestName == ExecuteTransaction)) is { } nested)
            throw Faults.InvalidArgumentFault($"{nested.RequestName} can't be nested in {request.RequestName}.");
        if (requests.Any(r => r == null)) throw Faults.InvalidArgumentFault($"{request.RequestName}Request holds a null request.");
        return requests;
    }
}
