using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using System.ServiceModel;

namespace VoiceForD365.LocalOrg.Messages;

/// <summary>
/// ExecuteMultiple: up to 1,000 requests in order, each on its own (a failing one rolls back only itself); with
/// ContinueOnError the rest still run, else the batch stops at the first fault. Responses hold the faults, and the
/// successes when ReturnResponses is set. Refused inside plug-ins, as in Dataverse.
/// </summary>
internal sealed class ExecuteMultipleHandler() : MessageHandler(BatchMessages.ExecuteMultiple)
{
    public override EntityReference? PrimaryEntityOf(OrganizationRequest request, MessageContext context) => null;

    public override ParameterCollection Execute(OrganizationRequest request, MessageContext context)
    {
        var requests = BatchMessages.Requests(request, context);
        var settings = Parameter<ExecuteMultipleSettings>(request, "Settings");
        var responses = new ExecuteMultipleResponseItemCollection();
        var faulted = false;
        var service = context.CallerService;
        for (var index = 0; index < requests.Count; index++)
        {
            try
            {
                var response = service.Execute(requests[index]);
                if (settings.ReturnResponses) responses.Add(new ExecuteMultipleResponseItem { RequestIndex = index, Response = response });
            }
            catch (FaultException<OrganizationServiceFault> e)
            {
                faulted = true;
                responses.Add(new ExecuteMultipleResponseItem { RequestIndex = index, Fault = e.Detail });
                if (!settings.ContinueOnError) break;
            }
        }
        return Results(("Responses", responses), ("IsFaulted", faulted));
    }

    public override OrganizationResponse CreateResponse() => new ExecuteMultipleResponse();
}
