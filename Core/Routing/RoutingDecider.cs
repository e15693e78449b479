using System;
using System.Linq;
using VoiceForD365.Core.Numbers;

namespace VoiceForD365.Core.Routing
{
    /// <summary>
    /// Applies routing rules to one call: the rules in order, the first that applies wins. A rule applies when it is for
    /// the called number (bnum) and for the caller: its caller kind, its condition on a column of the caller or the
    /// parent account, its open-case condition. A caller whose number several records have (without
    /// MultipleMatchesPickFirst) is no record, so only rules for any caller apply to them. A target that is the called
    /// number is never returned: Enreach would send the call back to the same place, again and again.
    /// </summary>
    public static class RoutingDecider
    {
        /// <summary>Whether the first rules for this called number need to know who calls (else no Dataverse request is needed).</summary>
        public static bool NeedsCaller(RoutingRuleSet rules, string calledNumber)
        {
            if (rules == null) throw new ArgumentNullException(nameof(rules));
            var bnum = PhoneNumber.Parse(calledNumber);
            var first = rules.Rules.FirstOrDefault(r => r.IsForCalledNumber(bnum));
            return first != null && first.CallerKind != CallerKind.AnyCaller;
        }

        public static RoutingDecision Decide(RoutingRuleSet rules, string calledNumber, CallerIdentity? caller, CallerFacts facts)
        {
            if (rules == null) throw new ArgumentNullException(nameof(rules));
            if (facts == null) throw new ArgumentNullException(nameof(facts));
            var bnum = PhoneNumber.Parse(calledNumber);
            var who = caller?.ToString() ?? "caller not looked up";
            foreach (var rule in rules.Rules)
            {
                if (!rule.IsForCalledNumber(bnum) || !AppliesTo(rule, caller, facts)) continue;

                if (IsCalledNumber(rule.InitialTarget, bnum))
                    return new RoutingDecision(RoutingOutcome.LoopPrevented, rule, null, null,
                        "rule " + rule + " applies to " + who + ", but its initial target " + rule.InitialTarget + " is the number called: the call stays where it is");
                var reason = "rule " + rule + " applies to " + who;
                var failTarget = rule.FailTarget;
                if (failTarget != null && IsCalledNumber(failTarget, bnum))
                {
                    reason += "; its fail target " + failTarget + " is the number called and is left out";
                    failTarget = null;
                }
                return new RoutingDecision(RoutingOutcome.Routed, rule, rule.InitialTarget, failTarget, reason);
            }
            var none = rules.Rules.Count == 0 ? "no active routing rules" : "no rule applies to " + who + " calling " + calledNumber;
            if (caller?.Status == CallerStatus.Several) none += " (several records have the number and MultipleMatchesPickFirst is off: only rules for any caller apply)";
            return new RoutingDecision(RoutingOutcome.NoRuleApplies, null, null, null, none);
        }

        private static bool AppliesTo(RoutingRuleDefinition rule, CallerIdentity? caller, CallerFacts facts)
        {
            if (rule.CallerKind == CallerKind.AnyCaller) return true;
            if (caller == null) return false;
            if (rule.CallerKind == CallerKind.Unknown) return caller.Status == CallerStatus.Unknown;
            if (caller.Status != CallerStatus.Known) return false;
            if (!rule.CallerTables.Contains(caller.Record!.LogicalName)) return false;
            if (rule.Condition != null && !rule.Condition.IsMetBy(facts.ValueOf(rule.Condition))) return false;
            return rule.OpenCase == null || facts.HasOpenCase(rule.OpenCase.Value);
        }

        /// <summary>
        /// Whether a target is a phone number that is the called one: the same digits, or a national spelling of it
        /// (040 675 644 for +358 40 675 644). Queue ids and DISCONNECT: never are.
        /// </summary>
        private static bool IsCalledNumber(string target, PhoneNumber? bnum)
        {
            if (bnum == null || target.StartsWith(RoutingRuleDefinition.Disconnect, StringComparison.Ordinal)) return false;
            if (target.Any(c => !(char.IsDigit(c) || c == '+' || c == ' ' || c == '-' || c == '(' || c == ')' || c == '.' || c == '/'))) return false;
            var number = PhoneNumber.Parse(target);
            if (number == null) return false;
            if (number.Digits == bnum.Digits) return true;
            if (number.IsInternational == bnum.IsInternational) return false;
            var international = number.IsInternational ? number.Digits : bnum.Digits;
            var national = (number.IsInternational ? bnum.Digits : number.Digits).TrimStart('0');
            return national.Length >= PhoneNumber.KeyLength && international.EndsWith(national, StringComparison.Ordinal);
        }
    }
}
