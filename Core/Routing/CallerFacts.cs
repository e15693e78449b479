using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using VoiceForD365.Core.Numbers;
using VoiceForD365.Core.Schema;

namespace VoiceForD365.Core.Routing
{
    /// <summary>
    /// What the routing rules read of one known caller: the columns they name of the caller and of its parent account,
    /// and the priorities of the caller's active cases. Read with at most two queries, and none when no rule needs them.
    /// </summary>
    public sealed class CallerFacts
    {
        private const string ParentAlias = "parentaccount";

        private readonly Entity? _row;
        private readonly HashSet<int> _openCasePriorities;

        private CallerFacts(Entity? row, IEnumerable<int> openCasePriorities, int requests)
        {
            _row = row;
            _openCasePriorities = new HashSet<int>(openCasePriorities);
            Requests = requests;
        }

        /// <summary>Nothing read (no rule needs it, or the caller isn't one known record).</summary>
        public static CallerFacts None { get; } = new CallerFacts(null, Array.Empty<int>(), 0);

        /// <summary>The Dataverse requests reading them took.</summary>
        public int Requests { get; }

        /// <summary>The prioritycode of each active case whose customer the caller is.</summary>
        public IReadOnlyCollection<int> OpenCasePriorities => _openCasePriorities;

        /// <summary>The value the condition's column holds for the caller (null when empty or not read).</summary>
        public object? ValueOf(RoutingCondition condition)
        {
            if (condition == null) throw new ArgumentNullException(nameof(condition));
            if (_row == null) return null;
            var key = condition.OnParentAccount ? ParentAlias + "." + condition.Column : condition.Column;
            return _row.Attributes.TryGetValue(key, out var value) ? value : null;
        }

        /// <summary>Whether the caller has an active case that meets the condition.</summary>
        public bool HasOpenCase(OpenCaseCondition condition)
        {
            switch (condition)
            {
                case OpenCaseCondition.High:
                    return _openCasePriorities.Contains(IncidentPriority.High);
                case OpenCaseCondition.Normal:
                    return _openCasePriorities.Contains(IncidentPriority.Normal);
                case OpenCaseCondition.Low:
                    return _openCasePriorities.Contains(IncidentPriority.Low);
                default:
                    return _openCasePriorities.Count > 0;
            }
        }

        /// <summary>
        /// Reads what <paramref name="rules"/> need of <paramref name="caller"/>: one query for the caller's columns with
        /// its parent account's (an outer link), one for its active cases' priorities (distinct); each only when needed.
        /// </summary>
        public static CallerFacts Read(IOrganizationService service, EntityReference caller, RoutingRuleSet rules)
        {
            if (service == null) throw new ArgumentNullException(nameof(service));
            if (caller == null) throw new ArgumentNullException(nameof(caller));
            if (rules == null) throw new ArgumentNullException(nameof(rules));
            var table = CustomerTables.Find(caller.LogicalName) ?? throw new ArgumentException("A caller is a contact, an account or a lead, not a " + caller.LogicalName + ".", nameof(caller));

            var requests = 0;
            Entity? row = null;
            var callerColumns = rules.CallerColumns(table.LogicalName);
            var parentColumns = rules.ParentAccountColumns(table.LogicalName);
            if (callerColumns.Count > 0 || parentColumns.Count > 0)
            {
                var query = new QueryExpression(table.LogicalName) { ColumnSet = new ColumnSet(callerColumns.ToArray()), TopCount = 1 };
                query.Criteria.AddCondition(table.PrimaryIdColumn, ConditionOperator.Equal, caller.Id);
                if (parentColumns.Count > 0)
                {
                    var parent = query.AddLink(Account.EntityName, ParentAccountLookup(table.LogicalName), Account.PrimaryId, JoinOperator.LeftOuter);
                    parent.EntityAlias = ParentAlias;
                    parent.Columns = new ColumnSet(parentColumns.ToArray());
                }
                row = service.RetrieveMultiple(query).Entities.FirstOrDefault();
                requests++;
            }

            var priorities = new List<int>();
            if (rules.ReadsOpenCases(table.LogicalName))
            {
                var cases = new QueryExpression(Incident.EntityName) { ColumnSet = new ColumnSet(Incident.PriorityCode), Distinct = true };
                cases.Criteria.AddCondition(Incident.CustomerId, ConditionOperator.Equal, caller.Id);
                cases.Criteria.AddCondition(Incident.StateCode, ConditionOperator.Equal, Incident.StateActive);
                foreach (var record in service.RetrieveMultiple(cases).Entities)
                {
                    var priority = record.GetAttributeValue<OptionSetValue>(Incident.PriorityCode);
                    if (priority != null) priorities.Add(priority.Value);
                    else priorities.Add(0); // an active case without a priority still counts for "any priority"
                }
                requests++;
            }
            return new CallerFacts(row, priorities, requests);
        }

        /// <summary>The lookup from a caller to its parent account: a contact's company (when it is an account), an account's or a lead's parent account.</summary>
        public static string ParentAccountLookup(string callerTable) =>
            callerTable == Contact.EntityName ? Contact.ParentCustomerId : callerTable == Account.EntityName ? Account.ParentAccountId : Lead.ParentAccountId;
    }
}
