using VoiceForD365.Core.Enreach;
using VoiceForD365.Core.Settings;

namespace VoiceForD365.Plugins
{
    /// <summary>The Enreach client of a plug-in execution, with the settings of the solution's Enreach environment variables.</summary>
    internal static class EnreachConnection
    {
        /// <summary>
        /// Reads the environment variables as SYSTEM: connecting to Enreach is the product's work, and the users whose
        /// actions need it (an agent opening a list, an administrator saving a profile) need no privilege on them.
        /// </summary>
        public static IEnreachClient Create(LocalPluginContext context)
        {
            var variables = new EnvironmentVariables(context.SystemService, EnreachEnvironmentVariables.All);
            return new EnreachClient(EnreachSettings.FromEnvironmentVariables(variables.Get), context.Trace);
        }
    }
}
