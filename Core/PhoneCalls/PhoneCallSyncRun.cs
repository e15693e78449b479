using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.Xrm.Sdk;
using VoiceForD365.Core.Enreach;
using VoiceForD365.Core.Errors;
using VoiceForD365.Core.Schema;
using VoiceForD365.Core.Settings;

namespace VoiceForD365.Core.PhoneCalls
{
    /// <summary>
    /// One run of the phone call sync (see <see cref="PhoneCallSync.Run"/>): lease, settings, users, the plan, then per
    /// window read, decide, write; checkpoints; the run record. Its state lives in the organization only, so any
    /// worker can carry on where a stopped one left off.
    /// </summary>
    internal sealed class PhoneCallSyncRun
    {
        private readonly CountingOrganizationService _service;
        private readonly IEnreachClient _enreach;
        private readonly PhoneCallSyncOptions _options;
        private readonly CancellationToken _cancellationToken;
        private readonly Action<string> _trace;
        private readonly Guid _runId = Guid.NewGuid();
        private readonly DateTime _started;
        private readonly List<PlannedCall> _calls = new List<PlannedCall>();
        private readonly List<string> _notes = new List<string>();

        // The state row's columns to write when the run ends (with the lease's release).
        private readonly Entity _final = SyncStateStore.Changes();

        private SyncStateStore? _state;
        private bool _leaseHeld;
        private SyncPlan? _plan;
        private int _enreachRequests;
        private Guid _organizationId;

        public PhoneCallSyncRun(IOrganizationService service, IEnreachClient enreach, PhoneCallSyncOptions options, CancellationToken cancellationToken)
        {
            _service = new CountingOrganizationService(service);
            _enreach = enreach;
            _options = options;
            _cancellationToken = cancellationToken;
            var trace = options.Trace;
            _trace = trace ?? (_ => { });
            _started = Now();
        }

        public PhoneCallSyncSummary Execute()
        {
            _trace(string.Format(CultureInfo.InvariantCulture, "Entered PhoneCallSync run {0:D} by {1} ({2}) at {3}.", _runId, _options.WorkerId, _options.Mode, SyncStateStore.Format(_started)));
            PhoneCallSyncStatus status;
            string message;
            try
            {
                _state = SyncStateStore.Open(_service, PhoneCallSync.JobName);
                var holder = AcquireLease();
                if (holder != null) return Finish(PhoneCallSyncStatus.LeaseHeld, holder);

                var settings = PhoneCallSyncSettings.Read(_service);
                _trace("Settings: " + settings + ".");
                if (settings.Problems.Count > 0)
                    return Finish(PhoneCallSyncStatus.NotConfigured, "The sync does not run until these settings are corrected: " + string.Join(" ", settings.Problems.ToArray()));
                var users = SyncUsers.Load(_service);
                var fallback = Fallback(settings, users, out var problem);
                if (fallback == null) return Finish(PhoneCallSyncStatus.NotConfigured, "The sync does not run: " + problem);

                _plan = Plan(settings);
                Sync(settings, users, fallback);
                var failed = _calls.Count(c => c.Decision.Outcome == PhoneCallOutcome.Failed);
                status = failed == 0 ? PhoneCallSyncStatus.Succeeded : PhoneCallSyncStatus.CallsFailed;
                message = failed == 0
                    ? "Every call event read got its decision."
                    : failed.ToString(CultureInfo.InvariantCulture) + " phone calls could not be written (see the decisions); the next runs read them again and retry.";
                if (!settings.ProcessDirectCalls && !settings.ProcessServiceCalls && !settings.ProcessServiceCallsUnanswered)
                    message = "Nothing was read: ProcessDirectCalls, ProcessServiceCalls and ProcessServiceCallsUnanswered are all off.";
            }
            catch (Exception e) when (!(e is OutOfMemoryException))
            {
                var ending = SyncRunEnding.Of(e, _cancellationToken,
                    "What was not written is read again by the next run.",
                    "Nothing more was written; the checkpoint stays where the last complete window left it.",
                    "Nothing more was written; the checkpoint stays where the last complete window left it.");
                status = ending.Status;
                message = ending.Message;
            }
            return Finish(status, message);
        }

        // ------------------------------------------------------------------ lease

        /// <summary>Takes the lease; null when taken, else who holds it (the run does not start).</summary>
        private string? AcquireLease()
        {
            var holder = _state!.TryAcquireLease(_options.WorkerId, _options.LeaseDuration, _runId, _started, Now(), out var unfinished);
            if (holder != null) return holder;
            if (unfinished != null) _notes.Add(unfinished);
            _leaseHeld = true;
            _trace("Lease taken until " + SyncStateStore.Format(_state.Current.LeaseExpires) + "; checkpoint " + SyncStateStore.Format(_state.Current.Checkpoint) +
                   ", next retro " + SyncStateStore.Format(_state.Current.NextRetro) + ".");
            return null;
        }

        /// <summary>Renews the lease once half of it is gone (with <paramref name="more"/> columns, if any); a lost lease stops the run.</summary>
        private void RenewLease(Entity? more = null)
        {
            if (!_state!.TryRenewLease(_options.LeaseDuration, Now(), more))
            {
                _leaseHeld = false;
                throw new SyncStoppedException("Stopped between two batches: another worker took the lease (this run's had expired). It carries on from the checkpoints.");
            }
        }

        // ------------------------------------------------------------------ settings and the fallback owner

        private SyncUser? Fallback(PhoneCallSyncSettings settings, SyncUsers users, out string problem)
        {
            problem = "";
            var user = settings.DefaultCrmAssignee is Guid id ? users.ByEnreachId(id) : null;
            if (user != null && !user.Disabled) return user;
            problem = user != null
                ? "DefaultCrmAssignee is the Enreach id of " + user.Describe() + ", whose Dynamics user is disabled. " + DefaultCrmAssigneeCheck.HowToFix
                : DefaultCrmAssigneeCheck.Check(_service) ?? "DefaultCrmAssignee is not the Enreach User Id of a Dynamics user. " + DefaultCrmAssigneeCheck.HowToFix;
            return null;
        }

        // ------------------------------------------------------------------ what to read

        private SyncPlan Plan(PhoneCallSyncSettings settings)
        {
            var state = _state!.Current;
            var now = Now();
            SyncPlan plan;
            switch (_options.Mode)
            {
                case PhoneCallSyncMode.Retro:
                    plan = SyncPlan.Retro(now);
                    StartRetro(plan, nextRetro: null);
                    break;
                case PhoneCallSyncMode.Continuous:
                    plan = SyncPlan.Continuous(state, settings, now);
                    break;
                default:
                    if (state.RetroUnderWay)
                    {
                        plan = SyncPlan.ResumeRetro(state);
                        _notes.Add("Resumed the retro run that had written up to " + SyncStateStore.Format(state.RetroProgress ?? state.RetroFrom) + ".");
                        break;
                    }
                    var next = state.NextRetro;
                    if (next == null)
                    {
                        next = SyncPlan.RetroMoment(SyncPlan.NextNight(now), OrganizationId());
                        _final[SyncState.NextRetro] = next.Value;
                    }
                    if (now >= next.Value)
                    {
                        plan = SyncPlan.Retro(now);
                        StartRetro(plan, SyncPlan.RetroMoment(next.Value.Date.AddDays(1), OrganizationId()));
                    }
                    else
                    {
                        plan = SyncPlan.Continuous(state, settings, now);
                    }
                    break;
            }
            _trace(string.Format(CultureInfo.InvariantCulture, "Plan: {0} from {1} to {2}, {3} window(s) of at most 31 days.",
                plan.Kind, SyncStateStore.Format(plan.From), SyncStateStore.Format(plan.To), plan.Windows.Count));
            return plan;
        }

        /// <summary>Records the retro under way (so a stopped one is resumed) with the next night's moment, if the schedule moves on.</summary>
        private void StartRetro(SyncPlan plan, DateTime? nextRetro)
        {
            var changes = SyncStateStore.Changes();
            changes[SyncState.RetroFrom] = plan.From;
            changes[SyncState.RetroTo] = plan.To;
            changes[SyncState.RetroProgress] = null;
            if (nextRetro != null)
            {
                changes[SyncState.NextRetro] = nextRetro.Value;
                _final.Attributes.Remove(SyncState.NextRetro);
            }
            RenewLease(changes);
        }

        private Guid OrganizationId()
        {
            if (_organizationId != Guid.Empty) return _organizationId;
            var response = _service.Execute(new OrganizationRequest(MessageNames.WhoAmI));
            _organizationId = response.Results.TryGetValue(ParameterNames.OrganizationId, out var id) && id is Guid organization ? organization : Guid.Empty;
            return _organizationId;
        }

        // ------------------------------------------------------------------ read, decide, write

        private void Sync(PhoneCallSyncSettings settings, SyncUsers users, SyncUser fallback)
        {
            var plan = _plan!;
            var planner = new CallPlanner(_service, settings, users, fallback, applied: true, _trace);
            var writer = new PhoneCallWriter(_service, _options.MaxOperationsPerBatch, _trace);
            DateTime? heldAt = null;
            for (var i = 0; i < plan.Windows.Count; i++)
            {
                var window = plan.Windows[i];
                _cancellationToken.ThrowIfCancellationRequested();
                RenewLease();
                var events = Read(window, settings);
                var calls = planner.Plan(events);
                _calls.AddRange(calls);
                foreach (var call in calls.Where(c => c.Request == null)) _trace(call.Decision.ToString());
                writer.Write(calls, next => BetweenBatches(plan, next), _cancellationToken);
                foreach (var call in calls.Where(c => c.Request != null)) _trace(call.Decision.ToString());
                if (plan.Kind == PhoneCallSyncKind.Retro) continue;

                // The checkpoint moves past a window once every event of it is written or decided; a failed phone call
                // holds it at its event's time, so the next runs read the event again.
                var failed = calls.Where(c => c.Decision.Outcome == PhoneCallOutcome.Failed).ToList();
                if (heldAt == null && failed.Count > 0) heldAt = failed.Any(c => c.Read.Event.Modified == null) ? window.From + SyncPlan.Overlap : failed.Min(c => c.Read.Event.Modified!.Value);
                var checkpoint = heldAt ?? window.To;
                if (i < plan.Windows.Count - 1)
                {
                    var changes = SyncStateStore.Changes();
                    changes[SyncState.Checkpoint] = checkpoint;
                    RenewLease(changes);
                }
                else
                {
                    _final[SyncState.Checkpoint] = checkpoint;
                }
            }
            if (plan.Kind == PhoneCallSyncKind.Retro)
            {
                _final[SyncState.RetroFrom] = null;
                _final[SyncState.RetroTo] = null;
                _final[SyncState.RetroProgress] = null;
            }
            _trace(string.Format(CultureInfo.InvariantCulture, "Wrote {0} batch(es).", writer.Batches));
        }

        /// <summary>Between two batches: a retro run records how far it got (everything before the next call's start is written).</summary>
        private void BetweenBatches(SyncPlan plan, PlannedCall next)
        {
            if (plan.Kind != PhoneCallSyncKind.Retro)
            {
                RenewLease();
                return;
            }
            var progress = SyncStateStore.Changes();
            progress[SyncState.RetroProgress] = next.Read.Event.StartTime;
            RenewLease(progress);
        }

        private List<ReadEvent> Read(EnreachCallWindow window, PhoneCallSyncSettings settings)
        {
            var events = new List<ReadEvent>();
            if (settings.ProcessDirectCalls || settings.ProcessServiceCalls)
            {
                _enreachRequests++;
                events.AddRange(_enreach.GetUserCalls(window).Select(e => new ReadEvent(e, fromQueueView: false)));
            }
            if (settings.ProcessServiceCallsUnanswered)
            {
                _enreachRequests++;
                events.AddRange(_enreach.GetServiceCalls(window).Select(e => new ReadEvent(e, fromQueueView: true)));
            }
            _trace(string.Format(CultureInfo.InvariantCulture, "Read {0} call event(s), {1}.", events.Count, window));
            return events;
        }

        // ------------------------------------------------------------------ the end

        /// <summary>Releases the lease with the final checkpoints and writes the run record, as far as Dataverse lets it.</summary>
        private PhoneCallSyncSummary Finish(PhoneCallSyncStatus status, string message)
        {
            if (_notes.Count > 0) message = message + " " + string.Join(" ", _notes.ToArray());
            if (_leaseHeld && _state != null)
            {
                try
                {
                    _final[SyncState.LeaseOwner] = null;
                    _final[SyncState.LeaseExpires] = null;
                    if (!_state.TryWriteLast(_final))
                        message += " The lease had been taken by another worker when the run ended: the checkpoints of this run were not saved.";
                }
                catch (Exception e) when (!(e is OutOfMemoryException))
                {
                    message += " The lease could not be released (" + e.Message + "); it expires by itself.";
                }
            }
            foreach (var call in _calls.Where(c => c.Request != null && !c.Sent))
                call.Decision = call.Decision.With(PhoneCallOutcome.NotWritten, "decided, but the run stopped before its batch was sent; the next run reads the event again", null);
            var decisions = _calls.Select(c => c.Decision).ToList();
            var recordId = (Guid?)null;
            if (status != PhoneCallSyncStatus.LeaseHeld)
            {
                try
                {
                    _service.Create(SyncRunRecord.Of(Summary(status, message, decisions, null)));
                    recordId = _runId;
                }
                catch (Exception e) when (!(e is OutOfMemoryException))
                {
                    message += " The run record could not be written: " + e.Message;
                }
            }
            var summary = Summary(status, message, decisions, recordId);
            _trace(string.Format(CultureInfo.InvariantCulture, "Exiting PhoneCallSync run {0:D}: {1} after {2:0} ms. {3}", _runId, status, summary.Duration.TotalMilliseconds, message));
            return summary;
        }

        private PhoneCallSyncSummary Summary(PhoneCallSyncStatus status, string message, IReadOnlyList<PhoneCallDecision> decisions, Guid? recordId) =>
            new PhoneCallSyncSummary(_runId, _options.WorkerId, status, message, _plan?.Kind ?? PhoneCallSyncKind.Continuous, _plan?.From, _plan?.To,
                _started, Now() - _started, decisions, _enreachRequests, _service.Requests, recordId);

        private DateTime Now() => DateTime.SpecifyKind(_options.UtcNow(), DateTimeKind.Utc);
    }
}
