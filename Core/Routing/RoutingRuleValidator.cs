using System;
using System.Collections.Generic;
using System.ServiceModel;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Metadata;
using VoiceForD365.Core.Schema;

namespace VoiceForD365.Core.Routing
{
    /// <summary>
    /// Checks a routing rule before it is saved: everything <see cref="RoutingRuleDefinition.Read"/> checks, and that
    /// its condition column exists on every table the rule can apply to (the parent account's table for
    /// <c>parentaccount.</c>), is of a kind a condition can compare, and that the operator and value suit it. One
    /// RetrieveAttribute per table asked, none for a rule without a condition.
    /// </summary>
    public sealed class RoutingRuleValidator
    {
        private readonly IOrganizationService _service;
        private readonly Action<string> _trace;

        public RoutingRuleValidator(IOrganizationService service, Action<string>? trace = null)
        {
            _service = service ?? throw new ArgumentNullException(nameof(service));
            _trace = trace ?? (_ => { });
        }

        /// <summary>Every problem of the rule (all its columns: an update's target merged over its pre-image), each a sentence an administrator can act on; empty when it is fine.</summary>
        public IReadOnlyList<string> Check(Entity rule)
        {
            var problems = new List<string>();
            var definition = RoutingRuleDefinition.Read(rule, problems);
            if (definition?.Condition is { } condition)
            {
                var tables = condition.OnParentAccount ? new[] { Account.EntityName } : (IEnumerable<string>)definition.CallerTables;
                foreach (var table in tables) CheckColumn(table, condition, problems);
            }
            _trace(problems.Count == 0 ? "Routing rule " + definition + ": valid." : "Routing rule refused: " + string.Join(" ", problems));
            return problems;
        }

        private void CheckColumn(string table, RoutingCondition condition, List<string> problems)
        {
            var owner = condition.OnParentAccount ? "the parent account (account)" : "the " + table + " table";
            AttributeTypeCode? type;
            try
            {
                var response = (RetrieveAttributeResponse)_service.Execute(new RetrieveAttributeRequest { EntityLogicalName = table, LogicalName = condition.Column });
                type = response.AttributeMetadata.AttributeType;
            }
            catch (FaultException<OrganizationServiceFault> fault)
            {
                _trace("RetrieveAttribute " + table + "." + condition.Column + ": " + fault.Detail?.Message);
                problems.Add("Condition Column '" + condition.ColumnText + "' is not a column of " + owner + ": use a column's logical name" +
                    (condition.OnParentAccount ? "." : ", or choose the caller kind whose table has it (a rule for any known caller needs it on contacts, accounts and leads)."));
                return;
            }
            var expected = type == null ? null : RoutingValues.ExpectedValue(type.Value);
            if (expected == null)
            {
                problems.Add("Condition Column '" + condition.ColumnText + "' of " + owner + " is a " + (type?.ToString() ?? "column of unknown type") +
                    " column, which conditions can't compare: use a text, number, yes/no, choice or lookup column.");
                return;
            }
            if (condition.Operator == RuleOperator.Contains && !RoutingValues.IsText(type!.Value))
                problems.Add("'Contains' compares text, but '" + condition.ColumnText + "' of " + owner + " is a " + type + " column: use Equals or Does not equal.");
            else if (condition.Value != null && !RoutingValues.Fits(type!.Value, condition.Value))
                problems.Add("Condition Value '" + condition.Value + "' doesn't suit '" + condition.ColumnText + "' of " + owner + ": it takes " + expected + ".");
        }
    }
}
