using Microsoft.Xrm.Sdk;
using VoiceForD365.Core.Schema;

namespace VoiceForD365.LocalOrg.Messages;

/// <summary>WhoAmI: the calling user, their business unit and the organization.</summary>
internal sealed class WhoAmIHandler() : MessageHandler(MessageNames.WhoAmI)
{
    public override ParameterCollection Execute(OrganizationRequest request, MessageContext context) =>
        Results((ParameterNames.UserId, context.UserId), (ParameterNames.BusinessUnitId, context.BusinessUnitId), (ParameterNames.OrganizationId, context.OrganizationId));
}
