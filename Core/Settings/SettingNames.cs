namespace VoiceForD365.Core.Settings
{
    /// <summary>Names of the vfd_voicesetting records (the Name column, unique by alternate key), from the configuration guide.</summary>
    public static class SettingNames
    {
        // PhoneCallSync (SPEC C5)
        public const string CallStartMargin = "CallStartMargin";
        public const string CallDurationLimit = "CallDurationLimit";
        public const string DefaultCrmAssignee = "DefaultCrmAssignee";
        public const string EnableAudit = "EnableAudit";
        public const string EnableMultipleMatchCreate = "EnableMultipleMatchCreate";
        public const string ExecutionInterval = "ExecutionInterval";
        public const string IncomingDirectCallSubject = "IncomingDirectCallSubject";
        public const string IncomingQueueCallSubject = "IncomingQueueCallSubject";
        public const string OutgoingDirectCallSubject = "OutgoingDirectCallSubject";
        public const string MultipleMatchPhoneCallStatus = "MultipleMatchPhoneCallStatus";
        public const string MultipleMatchesPickFirst = "MultipleMatchesPickFirst";
        public const string NumbersToCut = "NumbersToCut";
        public const string ProcessDirectCalls = "ProcessDirectCalls";
        public const string ProcessServiceCalls = "ProcessServiceCalls";
        public const string ProcessServiceCallsUnanswered = "ProcessServiceCallsUnanswered";
        public const string RunInDebugMode = "RunInDebugMode";

        // CallbackSync (SPEC C3, C6)
        public const string CallbackRequestDefaultSubject = "CallbackRequestDefaultSubject";

        // General (SPEC C2: Enreach user ids)
        public const string EnreachUserIdClearLimit = "EnreachUserIdClearLimit";
    }
}
