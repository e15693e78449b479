namespace VoiceForD365.Core.Schema
{
    /// <summary>A process (workflow): the OwningExtension of the activities a process runs.</summary>
    public static class Workflow
    {
        public const string EntityName = "workflow";
    }
}
