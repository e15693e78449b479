namespace VoiceForD365.Core.Schema
{
    public static class Incident
    {
        public const string EntityName = "incident";
        public const string PrimaryId = "incidentid";
        public const string Title = "title";
        public const string TicketNumber = "ticketnumber";
        public const string CustomerId = "customerid";
        public const string SeverityCode = "severitycode";
        public const string PriorityCode = "prioritycode";
        public const string Description = "description";
        public const string CaseOriginCode = "caseorigincode";
        public const string CaseTypeCode = "casetypecode";
        public const string StateCode = "statecode";
        public const string StatusCode = "statuscode";
        public const int StateActive = 0;
    }

    /// <summary>The case's prioritycode options (Dataverse's own).</summary>
    public static class IncidentPriority
    {
        public const int High = 1;
        public const int Normal = 2;
        public const int Low = 3;
    }
}
