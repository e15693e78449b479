using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using VoiceForD365.Core.Enreach;
using VoiceForD365.Core.PhoneCalls;
using VoiceForD365.Core.Schema;

namespace VoiceForD365.Core.Callbacks
{
    /// <summary>
    /// The callback sync (SPEC C6): every open Enreach callback request of an active profile's list, created within the
    /// profile's age window, logged once as an open phone call (type Callback, the profile set, so the shipped process
    /// applies owner, subject and queue), then closed in Enreach. Hosts (the sync worker, <c>vfd sync</c>) call
    /// <see cref="Run"/> every minute beside the phone call sync.
    /// <code>
    /// var cache = new CallbackSyncCache();                       // kept by the host: profiles read every 60 minutes
    /// var summary = CallbackSync.Run(service, enreach, new CallbackSyncOptions { WorkerId = "worker-1", Cache = cache });
    /// </code>
    /// </summary>
    public static class CallbackSync
    {
        /// <summary>The job's name: its vfd_syncstate row and its vfd_syncrun records carry it.</summary>
        public const string JobName = "CallbackSync";

        /// <summary>
        /// One run: takes the job's lease, reads the profiles (from the cache), reads each profile's requests in its age
        /// window, decides each open one (already logged: its close is retried; new: one phone call), writes the phone
        /// calls in batches, closes the requests whose phone call exists, releases the lease and writes the run's
        /// vfd_syncrun record (kind Callback). It does not throw for what a run meets: the summary says it.
        /// </summary>
        public static CallbackSyncSummary Run(IOrganizationService service, IEnreachClient enreach, CallbackSyncOptions options, CancellationToken cancellationToken = default)
        {
            if (service == null) throw new ArgumentNullException(nameof(service));
            if (enreach == null) throw new ArgumentNullException(nameof(enreach));
            if (options == null) throw new ArgumentNullException(nameof(options));
            options.Validate();
            return new CallbackSyncRun(service, enreach, options, cancellationToken).Execute();
        }

        /// <summary>
        /// Asks every worker to read the callback profiles and settings again at its next run (<c>vfd sync --refresh</c>):
        /// the time goes into the job's vfd_syncstate row, which every run reads.
        /// </summary>
        public static void RequestRefresh(IOrganizationService service, DateTime utcNow)
        {
            if (service == null) throw new ArgumentNullException(nameof(service));
            for (var attempt = 1; ; attempt++)
            {
                var state = SyncStateStore.Open(service, JobName);
                var changes = SyncStateStore.Changes();
                changes[SyncState.RefreshRequested] = DateTime.SpecifyKind(utcNow, DateTimeKind.Utc);
                if (state.TryWriteLast(changes)) return;
                // A run wrote the row between the read and the write: read it again.
                if (attempt == 3) throw new InvalidOperationException("The callback sync's state was written by a worker at every attempt; try vfd sync --refresh again.");
            }
        }

        /// <summary>
        /// What the sync did or would do now with one callback request, and why: the phone calls with its id, and the
        /// request as each active profile's list has it in the profile's window (Enreach can't look a request up by id).
        /// Writes nothing, takes no lease, reads the profiles afresh.
        /// </summary>
        /// <exception cref="EnreachException">Enreach could not be read.</exception>
        public static CallbackExplanation Explain(IOrganizationService service, IEnreachClient enreach, Guid requestId, CallbackSyncOptions options)
        {
            if (service == null) throw new ArgumentNullException(nameof(service));
            if (enreach == null) throw new ArgumentNullException(nameof(enreach));
            if (options == null) throw new ArgumentNullException(nameof(options));
            var trace = options.Trace ?? (_ => { });
            var counted = new CountingOrganizationService(service);
            var now = DateTime.SpecifyKind(options.UtcNow(), DateTimeKind.Utc);
            var logged = LoggedPhoneCalls(counted, requestId);
            var configuration = CallbackSyncConfiguration.Load(counted, now, trace);
            var notes = new List<string>(configuration.Problems);
            var decisions = new List<CallbackDecision>();
            var enreachRequests = 0;
            var found = false;
            foreach (var profile in configuration.Profiles)
            {
                var window = profile.Settings.TimeWindow(now);
                enreachRequests++;
                var request = enreach.GetCallbackRequests(profile.ListId, window.Start, window.End).FirstOrDefault(r => r.Id == requestId);
                if (request == null) continue;
                found = true;
                if (request.IsClosed)
                {
                    notes.Add("The request is on the list of profile " + profile.Describe() + " and closed in Enreach: the sync does nothing with it" +
                              (logged.Count == 0 ? " (it was closed before it was logged: handled in Enreach)." : "."));
                    break;
                }
                if (configuration.Settings.Problems.Count > 0)
                {
                    notes.Add("The sync does not run until these settings are corrected: " + string.Join(" ", configuration.Settings.Problems.ToArray()));
                    break;
                }
                var planned = new PlannedCallback(profile, request);
                new CallbackPlanner(counted, configuration.Settings, applied: false, trace).Plan(new[] { planned });
                var decision = planned.Decision.Outcome == CallbackOutcome.AlreadyLogged || planned.Decision.Outcome == CallbackOutcome.Created
                    ? planned.Decision.Closed(CallbackCloseOutcome.NotTried, "then it would be closed in Enreach")
                    : planned.Decision;
                decisions.Add(decision);
                break;
            }
            if (!found)
                notes.Add("No active profile's list has request " + CallbackListIds.Text(requestId) + " within the profile's age window (Enreach is asked list by list; a request older than the window is not synced).");
            return new CallbackExplanation(requestId, decisions, logged.Select(DescribeLogged).ToList(), notes, enreachRequests, counted.Requests);
        }

        private static List<Entity> LoggedPhoneCalls(IOrganizationService service, Guid requestId)
        {
            var query = new QueryExpression(PhoneCall.EntityName)
            {
                ColumnSet = new ColumnSet(PhoneCall.Subject, PhoneCall.OwnerId, PhoneCall.StateCode, PhoneCall.CallbackProfileId, StandardColumns.CreatedOn),
            };
            query.Criteria.AddCondition(PhoneCall.CallbackRequestId, ConditionOperator.Equal, CallbackListIds.Text(requestId));
            return service.RetrieveMultiple(query).Entities.ToList();
        }

        private static string DescribeLogged(Entity call) =>
            string.Format(CultureInfo.InvariantCulture, "phone call {0:D} '{1}', profile {2}, owner {3}, state {4}, logged {5:yyyy-MM-dd HH:mm:ss} UTC",
                call.Id, call.GetAttributeValue<string>(PhoneCall.Subject),
                call.GetAttributeValue<EntityReference>(PhoneCall.CallbackProfileId)?.Name ?? call.GetAttributeValue<EntityReference>(PhoneCall.CallbackProfileId)?.Id.ToString("D"),
                call.GetAttributeValue<EntityReference>(PhoneCall.OwnerId)?.Name ?? call.GetAttributeValue<EntityReference>(PhoneCall.OwnerId)?.Id.ToString("D"),
                call.GetAttributeValue<OptionSetValue>(PhoneCall.StateCode)?.Value, call.GetAttributeValue<DateTime?>(StandardColumns.CreatedOn));
    }
}
