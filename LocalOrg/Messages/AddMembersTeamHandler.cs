using Microsoft.Xrm.Sdk;
using VoiceForD365.Core.Schema;

namespace VoiceForD365.LocalOrg.Messages;

/// <summary>
/// AddMembersTeam: makes users members of a team. It writes the memberships itself: unlike the user interface, it
/// does not raise Associate; steps are registered on AddMembers of team.
/// </summary>
internal sealed class AddMembersTeamHandler() : MessageHandler(MessageNames.AddMembersTeam)
{
    public override string StepMessageName => MessageNames.AddMembers;

    public override EntityReference? PrimaryEntityOf(OrganizationRequest request, MessageContext context) =>
        request.Parameters.TryGetValue(ParameterNames.TeamId, out var team) && team is Guid teamId ? new EntityReference(Team.EntityName, teamId) : null;

    public override ParameterCollection Execute(OrganizationRequest request, MessageContext context)
    {
        var teamId = Parameter<Guid>(request, ParameterNames.TeamId);
        var members = Parameter<Guid[]>(request, ParameterNames.MemberIds);
        var relationship = context.Metadata.Relationship(Relationships.TeamMembership);
        context.Metadata.Table(relationship.IntersectEntity);
        context.Records.Require(new EntityReference(Team.EntityName, teamId));
        foreach (var userId in members)
        {
            context.Records.Require(new EntityReference(SystemUser.EntityName, userId));
            if (context.Records.FindLink(relationship, userId, teamId) == null) context.Records.AddLink(relationship, userId, teamId);
        }
        return new ParameterCollection();
    }
}
