using Microsoft.Xrm.Sdk;
using VoiceForD365.Core.Schema;

namespace VoiceForD365.LocalOrg.Messages;

/// <summary>Assign: gives a record to a user or a team (writes its owner, as an update without Update's steps).</summary>
internal sealed class AssignHandler() : MessageHandler(MessageNames.Assign)
{
    public override ParameterCollection Execute(OrganizationRequest request, MessageContext context)
    {
        var target = Target<EntityReference>(request);
        var assignee = Parameter<EntityReference>(request, ParameterNames.Assignee);
        if (assignee.LogicalName is not (SystemUser.EntityName or Team.EntityName))
            throw Faults.InvalidArgumentFault($"A record can be assigned to a user or a team, not to a {assignee.LogicalName}.");
        context.Records.Require(assignee);
        context.Records.Update(new Entity(target.LogicalName, target.Id) { [StandardColumns.OwnerId] = new EntityReference(assignee.LogicalName, assignee.Id) }, context.UserId);
        return new ParameterCollection();
    }
}
