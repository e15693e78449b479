using Microsoft.Xrm.Sdk;
using VoiceForD365.Core.Registration;
using VoiceForD365.Core.Schema;
using VoiceForD365.Core.Users;

namespace VoiceForD365.Plugins.Users
{
    /// <summary>
    /// The Voice User role was given to a user, or to a team, or a user joined a team that holds it: match those
    /// users in Enreach. Associate has no primary table, so the step runs for every association and the relationship
    /// is checked in code (Core decides which ones matter).
    /// </summary>
    [PluginStep(Messages.Associate, "", PipelineStage.PostOperation, ExecutionMode.Asynchronous,
        Description = "Voice for D365: set Enreach User Ids of users who get the Voice User role")]
    public sealed class EnreachUserIdOnAssociate : PluginBase
    {
        protected override void ExecuteDataversePlugin(LocalPluginContext context)
        {
            var inputs = context.PluginExecutionContext.InputParameters;
            var relationship = (Relationship)inputs["Relationship"]!;
            var target = (EntityReference)inputs["Target"]!;
            var related = (EntityReferenceCollection)inputs["RelatedEntities"]!;
            var users = VoiceUsers.AffectedByAssociation(context.SystemService, relationship.SchemaName, target, related);
            if (users.Count == 0)
            {
                context.Trace("The association {0} gives nobody the Voice User role: nothing to do.", relationship.SchemaName);
                return;
            }
            EnreachUserIds.Update(context, users);
        }
    }
}
