namespace VoiceForD365.Core.Schema
{
    public static class Queue
    {
        public const string EntityName = "queue";
        public const string PrimaryId = "queueid";
        public const string Name = "name";
        public const string EmailAddress = "emailaddress";
        public const string OwnerId = "ownerid";
    }
}
