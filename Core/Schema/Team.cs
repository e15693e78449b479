namespace VoiceForD365.Core.Schema
{
    public static class Team
    {
        public const string EntityName = "team";
        public const string PrimaryId = "teamid";
        public const string Name = "name";
        public const string BusinessUnitId = "businessunitid";
    }
}
