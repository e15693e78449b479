using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using VoiceForD365.Core.Enreach;
using VoiceForD365.Core.Settings;
using VoiceForD365.Core.Users;

namespace VoiceForD365.Plugins.Users
{
    /// <summary>What the Enreach user id plug-ins share: the updater wired to the step's context and the Enreach settings.</summary>
    internal static class EnreachUserIds
    {
        /// <summary>
        /// Runs the updater as SYSTEM (reading roles and writing users is the product's work, not the caller's) and
        /// turns an Enreach failure into an error the administrator can act on; nothing is written then.
        /// </summary>
        public static EnreachUserIdSummary Update(LocalPluginContext context, IReadOnlyCollection<Guid>? among)
        {
            var service = context.SystemService;
            var updater = new EnreachUserIdUpdater(service, () => CreateClient(service, context), context.Trace);
            try
            {
                return updater.UpdateVoiceUsers(among);
            }
            catch (EnreachException e)
            {
                context.Trace("Enreach failed ({0}): {1}", e.Kind, e.Message);
                throw new InvalidPluginExecutionException("Enreach user ids were not updated: " + e.Message, e);
            }
        }

        private static IEnreachClient CreateClient(IOrganizationService service, LocalPluginContext context)
        {
            var variables = new EnvironmentVariables(service, EnreachEnvironmentVariables.All);
            return new EnreachClient(EnreachSettings.FromEnvironmentVariables(variables.Get), context.Trace);
        }
    }
}
