namespace VoiceForD365.Core.Schema
{
    // The table and its choices: a choice's values belong with the column that holds them.

    public static class CallbackProfile
    {
        public const string EntityName = "vfd_callbackprofile";
        public const string PrimaryId = "vfd_callbackprofileid";
        public const string Name = "vfd_name";

        /// <summary>The Callback List lookup to the virtual table (<see cref="Schema.CallbackList"/>): how an administrator picks a list.</summary>
        /// <remarks>
        /// Not "vfd_callbacklist": Dataverse gives every lookup a name column, the lookup's name + "name", and
        /// "vfd_callbacklistname" is the text column below, which profiles have had from the first version on.
        /// </remarks>
        public const string CallbackList = "vfd_callbacklistlookupid";

        /// <summary>The list's Enreach id as text: what profiles of the first version hold, kept in step with <see cref="CallbackList"/>.</summary>
        public const string CallbackListId = "vfd_callbacklistid";

        /// <summary>The list's name as text, kept in step with <see cref="CallbackList"/>.</summary>
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
