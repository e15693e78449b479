namespace VoiceForD365.Core.Routing
{
    /// <summary>What routing decided for one call.</summary>
    public enum RoutingOutcome
    {
        /// <summary>A rule applies: Enreach gets its targets (200).</summary>
        Routed,

        /// <summary>No rule applies: the call stays where it is (204).</summary>
        NoRuleApplies,

        /// <summary>The rule that applies sends the call to the number it was called on, which would loop it (204).</summary>
        LoopPrevented,
    }

    /// <summary>The decision for one call: the outcome, the rule that decided it and what Enreach is told, with the reason in words.</summary>
    public sealed class RoutingDecision
    {
        internal RoutingDecision(RoutingOutcome outcome, RoutingRuleDefinition? rule, string? initialTarget, string? failTarget, string reason)
        {
            Outcome = outcome;
            Rule = rule;
            InitialTarget = initialTarget;
            FailTarget = failTarget;
            Reason = reason;
        }

        public RoutingOutcome Outcome { get; }

        /// <summary>The first rule that applied (also for a prevented loop); null when none did.</summary>
        public RoutingRuleDefinition? Rule { get; }

        /// <summary>Where Enreach sends the call; set only when <see cref="Outcome"/> is Routed.</summary>
        public string? InitialTarget { get; }

        /// <summary>Where the call goes if it would overflow from the initial target; null when the rule has none (or it was the called number).</summary>
        public string? FailTarget { get; }

        /// <summary>Why, for the log: which rule, which caller, what was left out.</summary>
        public string Reason { get; }

        public override string ToString() => Outcome + ": " + Reason;
    }
}
