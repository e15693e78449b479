namespace VoiceForD365.Core.Settings
{
    /// <summary>Groups of vfd_voicesetting records (the Group Name column; one view per group in the Configurator).</summary>
    public static class SettingGroups
    {
        public const string PhoneCallSync = "PhoneCallSync";
        public const string CallbackSync = "CallbackSync";
        public const string General = "General";
    }
}
