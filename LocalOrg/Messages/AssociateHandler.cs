using Microsoft.Xrm.Sdk;
using VoiceForD365.Core.Schema;

namespace VoiceForD365.LocalOrg.Messages;

/// <summary>Associate: links the target to each related record through a many-to-many relationship; an existing link is refused.</summary>
internal sealed class AssociateHandler() : MessageHandler(MessageNames.Associate)
{
    public override ParameterCollection Execute(OrganizationRequest request, MessageContext context)
    {
        foreach (var (relationship, first, second) in RelatedRecords.Pairs(request, context))
        {
            if (context.Records.FindLink(relationship, first, second) != null)
                throw Faults.Create(Faults.DuplicateRecord, $"Cannot insert duplicate key: the {relationship.SchemaName} association already exists.");
            context.Records.AddLink(relationship, first, second);
        }
        return new ParameterCollection();
    }
}
