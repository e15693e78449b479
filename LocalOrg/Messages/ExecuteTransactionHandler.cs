using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace VoiceForD365.LocalOrg.Messages;

/// <summary>ExecuteTransaction: up to 1,000 requests in one transaction: the first fault rolls back all of them and is the batch's fault.</summary>
internal sealed class ExecuteTransactionHandler() : MessageHandler(BatchMessages.ExecuteTransaction)
{
    public override EntityReference? PrimaryEntityOf(OrganizationRequest request, MessageContext context) => null;

    public override ParameterCollection Execute(OrganizationRequest request, MessageContext context)
    {
        var requests = BatchMessages.Requests(request, context);
        var returnResponses = request.Parameters.TryGetValue("ReturnResponses", out var value) && value is true;
        var responses = new OrganizationResponseCollection();
        var service = context.CallerService;
        foreach (var inner in requests)
        {
            var response = service.Execute(inner);
            if (returnResponses) responses.Add(response);
        }
        return Results(("Responses", responses));
    }

    public override OrganizationResponse CreateResponse() => new ExecuteTransactionResponse();
}
