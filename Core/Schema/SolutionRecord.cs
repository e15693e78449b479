namespace VoiceForD365.Core.Schema
{
    /// <summary>
    /// The solution table: one row per solution installed in the organization (not named Solution, which is the
    /// namespace of our solution source).
    /// </summary>
    public static class SolutionRecord
    {
        public const string EntityName = "solution";
        public const string PrimaryId = "solutionid";
        public const string UniqueName = "uniquename";
        public const string FriendlyName = "friendlyname";
        public const string Description = "description";

        /// <summary>major.minor.build.revision, as the solution's solution.xml gives it.</summary>
        public const string Version = "version";
        public const string IsManaged = "ismanaged";
        public const string InstalledOn = "installedon";
    }
}
