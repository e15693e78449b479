namespace VoiceForD365.Core.Schema
{
    // The table and its choices: a choice's values belong with the column that holds them.

    public static class CallbackProfile
    {
        public const string EntityName = "vfd_callbackprofile";
        public const string PrimaryId = "vfd_callbackprofileid";
        public const string Name = "vfd_name";
        public const string CallbackListId = "vfd_callbacklistid";
        public const string CallbackListName = "vfd_callbacklistname";
        public const string QueueId = "vfd_queueid";
        public const string AgeTimeUnit = "vfd_agetimeunit";
        public const string CallbackAge = "vfd_callbackage";
        public const string OwnershipRule = "vfd_ownershiprule";
        public const string PhoneCallSubject = "vfd_phonecallsubject";
        public const string StateCode = "statecode";
        public const string StatusCode = "statuscode";
        public const int StateActive = 0;
    }

    public static class AgeTimeUnit
    {
        public const int Days = 100000000;
        public const int Hours = 100000001;
        public const int Minutes = 100000002;
    }

    public static class OwnershipRule
    {
        public const int ApiUser = 100000000;
        public const int OwnerOfQueue = 100000001;
    }
}
