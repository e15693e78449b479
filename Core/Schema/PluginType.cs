namespace VoiceForD365.Core.Schema
{
    /// <summary>A registered plug-in or custom workflow activity class.</summary>
    public static class PluginType
    {
        public const string EntityName = "plugintype";
    }
}
