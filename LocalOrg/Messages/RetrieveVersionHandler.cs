using Microsoft.Xrm.Sdk;
using VoiceForD365.Core.Schema;

namespace VoiceForD365.LocalOrg.Messages;

/// <summary>RetrieveVersion: the organization's Dataverse version (<see cref="LocalOrganization.Version"/>).</summary>
internal sealed class RetrieveVersionHandler() : MessageHandler(MessageNames.RetrieveVersion)
{
    public override ParameterCollection Execute(OrganizationRequest request, MessageContext context) =>
        Results((ParameterNames.Version, LocalOrganization.Version));
}
