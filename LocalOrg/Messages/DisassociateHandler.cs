using Microsoft.Xrm.Sdk;
using VoiceForD365.Core.Schema;

namespace VoiceForD365.LocalOrg.Messages;

/// <summary>Disassociate: removes the target's links to each related record (a missing link is no error).</summary>
internal sealed class DisassociateHandler() : MessageHandler(MessageNames.Disassociate)
{
    public override ParameterCollection Execute(OrganizationRequest request, MessageContext context)
    {
        foreach (var (relationship, first, second) in RelatedRecords.Pairs(request, context))
            if (context.Records.FindLink(relationship, first, second) is { } link) context.Records.RemoveLink(relationship, link);
        return new ParameterCollection();
    }
}
