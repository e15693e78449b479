using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using VoiceForD365.Core.Schema;

namespace VoiceForD365.LocalOrg.Messages;

/// <summary>Create: inserts the row (its id, owner, state and audit columns set as Dataverse sets them) and returns its id; by alternate key only when no row has it.</summary>
internal sealed class CreateHandler() : MessageHandler(MessageNames.Create)
{
    public override ParameterCollection Execute(OrganizationRequest request, MessageContext context)
    {
        var target = Target<Entity>(request);
        if (context.Metadata.Table(target.LogicalName) is { IsVirtual: true } table) return VirtualTables.Change(table, MessageNames.Create, context);
        var id = context.Records.Create(target, context.UserId);
        context.PrimaryEntityId = id;
        return Results((ParameterNames.Id, id));
    }

    public override OrganizationResponse CreateResponse() => new CreateResponse();
}
