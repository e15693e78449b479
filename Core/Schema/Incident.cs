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
    }
}
