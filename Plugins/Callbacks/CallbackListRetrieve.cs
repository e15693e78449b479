using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using VoiceForD365.Core.Registration;
using VoiceForD365.Core.Schema;

namespace VoiceForD365.Plugins.Callbacks
{
    /// <summary>The Callback List data provider's Retrieve: one Enreach callback list by its id, with the columns asked for.</summary>
    [PluginStep(MessageNames.Retrieve, CallbackList.EntityName, PipelineStage.MainOperation, ExecutionMode.Synchronous,
        Description = "Voice for D365: a callback list from Enreach (data provider of the Callback List virtual table)")]
    public sealed class CallbackListRetrieve : PluginBase
    {
        protected override void ExecuteDataversePlugin(LocalPluginContext context)
        {
            var inputs = context.PluginExecutionContext.InputParameters;
            var target = (EntityReference)inputs[ParameterNames.Target]!;
            var columns = inputs.TryGetValue<ColumnSet>(ParameterNames.ColumnSet, out var asked) ? asked : new ColumnSet(true);
            context.PluginExecutionContext.OutputParameters[ParameterNames.BusinessEntity] = CallbackLists.Read(context, table => table.Retrieve(target.Id, columns));
        }
    }
}
