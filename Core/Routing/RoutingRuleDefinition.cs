using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.Xrm.Sdk;
using VoiceForD365.Core.Numbers;
using VoiceForD365.Core.Schema;

namespace VoiceForD365.Core.Routing
{
    /// <summary>
    /// One routing rule as the routing service applies it, read from a vfd_routingrule record. <see cref="Read"/> is
    /// the one reading of a record: the validation plug-in refuses a save that it finds a problem with, and the
    /// routing service skips (and logs) a rule that has one, so a rule imported past the plug-in never routes a call
    /// by a half-understood condition.
    /// </summary>
    public sealed class RoutingRuleDefinition
    {
        /// <summary>The target that ends the call (Enreach's syntax).</summary>
        public const string Disconnect = "DISCONNECT:";

        private static readonly char[] NumberSeparators = { ',', ';', '\n', '\r' };

        private RoutingRuleDefinition(Guid id, string name, int order, CallerKind callerKind, RoutingCondition? condition, OpenCaseCondition? openCase,
            IReadOnlyList<PhoneNumber> calledNumbers, string initialTarget, string? failTarget)
        {
            Id = id;
            Name = name;
            Order = order;
            CallerKind = callerKind;
            Condition = condition;
            OpenCase = openCase;
            CalledNumbers = calledNumbers;
            InitialTarget = initialTarget;
            FailTarget = failTarget;
        }

        public Guid Id { get; }

        public string Name { get; }

        public int Order { get; }

        public CallerKind CallerKind { get; }

        public RoutingCondition? Condition { get; }

        public OpenCaseCondition? OpenCase { get; }

        /// <summary>The called numbers (bnum) the rule is for; empty: every number.</summary>
        public IReadOnlyList<PhoneNumber> CalledNumbers { get; }

        public string InitialTarget { get; }

        public string? FailTarget { get; }

        /// <summary>Whether the rule reads the caller's record, its parent account or its cases (and so needs one known caller).</summary>
        public bool NeedsCallerData => Condition != null || OpenCase != null;

        /// <summary>The tables of callers the rule can apply to (contact, account, lead); none for unknown callers and any caller.</summary>
        public IEnumerable<string> CallerTables
        {
            get
            {
                switch (CallerKind)
                {
                    case CallerKind.Contact:
                        return new[] { Contact.EntityName };
                    case CallerKind.Account:
                        return new[] { Account.EntityName };
                    case CallerKind.Lead:
                        return new[] { Lead.EntityName };
                    case CallerKind.AnyKnown:
                        return new[] { Contact.EntityName, Account.EntityName, Lead.EntityName };
                    default:
                        return Array.Empty<string>();
                }
            }
        }

        /// <summary>Whether the rule is for this called number (a rule without called numbers is for every number).</summary>
        public bool IsForCalledNumber(PhoneNumber? calledNumber) =>
            CalledNumbers.Count == 0 || (calledNumber != null && CalledNumbers.Any(n => n.Equals(calledNumber)));

        /// <summary>
        /// The rule read from a record (all its columns: an update's target merged over its pre-image), or null with
        /// the reasons added to <paramref name="problems"/>, each a sentence an administrator can act on.
        /// </summary>
        public static RoutingRuleDefinition? Read(Entity rule, ICollection<string> problems)
        {
            if (rule == null) throw new ArgumentNullException(nameof(rule));
            if (problems == null) throw new ArgumentNullException(nameof(problems));
            var before = problems.Count;
            var name = Trimmed(rule.GetAttributeValue<string>(RoutingRule.Name)) ?? "(no name)";

            var order = rule.GetAttributeValue<int?>(RoutingRule.Order);
            if (order == null) problems.Add("Give the rule an Order: rules are evaluated by it, lowest first.");

            var kindValue = rule.GetAttributeValue<OptionSetValue>(RoutingRule.CallerKind)?.Value;
            CallerKind? kind = kindValue != null && Enum.IsDefined(typeof(CallerKind), kindValue.Value) ? (CallerKind)kindValue.Value : (CallerKind?)null;
            if (kind == null) problems.Add("Choose whom the rule is for (Caller): a contact, an account, a lead, any known caller, an unknown caller or any caller.");

            var condition = ReadCondition(rule, kind, problems);
            var openCase = ReadOpenCase(rule, kind, problems);
            var calledNumbers = ReadCalledNumbers(rule.GetAttributeValue<string>(RoutingRule.CalledNumbers), problems);

            var initialTarget = Target(rule.GetAttributeValue<string>(RoutingRule.InitialTarget));
            var failTarget = Target(rule.GetAttributeValue<string>(RoutingRule.FailTarget));
            if (initialTarget == null)
                problems.Add("Give the rule an Initial Target: the number of the queue or agent Enreach sends the call to, or " + Disconnect + " to end the call.");
            else if (initialTarget.StartsWith(Disconnect, StringComparison.Ordinal) && failTarget != null)
                problems.Add("A rule that disconnects the call has no Fail Target (a disconnected call never overflows): clear the Fail Target.");

            if (problems.Count > before) return null;
            return new RoutingRuleDefinition(rule.Id, name, order!.Value, kind!.Value, condition, openCase, calledNumbers, initialTarget!, failTarget);
        }

        /// <summary>A target as Enreach takes it: trimmed, DISCONNECT: in capitals; null when empty.</summary>
        public static string? Target(string? text)
        {
            var target = Trimmed(text);
            if (target == null) return null;
            return target.StartsWith(Disconnect, StringComparison.OrdinalIgnoreCase) ? Disconnect + target.Substring(Disconnect.Length).Trim() : target;
        }

        public override string ToString()
        {
            var text = "'" + Name + "' (order " + Order.ToString(CultureInfo.InvariantCulture) + ", " + CallerKind;
            if (Condition != null) text += ", " + Condition;
            if (OpenCase != null) text += ", open case of " + (OpenCase == OpenCaseCondition.AnyPriority ? "any" : OpenCase.ToString()) + " priority";
            if (CalledNumbers.Count > 0) text += ", called " + string.Join(" or ", CalledNumbers.Select(n => n.ToString()));
            return text + ")";
        }

        private static RoutingCondition? ReadCondition(Entity rule, CallerKind? kind, ICollection<string> problems)
        {
            var column = Trimmed(rule.GetAttributeValue<string>(RoutingRule.ConditionColumn))?.ToLowerInvariant();
            var operatorValue = rule.GetAttributeValue<OptionSetValue>(RoutingRule.ConditionOperator)?.Value;
            var value = Trimmed(rule.GetAttributeValue<string>(RoutingRule.ConditionValue));
            if (column == null)
            {
                if (operatorValue != null || value != null)
                    problems.Add("The condition has an operator or a value but no Condition Column: name the column, or clear the operator and the value.");
                return null;
            }
            if (kind == CallerKind.Unknown || kind == CallerKind.AnyCaller)
            {
                problems.Add("A rule for " + (kind == CallerKind.Unknown ? "unknown callers" : "any caller") +
                    " can't have a condition on a column (an unknown caller has no record): clear the condition, or choose a known caller.");
                return null;
            }

            var onParent = column.StartsWith(RoutingRule.ParentAccountPrefix, StringComparison.Ordinal);
            var name = onParent ? column.Substring(RoutingRule.ParentAccountPrefix.Length) : column;
            var wellFormed = IsLogicalName(name);
            if (!wellFormed)
                problems.Add("Condition Column '" + column + "' is not a column's logical name: write it as Dataverse names it (accountcategorycode), or parentaccount.<column> for the caller's parent account.");

            if (operatorValue == null || !Enum.IsDefined(typeof(RuleOperator), operatorValue.Value))
            {
                problems.Add("Choose the Condition Operator for column '" + column + "'.");
                return null;
            }
            var @operator = (RuleOperator)operatorValue.Value;
            var needsValue = @operator == RuleOperator.EqualTo || @operator == RuleOperator.NotEqualTo || @operator == RuleOperator.Contains;
            if (needsValue && value == null)
                problems.Add("Give the Condition Value that column '" + column + "' is compared with.");
            if (!needsValue && value != null)
                problems.Add("'" + (@operator == RuleOperator.HasValue ? "Contains data" : "Does not contain data") + "' takes no Condition Value: clear it.");
            return wellFormed ? new RoutingCondition(name, onParent, @operator, needsValue ? value : null) : null;
        }

        private static OpenCaseCondition? ReadOpenCase(Entity rule, CallerKind? kind, ICollection<string> problems)
        {
            var value = rule.GetAttributeValue<OptionSetValue>(RoutingRule.OpenCasePriority)?.Value;
            if (value == null) return null;
            if (!Enum.IsDefined(typeof(OpenCaseCondition), value.Value))
            {
                problems.Add("Open Case Priority " + value.Value.ToString(CultureInfo.InvariantCulture) + " is not one of its choices.");
                return null;
            }
            if (kind == CallerKind.Lead || kind == CallerKind.Unknown || kind == CallerKind.AnyCaller)
            {
                problems.Add("Only contacts and accounts are the customers of cases: a rule for " +
                    (kind == CallerKind.Lead ? "leads" : kind == CallerKind.Unknown ? "unknown callers" : "any caller") + " can't have an Open Case Priority.");
                return null;
            }
            return (OpenCaseCondition)value.Value;
        }

        private static IReadOnlyList<PhoneNumber> ReadCalledNumbers(string? text, ICollection<string> problems)
        {
            var numbers = new List<PhoneNumber>();
            if (text == null) return numbers;
            foreach (var part in text.Split(NumberSeparators, StringSplitOptions.RemoveEmptyEntries))
            {
                var entry = part.Trim();
                if (entry.Length == 0) continue;
                var number = PhoneNumber.Parse(entry);
                if (number == null || !number.IsInternational)
                {
                    problems.Add("Called number '" + entry + "' is not a number in international form: write it as Enreach sends it (+35840…), numbers separated by commas.");
                    continue;
                }
                if (!numbers.Contains(number)) numbers.Add(number);
            }
            return numbers;
        }

        private static bool IsLogicalName(string name)
        {
            if (name.Length == 0 || name.Length > 50) return false;
            if (!(name[0] == '_' || (name[0] >= 'a' && name[0] <= 'z'))) return false;
            return name.All(c => c == '_' || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'));
        }

        private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text!.Trim();
    }
}
