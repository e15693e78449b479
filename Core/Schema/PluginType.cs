namespace VoiceForD365.Core.Schema
{
    /// <summary>A registered plug-in or custom workflow activity class.</summary>
    public static class PluginType
    {
        public const string EntityName = "plugintype";
        public const string PrimaryId = "plugintypeid";

        /// <summary>The class's full name.</summary>
        public const string TypeName = "typename";
        public const string Name = "name";
        public const string FriendlyName = "friendlyname";
        public const string AssemblyName = "assemblyname";
        public const string IsWorkflowActivity = "isworkflowactivity";
        public const string WorkflowActivityGroupName = "workflowactivitygroupname";
    }
}
