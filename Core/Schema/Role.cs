namespace VoiceForD365.Core.Schema
{
    public static class Role
    {
        public const string EntityName = "role";
        public const string PrimaryId = "roleid";
        public const string Name = "name";
        public const string BusinessUnitId = "businessunitid";
        public const string VoiceUser = "Voice User";
        public const string VoiceApiUser = "Voice ApiUser";
        public const string VoiceAdminUser = "Voice Admin User";
    }
}
