namespace VoiceForD365.Core.Schema
{
    // The table and its choices: a choice's values belong with the column that holds them.

    public static class PhoneCall
    {
        public const string EntityName = "phonecall";
        public const string PrimaryId = "activityid";
        public const string Subject = "subject";
        public const string Description = "description";
        public const string PhoneNumber = "phonenumber";
        public const string DirectionCode = "directioncode";
        public const string From = "from";
        public const string To = "to";
        public const string RegardingObjectId = "regardingobjectid";
        public const string ScheduledStart = "scheduledstart";
        public const string ScheduledEnd = "scheduledend";
        public const string ActualStart = "actualstart";
        public const string ActualEnd = "actualend";
        public const string ActualDurationMinutes = "actualdurationminutes";
        public const string OwnerId = "ownerid";
        public const string StateCode = "statecode";
        public const string StatusCode = "statuscode";
        public const string EnreachCallId = "vfd_enreachcallid";

        /// <summary>
        /// The agent's Enreach user id of the call event (an answered or direct call), or the queue id (a queue call no
        /// agent took): with <see cref="EnreachCallId"/> it names one call event as an agent sees it.
        /// </summary>
        public const string EnreachAgentId = "vfd_enreachagentid";
        public const string EnreachApiAudit = "vfd_enreachapiaudit";
        public const string CallType = "vfd_calltype";
        public const string QueueName = "vfd_queuename";
        public const string CallbackProfileId = "vfd_callbackprofileid";
        public const string CallbackRequestId = "vfd_callbackrequestid";
        public const string RecordingUrl = "vfd_recordingurl";

        /// <summary>The alternate key on (<see cref="EnreachCallId"/>, <see cref="EnreachAgentId"/>): one phone call per call event.</summary>
        public const string EnreachCallEventKey = "vfd_phonecall_enreachcallevent";

        /// <summary>The alternate key on <see cref="CallbackRequestId"/>: one phone call per Enreach callback request.</summary>
        public const string CallbackRequestKey = "vfd_phonecall_callbackrequest";

        public const int StateOpen = 0;
        public const int StateCompleted = 1;
        public const int StateCanceled = 2;

        // Status reasons (statuscode) of the standard phone call, with the state each belongs to.
        public const int StatusOpen = 1;
        public const int StatusMade = 2;
        public const int StatusCanceled = 3;
        public const int StatusReceived = 4;
    }

    public static class CallType
    {
        public const int Direct = 100000000;
        public const int Service = 100000001;
        public const int Callback = 100000002;
    }
}
