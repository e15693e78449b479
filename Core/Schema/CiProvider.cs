namespace VoiceForD365.Core.Schema
{
    /// <summary>A Channel Integration Framework 1.0 channel provider (Microsoft's table; the package ships ours as configuration data).</summary>
    public static class CiProvider
    {
        public const string EntityName = "msdyn_ciprovider";
        public const string PrimaryId = "msdyn_ciproviderid";
        public const string Name = "msdyn_name";
        public const string Label = "msdyn_label";

        /// <summary>The Channel URL: the phone widget's address.</summary>
        public const string LandingUrl = "msdyn_landingurl";
        public const string TrustedDomain = "msdyn_trusteddomain";
        public const string ClickToAct = "msdyn_clicktoact";
        public const string SortOrder = "msdyn_sortorder";
        public const string ApiVersion = "msdyn_ciproviderapiversion";
        public const string EnableAnalytics = "msdyn_enableanalytics";
    }
}
