using System;
using Microsoft.Xrm.Sdk;
using VoiceForD365.Core.Callbacks;
using VoiceForD365.Core.Enreach;
using VoiceForD365.Core.Schema;

namespace VoiceForD365.Plugins.Callbacks
{
    /// <summary>What the Callback List data provider's plug-ins share: the table wired to Enreach, and its errors as Dataverse reports them.</summary>
    internal static class CallbackLists
    {
        /// <summary>
        /// Runs <paramref name="read"/> on the table. A list Enreach does not have is Dataverse's "does not exist" (what a
        /// form or the Web API shows as not found); an Enreach failure is an error with Enreach's message, never an
        /// empty answer: a grid that showed no lists would hide the outage.
        /// </summary>
        public static T Read<T>(LocalPluginContext context, Func<CallbackListTable, T> read)
        {
            var table = new CallbackListTable(() => EnreachConnection.Create(context), context.Trace);
            try
            {
                return read(table);
            }
            catch (CallbackListNotFoundException e)
            {
                throw new InvalidPluginExecutionException(OperationStatus.Failed, ErrorCodes.ObjectDoesNotExist, e.Message);
            }
            catch (EnreachException e)
            {
                context.Trace("Enreach failed ({0}): {1}", e.Kind, e.Message);
                throw new InvalidPluginExecutionException("Voice for D365 could not read the callback lists from Enreach: " + e.Message, e);
            }
        }
    }
}
