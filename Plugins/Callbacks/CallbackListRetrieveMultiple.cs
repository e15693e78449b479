using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using VoiceForD365.Core.Registration;
using VoiceForD365.Core.Schema;

namespace VoiceForD365.Plugins.Callbacks
{
    /// <summary>
    /// The Callback List data provider's RetrieveMultiple: Enreach's callback lists with the query's conditions (the
    /// lookup's search by name among them), orders and paging applied. Dataverse hands a data provider every query as a
    /// QueryExpression, FetchXML included.
    /// </summary>
    [PluginStep(MessageNames.RetrieveMultiple, CallbackList.EntityName, PipelineStage.MainOperation, ExecutionMode.Synchronous,
        Description = "Voice for D365: Enreach's callback lists (data provider of the Callback List virtual table)")]
    public sealed class CallbackListRetrieveMultiple : PluginBase
    {
        protected override void ExecuteDataversePlugin(LocalPluginContext context)
        {
            var execution = context.PluginExecutionContext;
            if (!execution.InputParameters.TryGetValue<QueryExpression>(ParameterNames.Query, out var query))
                throw new InvalidPluginExecutionException("The Callback List data provider was given no QueryExpression to answer; Dataverse passes a data provider every query as one.");
            execution.OutputParameters[ParameterNames.BusinessEntityCollection] = CallbackLists.Read(context, table => table.RetrieveMultiple(query));
        }
    }
}
