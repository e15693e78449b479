using System;
using System.Collections.Generic;
using System.Diagnostics;
using Microsoft.Xrm.Sdk;
using VoiceForD365.Core.Enreach;
using VoiceForD365.Core.Users;

namespace VoiceForD365.Plugins.Users
{
    /// <summary>What the Enreach user id plug-ins share: the updater wired to the step's context and the Enreach settings.</summary>
    internal static class EnreachUserIds
    {
        private static readonly TimeSpan WriteTimeLimit = TimeSpan.FromSeconds(100);

        /// <summary>
        /// Runs the updater as SYSTEM (reading roles and writing users is the product's work, not the caller's) and
        /// turns an Enreach failure into an error the administrator can act on; nothing is written then.
        /// </summary>
        public static EnreachUserIdSummary Update(LocalPluginContext context, IReadOnlyCollection<Guid>? among)
        {
            var service = context.SystemService;
            var updater = new EnreachUserIdUpdater(service, () => EnreachConnection.Create(context), context.Trace);
            // Dataverse ends a plug-in after 2 minutes and rolls its writes back: stop writing well before.
            var watch = Stopwatch.StartNew();
            try
            {
                return updater.UpdateVoiceUsers(among, () => watch.Elapsed < WriteTimeLimit);
            }
            catch (EnreachException e)
            {
                context.Trace("Enreach failed ({0}): {1}", e.Kind, e.Message);
                throw new InvalidPluginExecutionException("Enreach user ids were not updated: " + e.Message, e);
            }
        }
    }
}
