using VoiceForD365.Core.Schema;

namespace VoiceForD365.Core.Routing
{
    /// <summary>A routing rule's condition on one column of the caller or of the caller's parent account.</summary>
    public sealed class RoutingCondition
    {
        internal RoutingCondition(string column, bool onParentAccount, RuleOperator @operator, string? value)
        {
            Column = column;
            OnParentAccount = onParentAccount;
            Operator = @operator;
            Value = value;
        }

        /// <summary>The column's logical name (without the parent account prefix).</summary>
        public string Column { get; }

        /// <summary>The column is the parent account's (<c>parentaccount.</c>), not the caller's.</summary>
        public bool OnParentAccount { get; }

        public RuleOperator Operator { get; }

        /// <summary>The value compared with (null for has-value and has-no-value).</summary>
        public string? Value { get; }

        /// <summary>
        /// Whether the column's value (as Dataverse returned it; null when empty) meets the condition. As in Advanced Find,
        /// an empty column neither equals nor differs from a value.
        /// </summary>
        public bool IsMetBy(object? value)
        {
            var empty = RoutingValues.IsEmpty(value);
            switch (Operator)
            {
                case RuleOperator.HasValue:
                    return !empty;
                case RuleOperator.HasNoValue:
                    return empty;
                case RuleOperator.Contains:
                    var text = RoutingValues.AsText(value);
                    return text != null && text.IndexOf(Value!.Trim(), System.StringComparison.OrdinalIgnoreCase) >= 0;
                case RuleOperator.EqualTo:
                    return !empty && RoutingValues.AreEqual(value!, Value!);
                case RuleOperator.NotEqualTo:
                    return !empty && !RoutingValues.AreEqual(value!, Value!);
                default:
                    return false;
            }
        }

        /// <summary>The column as the rule names it: <c>accountcategorycode</c> or <c>parentaccount.accountcategorycode</c>.</summary>
        public string ColumnText => (OnParentAccount ? RoutingRule.ParentAccountPrefix : "") + Column;

        public override string ToString()
        {
            switch (Operator)
            {
                case RuleOperator.HasValue:
                    return ColumnText + " contains data";
                case RuleOperator.HasNoValue:
                    return ColumnText + " does not contain data";
                case RuleOperator.Contains:
                    return ColumnText + " contains '" + Value + "'";
                case RuleOperator.NotEqualTo:
                    return ColumnText + " does not equal '" + Value + "'";
                default:
                    return ColumnText + " equals '" + Value + "'";
            }
        }
    }
}
