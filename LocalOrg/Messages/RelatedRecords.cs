using Microsoft.Xrm.Sdk;
using VoiceForD365.Core.Schema;
using VoiceForD365.Solution.Model;

namespace VoiceForD365.LocalOrg.Messages;

/// <summary>What Associate and Disassociate share: the pairs of records a request names, in the relationship's order.</summary>
internal static class RelatedRecords
{
    /// <summary>
    /// Each record of RelatedEntities paired with the Target, as (Entity1, Entity2) of the relationship. Checks that
    /// the target and each related record exist and fit the relationship, one pair at a time, as the caller links them.
    /// </summary>
    public static IEnumerable<(ManyToManyDefinition Relationship, Guid First, Guid Second)> Pairs(OrganizationRequest request, MessageContext context)
    {
        var target = MessageHandler.Target<EntityReference>(request);
        var relationship = context.Metadata.Relationship(MessageHandler.Parameter<Relationship>(request, ParameterNames.Relationship).SchemaName);
        var related = MessageHandler.Parameter<EntityReferenceCollection>(request, ParameterNames.RelatedEntities);
        context.Metadata.Table(relationship.IntersectEntity);
        context.Records.Require(target);
        foreach (var other in related)
        {
            context.Records.Require(other);
            yield return target.LogicalName == relationship.Entity1 && other.LogicalName == relationship.Entity2 ? (relationship, target.Id, other.Id)
                : target.LogicalName == relationship.Entity2 && other.LogicalName == relationship.Entity1 ? (relationship, other.Id, target.Id)
                : throw Faults.InvalidArgumentFault($"The relationship {relationship.SchemaName} links {relationship.Entity1} and {relationship.Entity2}, not {target.LogicalName} and {other.LogicalName}.");
        }
    }
}
