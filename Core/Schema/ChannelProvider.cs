namespace VoiceForD365.Core.Schema
{
    /// <summary>A Channel Integration Framework 2.0 channel provider (Microsoft's table; the package ships ours as configuration data).</summary>
    public static class ChannelProvider
    {
        public const string EntityName = "msdyn_channelprovider";
        public const string PrimaryId = "msdyn_channelproviderid";
        public const string Name = "msdyn_name";
        public const string UniqueName = "msdyn_uniquename";
        public const string Label = "msdyn_label";

        /// <summary>The phone widget's address.</summary>
        public const string ChannelUrl = "msdyn_channelurl";
        public const string TrustedDomain = "msdyn_trusteddomain";
        public const string EnableOutbound = "msdyn_enableoutbound";
        public const string SortOrder = "msdyn_sortorder";
        public const string ApiVersion = "msdyn_apiversion";
        public const string EnableAnalytics = "msdyn_enableanalytics";
    }
}
