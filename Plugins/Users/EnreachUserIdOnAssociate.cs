using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using VoiceForD365.Core.Registration;
using VoiceForD365.Core.Schema;
using VoiceForD365.Core.Users;

namespace VoiceForD365.Plugins.Users
{
    /// <summary>
    /// The Voice User role was given to a user, or to a team, or a user joined a team that holds it: match those
    /// users in Enreach. Associate has no primary table, so that step runs for every association and the relationship
    /// is checked in code (Core decides which ones matter). Members added with AddMembersTeamRequest raise AddMembers.
    /// </summary>
    [PluginStep(MessageNames.Associate, "", PipelineStage.PostOperation, ExecutionMode.Asynchronous,
        Description = "Voice for D365: set Enreach User Ids of users who get the Voice User role")]
    [PluginStep(MessageNames.AddMembers, Team.EntityName, PipelineStage.PostOperation, ExecutionMode.Asynchronous,
        Description = "Voice for D365: set Enreach User Ids of users added (AddMembersTeam) to a team with the Voice User role")]
    public sealed class EnreachUserIdOnAssociate : PluginBase
    {
        protected override void ExecuteDataversePlugin(LocalPluginContext context)
        {
            var execution = context.PluginExecutionContext;
            var inputs = execution.InputParameters;
            IReadOnlyCollection<Guid> users;
            if (execution.MessageName == MessageNames.AddMembers)
            {
                // AddMembersTeamRequest (API, scripts) raises AddMembers, not Associate.
                users = VoiceUsers.AffectedByAddMembers(context.SystemService, (Guid)inputs[ParameterNames.TeamId]!, (Guid[])inputs[ParameterNames.MemberIds]!);
            }
            else
            {
                var relationship = (Relationship)inputs[ParameterNames.Relationship]!;
                users = VoiceUsers.AffectedByAssociation(context.SystemService, relationship.SchemaName, (EntityReference)inputs[ParameterNames.Target]!, (EntityReferenceCollection)inputs[ParameterNames.RelatedEntities]!);
            }
            if (users.Count == 0)
            {
                context.Trace("The {0} gives nobody the Voice User role: nothing to do.", execution.MessageName);
                return;
            }
            EnreachUserIds.Update(context, users);
        }
    }
}
