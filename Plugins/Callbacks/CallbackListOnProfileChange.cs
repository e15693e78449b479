using Microsoft.Xrm.Sdk;
using VoiceForD365.Core.Callbacks;
using VoiceForD365.Core.Enreach;
using VoiceForD365.Core.Registration;
using VoiceForD365.Core.Schema;

namespace VoiceForD365.Plugins.Callbacks
{
    /// <summary>
    /// A callback profile is saved with a Callback List (the lookup) or a Callback List Id (the text id): keep the
    /// lookup, the id and the name in step, checking the list in Enreach (Core's <see cref="CallbackProfileList"/>).
    /// Pre-operation, so the save itself carries the columns and a list Enreach does not know is never saved.
    /// </summary>
    [PluginStep(MessageNames.Create, CallbackProfile.EntityName, PipelineStage.PreOperation, ExecutionMode.Synchronous,
        Description = "Voice for D365: check a new callback profile's list in Enreach and keep its lookup, id and name in step")]
    [PluginStep(MessageNames.Update, CallbackProfile.EntityName, PipelineStage.PreOperation, ExecutionMode.Synchronous,
        FilteringAttributes = CallbackProfile.CallbackList + "," + CallbackProfile.CallbackListId,
        PreImageName = PreImage, PreImageAttributes = CallbackProfile.CallbackList + "," + CallbackProfile.CallbackListId,
        Description = "Voice for D365: check a callback profile's new list in Enreach and keep its lookup, id and name in step")]
    public sealed class CallbackListOnProfileChange : PluginBase
    {
        private const string PreImage = "pre";

        protected override void ExecuteDataversePlugin(LocalPluginContext context)
        {
            var execution = context.PluginExecutionContext;
            var target = (Entity)execution.InputParameters[ParameterNames.Target]!;
            execution.PreEntityImages.TryGetValue(PreImage, out var before);
            var lists = new CallbackListTable(() => EnreachConnection.Create(context), context.Trace);
            try
            {
                CallbackProfileList.Apply(target, before, lists.Find, context.Trace);
            }
            catch (EnreachException e)
            {
                context.Trace("Enreach failed ({0}): {1}", e.Kind, e.Message);
                throw new InvalidPluginExecutionException("The callback profile was not saved: Voice for D365 could not check its callback list in Enreach. " + e.Message, e);
            }
        }
    }
}
