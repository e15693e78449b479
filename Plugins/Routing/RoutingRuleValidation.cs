using Microsoft.Xrm.Sdk;
using VoiceForD365.Core.Registration;
using VoiceForD365.Core.Routing;
using VoiceForD365.Core.Schema;

namespace VoiceForD365.Plugins.Routing
{
    /// <summary>
    /// A routing rule is saved only as the routing service can apply it: a caller kind and an order, a condition on a
    /// column that exists (on every table the rule is for) with an operator and value that suit it, called numbers in
    /// international form, an initial target. Otherwise the save fails listing every problem. Pre-operation,
    /// synchronous: nothing is written. An inactive rule is never applied, so it is checked when it is activated.
    /// </summary>
    [PluginStep(MessageNames.Create, RoutingRule.EntityName, PipelineStage.PreOperation, ExecutionMode.Synchronous,
        Description = "Voice for D365: check a new routing rule")]
    [PluginStep(MessageNames.Update, RoutingRule.EntityName, PipelineStage.PreOperation, ExecutionMode.Synchronous,
        FilteringAttributes = RoutingRule.Name + "," + RoutingRule.Order + "," + RoutingRule.CallerKind + "," + RoutingRule.ConditionColumn + "," +
            RoutingRule.ConditionOperator + "," + RoutingRule.ConditionValue + "," + RoutingRule.OpenCasePriority + "," + RoutingRule.CalledNumbers + "," +
            RoutingRule.InitialTarget + "," + RoutingRule.FailTarget + "," + RoutingRule.StateCode,
        PreImageName = PreImage,
        Description = "Voice for D365: check a routing rule when it changes or is activated")]
    public sealed class RoutingRuleValidation : PluginBase
    {
        private const string PreImage = "pre";

        protected override void ExecuteDataversePlugin(LocalPluginContext context)
        {
            var execution = context.PluginExecutionContext;
            var target = (Entity)execution.InputParameters[ParameterNames.Target]!;
            execution.PreEntityImages.TryGetValue(PreImage, out var before);

            // An update carries only what changed: the rest comes from the record as it was.
            var rule = new Entity(RoutingRule.EntityName, target.Id);
            if (before != null)
            {
                foreach (var attribute in before.Attributes) rule[attribute.Key] = attribute.Value;
            }
            foreach (var attribute in target.Attributes) rule[attribute.Key] = attribute.Value;

            var state = rule.GetAttributeValue<OptionSetValue>(RoutingRule.StateCode)?.Value ?? RoutingRule.StateActive;
            if (state != RoutingRule.StateActive)
            {
                context.Trace("Routing rule {0} is inactive: it is checked when it is activated.", target.Id);
                return;
            }
            var problems = new RoutingRuleValidator(context.UserService, context.Trace).Check(rule);
            if (problems.Count > 0)
                throw new InvalidPluginExecutionException("The routing rule can't be saved: " + string.Join(" ", problems));
        }
    }
}
