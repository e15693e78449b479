namespace VoiceForD365.Core.Schema
{
    public static class BusinessUnit
    {
        public const string EntityName = "businessunit";
        public const string PrimaryId = "businessunitid";
        public const string Name = "name";
    }
}
