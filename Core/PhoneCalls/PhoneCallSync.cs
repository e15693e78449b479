using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using VoiceForD365.Core.Data;
using VoiceForD365.Core.Enreach;
using VoiceForD365.Core.Schema;

namespace VoiceForD365.Core.PhoneCalls
{
    /// <summary>
    /// The phone call sync (SPEC C5): Enreach call events logged as Dynamics phone calls, each call event once. Hosts
    /// (the sync worker, <c>vfd sync</c>) call <see cref="Run"/> every minute; <see cref="Explain"/> says, reading
    /// only, what the sync did or would do with one call.
    /// <code>
    /// var summary = PhoneCallSync.Run(service, enreach, new PhoneCallSyncOptions { WorkerId = "worker-1" });
    /// Console.WriteLine(summary);                       // how it ended, window, counts, requests
    /// foreach (var d in summary.Decisions) log(d);      // one line per call event and why
    /// </code>
    /// </summary>
    public static class PhoneCallSync
    {
        /// <summary>The job's name: its vfd_syncstate row and its vfd_syncrun records carry it.</summary>
        public const string JobName = "PhoneCallSync";

        /// <summary>
        /// One run: takes the organization's lease (another worker holding it: <see cref="PhoneCallSyncStatus.LeaseHeld"/>,
        /// nothing done), reads the settings and users, reads from Enreach what changed since the checkpoint (or the past
        /// 24 hours, the nightly retro), decides every call event, writes the phone calls in batches, moves the
        /// checkpoints, releases the lease and writes the run's vfd_syncrun record. It does not throw for what a run
        /// meets (Enreach or Dataverse errors, a lost lease, wrong settings): the summary's status and message say it.
        /// </summary>
        /// <param name="service">The organization (the local organization, or the Web API client of a real one), as the Voice ApiUser.</param>
        /// <param name="enreach">The Enreach API.</param>
        /// <param name="options">The worker's id, the mode, the clock, the trace.</param>
        /// <param name="cancellationToken">Stops the run at the next batch boundary (the batch being written is finished).</param>
        public static PhoneCallSyncSummary Run(IOrganizationService service, IEnreachClient enreach, PhoneCallSyncOptions options, CancellationToken cancellationToken = default)
        {
            if (service == null) throw new ArgumentNullException(nameof(service));
            if (enreach == null) throw new ArgumentNullException(nameof(enreach));
            if (options == null) throw new ArgumentNullException(nameof(options));
            options.Validate();
            return new PhoneCallSyncRun(service, enreach, options, cancellationToken).Execute();
        }

        /// <summary>
        /// What the sync did or would do now with each event of one call, and why: the call's events from Enreach
        /// (<c>GET /calls?CallId=</c>, and the queue's view from <c>GET /servicecall</c> around the call's start), the
        /// phone calls in Dynamics with that CallId, and per event the decision under the current settings. Writes
        /// nothing, takes no lease.
        /// </summary>
        /// <param name="startedAround">
        /// When the call started, roughly (±1 hour): needed to find the queue's view of a call that no agent took, which
        /// Enreach can't look up by CallId; without it, the start of the call's other events or phone calls is used.
        /// </param>
        /// <exception cref="EnreachException">Enreach could not be read.</exception>
        public static PhoneCallExplanation Explain(IOrganizationService service, IEnreachClient enreach, Guid callId, PhoneCallSyncOptions options, DateTime? startedAround = null)
        {
            if (service == null) throw new ArgumentNullException(nameof(service));
            if (enreach == null) throw new ArgumentNullException(nameof(enreach));
            if (options == null) throw new ArgumentNullException(nameof(options));
            var trace = options.Trace ?? (_ => { });
            var counted = new CountingOrganizationService(service);
            var notes = new List<string>();
            var enreachRequests = 1;
            var events = enreach.GetUserCallsByCallId(callId).Where(e => e.CallId == callId).Select(e => new ReadEvent(e, fromQueueView: false)).ToList();
            var logged = LoggedPhoneCalls(counted, callId);

            var around = startedAround ?? (events.Count > 0 ? events.Min(e => e.Event.StartTime) : logged.Select(l => l.GetAttributeValue<DateTime?>(PhoneCall.ActualStart)).FirstOrDefault(s => s != null));
            if (around != null)
            {
                var at = DateTime.SpecifyKind(around.Value, DateTimeKind.Utc);
                enreachRequests++;
                events.AddRange(enreach.GetServiceCalls(EnreachCallWindow.Started(at - Around, at + Around)).Where(e => e.CallId == callId).Select(e => new ReadEvent(e, fromQueueView: true)));
            }
            else
            {
                notes.Add("The queue's view (/servicecall) was not read: Enreach can't look it up by CallId, and no start time is known. Give the call's start to read it.");
            }
            if (events.Count == 0) notes.Add("Enreach has no event of call " + callId.ToString("D") + " (visible to the API user).");

            var settings = PhoneCallSyncSettings.Read(counted);
            var decisions = new List<PhoneCallDecision>();
            if (settings.Problems.Count > 0)
            {
                notes.Add("The sync does not run until these settings are corrected: " + string.Join(" ", settings.Problems.ToArray()));
            }
            else
            {
                var users = SyncUsers.Load(counted);
                var fallback = settings.DefaultCrmAssignee is Guid id ? users.ByEnreachId(id) : null;
                if (fallback == null || fallback.Disabled)
                    notes.Add("The sync does not run: " + (Settings.DefaultCrmAssigneeCheck.Check(counted) ?? "DefaultCrmAssignee's user is disabled. " + Settings.DefaultCrmAssigneeCheck.HowToFix));
                else
                    decisions.AddRange(new CallPlanner(counted, settings, users, fallback, applied: false, trace).Plan(events).Select(c => c.Decision));
            }
            return new PhoneCallExplanation(callId, decisions, logged.Select(DescribeLogged).ToList(), notes, enreachRequests, counted.Requests);
        }

        /// <summary>
        /// The moment of an organization's nightly retro on the night of <paramref name="night"/> (a UTC date): in
        /// [22:00, 23:30) UTC, spread by the organization's id and the date, so organizations don't all run at once and
        /// every worker of one organization picks the same moment (a run keeps it in the sync state).
        /// </summary>
        public static DateTime RetroMoment(DateTime night, Guid organizationId) => SyncPlan.RetroMoment(night, organizationId);

        /// <summary>How far around the known start the queue's view of a call is looked for.</summary>
        private static readonly TimeSpan Around = TimeSpan.FromHours(1);

        private static List<Entity> LoggedPhoneCalls(IOrganizationService service, Guid callId)
        {
            var query = new QueryExpression(PhoneCall.EntityName)
            {
                ColumnSet = new ColumnSet(PhoneCall.Subject, PhoneCall.EnreachAgentId, PhoneCall.OwnerId, PhoneCall.StateCode, PhoneCall.StatusCode, PhoneCall.ActualStart, StandardColumns.CreatedOn),
            };
            query.Criteria.AddCondition(PhoneCall.EnreachCallId, ConditionOperator.Equal, callId.ToString("D"));
            query.Orders.Add(new OrderExpression(StandardColumns.CreatedOn, OrderType.Ascending));
            return service.RetrieveAll(query).ToList();
        }

        private static string DescribeLogged(Entity call) =>
            string.Format(CultureInfo.InvariantCulture, "phone call {0:D} '{1}' for agent {2}, owner {3}, state {4} (status reason {5}), logged {6:yyyy-MM-dd HH:mm:ss} UTC",
                call.Id, call.GetAttributeValue<string>(PhoneCall.Subject), call.GetAttributeValue<string>(PhoneCall.EnreachAgentId),
                call.GetAttributeValue<EntityReference>(PhoneCall.OwnerId)?.Name ?? call.GetAttributeValue<EntityReference>(PhoneCall.OwnerId)?.Id.ToString("D"),
                call.GetAttributeValue<OptionSetValue>(PhoneCall.StateCode)?.Value, call.GetAttributeValue<OptionSetValue>(PhoneCall.StatusCode)?.Value,
                call.GetAttributeValue<DateTime?>(StandardColumns.CreatedOn));
    }
}
