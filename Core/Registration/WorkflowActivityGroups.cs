namespace VoiceForD365.Core.Registration
{
    /// <summary>Activity group names: the submenu of the process designer's Add Step menu that lists our activities.</summary>
    public static class WorkflowActivityGroups
    {
        public const string VoiceForD365 = "Voice for D365";
    }
}
