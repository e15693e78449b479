using Microsoft.Xrm.Sdk;
using VoiceForD365.Core.Schema;

namespace VoiceForD365.LocalOrg.Messages;

/// <summary>Update: writes the given columns of a row found by id or alternate key.</summary>
internal sealed class UpdateHandler() : MessageHandler(MessageNames.Update)
{
    public override ParameterCollection Execute(OrganizationRequest request, MessageContext context)
    {
        context.Records.Update(Target<Entity>(request), context.UserId);
        return new ParameterCollection();
    }
}
