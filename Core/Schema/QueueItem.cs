namespace VoiceForD365.Core.Schema
{
    public static class QueueItem
    {
        public const string EntityName = "queueitem";
        public const string PrimaryId = "queueitemid";
        public const string Title = "title";
        public const string QueueId = "queueid";
        public const string ObjectId = "objectid";
        public const string WorkerId = "workerid";
    }
}
