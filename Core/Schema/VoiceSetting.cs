namespace VoiceForD365.Core.Schema
{
    public static class VoiceSetting
    {
        public const string EntityName = "vfd_voicesetting";
        public const string PrimaryId = "vfd_voicesettingid";
        public const string Name = "vfd_name";
        public const string GroupName = "vfd_groupname";
        public const string Value = "vfd_value";
        public const string LongValue = "vfd_longvalue";
        public const string NameLabel = "Name";
        public const string ValueLabel = "Value";
        public const string LongValueLabel = "Long Value";
        public const string Description = "vfd_description";
        public const string NameKey = "vfd_voicesetting_name";
        public const string StateCode = "statecode";
        public const int StateActive = 0;
    }
}
