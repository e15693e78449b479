using System;
using Microsoft.Xrm.Sdk;
using VoiceForD365.Core.Registration;
using VoiceForD365.Core.Schema;

namespace VoiceForD365.Plugins.Users
{
    /// <summary>
    /// A user's email or Enreach User Email override was set or changed: match the user in Enreach again (if they are
    /// a Voice user). Asynchronous, so an Enreach outage fails the system job and never the admin's save.
    /// </summary>
    [PluginStep(MessageNames.Create, SystemUser.EntityName, PipelineStage.PostOperation, ExecutionMode.Asynchronous,
        Description = "Voice for D365: set the Enreach User Id of a new user")]
    [PluginStep(MessageNames.Update, SystemUser.EntityName, PipelineStage.PostOperation, ExecutionMode.Asynchronous,
        FilteringAttributes = SystemUser.InternalEmailAddress + "," + SystemUser.EnreachUserEmail,
        PreImageName = PreImage, PreImageAttributes = SystemUser.InternalEmailAddress + "," + SystemUser.EnreachUserEmail,
        Description = "Voice for D365: update the Enreach User Id when the user's email changes")]
    public sealed class EnreachUserIdOnUserChange : PluginBase
    {
        private const string PreImage = "pre";

        protected override void ExecuteDataversePlugin(LocalPluginContext context)
        {
            var execution = context.PluginExecutionContext;
            var target = (Entity)execution.InputParameters[ParameterNames.Target]!;
            if (!EmailChanged(target, execution))
            {
                context.Trace("Neither the email nor the Enreach User Email changed: nothing to do.");
                return;
            }
            EnreachUserIds.Update(context, new[] { execution.PrimaryEntityId });
        }

        /// <summary>The check in code behind the filtering attributes: a save that sets an email to its old value changes nothing.</summary>
        private static bool EmailChanged(Entity target, IPluginExecutionContext execution)
        {
            execution.PreEntityImages.TryGetValue(PreImage, out var before);
            foreach (var column in new[] { SystemUser.InternalEmailAddress, SystemUser.EnreachUserEmail })
            {
                if (!target.Contains(column)) continue;
                var was = before?.GetAttributeValue<string>(column) ?? "";
                var now = target.GetAttributeValue<string>(column) ?? "";
                if (!string.Equals(was.Trim(), now.Trim(), StringComparison.OrdinalIgnoreCase)) return true;
            }
            return false;
        }
    }
}
