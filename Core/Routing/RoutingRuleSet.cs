using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using VoiceForD365.Core.Data;
using VoiceForD365.Core.Schema;

namespace VoiceForD365.Core.Routing
{
    /// <summary>
    /// The active routing rules in the order they are evaluated (order, then name, then id), with the rules that could
    /// not be read and why, and what the rules need to know of a caller: the columns they name per table, whether any
    /// reads open cases. Immutable: the routing service swaps in a new set when it refreshes.
    /// </summary>
    public sealed class RoutingRuleSet
    {
        /// <summary>The columns a rule set reads with each rule.</summary>
        public static readonly string[] Columns =
        {
            RoutingRule.PrimaryId, RoutingRule.Name, RoutingRule.Order, RoutingRule.CallerKind, RoutingRule.ConditionColumn, RoutingRule.ConditionOperator,
            RoutingRule.ConditionValue, RoutingRule.OpenCasePriority, RoutingRule.CalledNumbers, RoutingRule.InitialTarget, RoutingRule.FailTarget,
        };

        private readonly Dictionary<string, string[]> _callerColumns;
        private readonly Dictionary<string, string[]> _parentColumns;
        private readonly HashSet<string> _openCaseTables;

        public RoutingRuleSet(IEnumerable<RoutingRuleDefinition> rules, IEnumerable<string>? skipped = null)
        {
            if (rules == null) throw new ArgumentNullException(nameof(rules));
            Rules = rules.OrderBy(r => r.Order).ThenBy(r => r.Name, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.Id.ToString("D"), StringComparer.Ordinal).ToList();
            Skipped = (skipped ?? Enumerable.Empty<string>()).ToList();

            _callerColumns = new Dictionary<string, string[]>(StringComparer.Ordinal);
            _parentColumns = new Dictionary<string, string[]>(StringComparer.Ordinal);
            _openCaseTables = new HashSet<string>(StringComparer.Ordinal);
            foreach (var table in new[] { Contact.EntityName, Account.EntityName, Lead.EntityName })
            {
                var forTable = Rules.Where(r => r.CallerTables.Contains(table)).ToList();
                _callerColumns[table] = forTable.Where(r => r.Condition != null && !r.Condition.OnParentAccount)
                    .Select(r => r.Condition!.Column).Distinct(StringComparer.Ordinal).OrderBy(c => c, StringComparer.Ordinal).ToArray();
                _parentColumns[table] = forTable.Where(r => r.Condition != null && r.Condition.OnParentAccount)
                    .Select(r => r.Condition!.Column).Distinct(StringComparer.Ordinal).OrderBy(c => c, StringComparer.Ordinal).ToArray();
                if (forTable.Any(r => r.OpenCase != null) && table != Lead.EntityName) _openCaseTables.Add(table);
            }
            Fingerprint = string.Join(";", _callerColumns.Select(p => p.Key + ":" + string.Join(",", p.Value) + "|" + string.Join(",", _parentColumns[p.Key])))
                + ";cases:" + string.Join(",", _openCaseTables.OrderBy(t => t, StringComparer.Ordinal));
        }

        /// <summary>No rules: every call gets no routing.</summary>
        public static RoutingRuleSet Empty { get; } = new RoutingRuleSet(Array.Empty<RoutingRuleDefinition>());

        /// <summary>The usable active rules, in evaluation order.</summary>
        public IReadOnlyList<RoutingRuleDefinition> Rules { get; }

        /// <summary>Active rules that could not be read, each as "'name': problem" (the routing service logs them and skips them).</summary>
        public IReadOnlyList<string> Skipped { get; }

        /// <summary>What the rules read of callers, as text: two sets with the same fingerprint need the same caller data.</summary>
        public string Fingerprint { get; }

        /// <summary>The caller's own columns the rules name, for a caller of that table.</summary>
        public IReadOnlyList<string> CallerColumns(string table) => _callerColumns.TryGetValue(table, out var columns) ? columns : Array.Empty<string>();

        /// <summary>The parent account's columns the rules name, for a caller of that table.</summary>
        public IReadOnlyList<string> ParentAccountColumns(string table) => _parentColumns.TryGetValue(table, out var columns) ? columns : Array.Empty<string>();

        /// <summary>Whether a rule for callers of that table has an open-case condition.</summary>
        public bool ReadsOpenCases(string table) => _openCaseTables.Contains(table);

        /// <summary>The active rules of the organization: one query (more only past 5,000 rules).</summary>
        public static RoutingRuleSet Load(IOrganizationService service)
        {
            if (service == null) throw new ArgumentNullException(nameof(service));
            var query = new QueryExpression(RoutingRule.EntityName) { ColumnSet = new ColumnSet(Columns) };
            query.Criteria.AddCondition(RoutingRule.StateCode, ConditionOperator.Equal, RoutingRule.StateActive);
            query.AddOrder(RoutingRule.Order, OrderType.Ascending);
            query.AddOrder(RoutingRule.Name, OrderType.Ascending);
            query.AddOrder(RoutingRule.PrimaryId, OrderType.Ascending);
            var rules = new List<RoutingRuleDefinition>();
            var skipped = new List<string>();
            foreach (var record in service.RetrieveAll(query))
            {
                var problems = new List<string>();
                var rule = RoutingRuleDefinition.Read(record, problems);
                if (rule != null) rules.Add(rule);
                else skipped.Add("'" + (record.GetAttributeValue<string>(RoutingRule.Name) ?? record.Id.ToString("D")) + "': " + string.Join(" ", problems));
            }
            return new RoutingRuleSet(rules, skipped);
        }
    }
}
