using System;
using System.Globalization;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using VoiceForD365.Core.Schema;

namespace VoiceForD365.Core.Routing
{
    /// <summary>A caller's latest active case: what the IVR tells the caller and the agent's screen pop opens.</summary>
    public sealed class CallerCase
    {
        private CallerCase(Guid id, string? number, string? title, int? severityCode, string? severity, int? priorityCode, string? priority, DateTime? createdOn)
        {
            Id = id;
            Number = number;
            Title = title;
            SeverityCode = severityCode;
            Severity = severity;
            PriorityCode = priorityCode;
            Priority = priority;
            CreatedOn = createdOn;
        }

        public Guid Id { get; }

        /// <summary>The case number (ticketnumber).</summary>
        public string? Number { get; }

        public string? Title { get; }

        /// <summary>severitycode's value (Dataverse ships only 1, Default Value; organizations add their own).</summary>
        public int? SeverityCode { get; }

        /// <summary>severitycode's label, as the organization names it.</summary>
        public string? Severity { get; }

        /// <summary>prioritycode: 1 High, 2 Normal, 3 Low.</summary>
        public int? PriorityCode { get; }

        public string? Priority { get; }

        public DateTime? CreatedOn { get; }

        /// <summary>
        /// The newest active case whose customer is <paramref name="customer"/> (a contact or an account), or null:
        /// one query, <c>customerid</c> and <c>statecode</c> filtered, newest <c>createdon</c> first, one row.
        /// </summary>
        public static CallerCase? LatestActive(IOrganizationService service, EntityReference customer)
        {
            if (service == null) throw new ArgumentNullException(nameof(service));
            if (customer == null) throw new ArgumentNullException(nameof(customer));
            var query = new QueryExpression(Incident.EntityName)
            {
                ColumnSet = new ColumnSet(Incident.PrimaryId, Incident.TicketNumber, Incident.Title, Incident.SeverityCode, Incident.PriorityCode, StandardColumns.CreatedOn),
                TopCount = 1,
            };
            query.Criteria.AddCondition(Incident.CustomerId, ConditionOperator.Equal, customer.Id);
            query.Criteria.AddCondition(Incident.StateCode, ConditionOperator.Equal, Incident.StateActive);
            query.AddOrder(StandardColumns.CreatedOn, OrderType.Descending);
            query.AddOrder(Incident.PrimaryId, OrderType.Descending);
            var row = service.RetrieveMultiple(query).Entities.FirstOrDefault();
            if (row == null) return null;
            var severity = row.GetAttributeValue<OptionSetValue>(Incident.SeverityCode)?.Value;
            var priority = row.GetAttributeValue<OptionSetValue>(Incident.PriorityCode)?.Value;
            return new CallerCase(row.Id, row.GetAttributeValue<string>(Incident.TicketNumber), row.GetAttributeValue<string>(Incident.Title),
                severity, Formatted(row, Incident.SeverityCode) ?? NumberText(severity), priority, Formatted(row, Incident.PriorityCode) ?? PriorityLabel(priority) ?? NumberText(priority),
                row.GetAttributeValue<DateTime?>(StandardColumns.CreatedOn));
        }

        private static string? Formatted(Entity row, string column) =>
            row.FormattedValues.TryGetValue(column, out var label) && !string.IsNullOrEmpty(label) ? label : null;

        private static string? NumberText(int? value) => value?.ToString(CultureInfo.InvariantCulture);

        private static string? PriorityLabel(int? value)
        {
            switch (value)
            {
                case IncidentPriority.High:
                    return "High";
                case IncidentPriority.Normal:
                    return "Normal";
                case IncidentPriority.Low:
                    return "Low";
                default:
                    return null;
            }
        }
    }
}
