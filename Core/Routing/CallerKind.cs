using VoiceForD365.Core.Schema;

namespace VoiceForD365.Core.Routing
{
    /// <summary>Which callers a routing rule applies to (the rule's Caller choice, same values).</summary>
    public enum CallerKind
    {
        Contact = RoutingCallerKind.Contact,
        Account = RoutingCallerKind.Account,
        Lead = RoutingCallerKind.Lead,

        /// <summary>One contact, account or lead (or the first of several with MultipleMatchesPickFirst).</summary>
        AnyKnown = RoutingCallerKind.AnyKnown,

        /// <summary>A number no active contact, account or open lead has.</summary>
        Unknown = RoutingCallerKind.Unknown,

        /// <summary>Every caller, also one whose number several records have.</summary>
        AnyCaller = RoutingCallerKind.AnyCaller,
    }
}
