using VoiceForD365.Core.Schema;

namespace VoiceForD365.Core.Routing
{
    /// <summary>How a routing rule's condition compares its column with its value (the rule's Condition Operator choice).</summary>
    public enum RuleOperator
    {
        EqualTo = RoutingConditionOperator.EqualTo,
        NotEqualTo = RoutingConditionOperator.NotEqualTo,
        Contains = RoutingConditionOperator.Contains,
        HasValue = RoutingConditionOperator.HasValue,
        HasNoValue = RoutingConditionOperator.HasNoValue,
    }
}
