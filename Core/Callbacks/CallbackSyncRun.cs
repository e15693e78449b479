using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using VoiceForD365.Core.Enreach;
using VoiceForD365.Core.PhoneCalls;
using VoiceForD365.Core.Schema;

namespace VoiceForD365.Core.Callbacks
{
    /// <summary>
    /// One run of the callback sync (see <see cref="CallbackSync.Run"/>): lease, profiles (from the cache), per profile
    /// the requests of its list in its age window, the decisions, the creates in batches and, after each batch, the
    /// closes of the requests whose phone call exists. Its state is in the organization and in Enreach only: a request
    /// is closed after its phone call exists, so a stopped run leaves nothing that the next one does not finish.
    /// </summary>
    internal sealed class CallbackSyncRun
    {
        private readonly CountingOrganizationService _service;
        private readonly IEnreachClient _enreach;
        private readonly CallbackSyncOptions _options;
        private readonly CancellationToken _cancellationToken;
        private readonly Action<string> _trace;
        private readonly Guid _runId = Guid.NewGuid();
        private readonly DateTime _started;
        private readonly List<PlannedCallback> _callbacks = new List<PlannedCallback>();
        private readonly List<string> _notes = new List<string>();

        private SyncStateStore? _state;
        private bool _leaseHeld;
        private int _enreachRequests;
        private int _profiles;
        private int _alreadyClosed;
        private bool _refreshed;

        public CallbackSyncRun(IOrganizationService service, IEnreachClient enreach, CallbackSyncOptions options, CancellationToken cancellationToken)
        {
            _service = new CountingOrganizationService(service);
            _enreach = enreach;
            _options = options;
            _cancellationToken = cancellationToken;
            _trace = options.Trace ?? (_ => { });
            _started = Now();
        }

        public CallbackSyncSummary Execute()
        {
            _trace(string.Format(CultureInfo.InvariantCulture, "Entered CallbackSync run {0:D} by {1} at {2}.", _runId, _options.WorkerId, SyncStateStore.Format(_started)));
            PhoneCallSyncStatus status;
            string message;
            try
            {
                _state = SyncStateStore.Open(_service, CallbackSync.JobName);
                var holder = _state.TryAcquireLease(_options.WorkerId, _options.LeaseDuration, _runId, _started, Now(), out var unfinished);
                if (holder != null) return Finish(PhoneCallSyncStatus.LeaseHeld, holder);
                _leaseHeld = true;
                if (unfinished != null) _notes.Add(unfinished);

                var cache = _options.Cache ?? new CallbackSyncCache();
                // vfd sync --refresh asks every worker through the state row.
                if (_state.Current.RefreshRequested is DateTime asked && cache.LastRead is DateTime read && asked >= read) cache.RefreshNow();
                var configuration = cache.Get(_service, Now(), _trace, out var refreshed);
                _refreshed = refreshed != null;
                if (refreshed != null) _trace("Callback profiles and settings read (" + refreshed + ").");
                _notes.AddRange(configuration.Problems);
                if (configuration.Settings.Problems.Count > 0)
                    return Finish(PhoneCallSyncStatus.NotConfigured, "The callback sync does not run until these settings are corrected: " + string.Join(" ", configuration.Settings.Problems.ToArray()));
                _profiles = configuration.Profiles.Count;

                Sync(configuration);
                var failed = _callbacks.Count(c => c.Decision.Outcome == CallbackOutcome.Failed);
                var closeFailed = _callbacks.Count(c => c.Decision.Close == CallbackCloseOutcome.Failed);
                status = failed + closeFailed == 0 ? PhoneCallSyncStatus.Succeeded : PhoneCallSyncStatus.CallsFailed;
                message = status == PhoneCallSyncStatus.Succeeded
                    ? (_profiles == 0 ? "No active callback profile can be synced." : "Every open callback request read got its decision.")
                    : string.Format(CultureInfo.InvariantCulture, "{0} phone call(s) could not be written and {1} request(s) not closed (see the decisions); the next runs retry them.", failed, closeFailed);
            }
            catch (Exception e) when (!(e is OutOfMemoryException))
            {
                var ending = SyncRunEnding.Of(e, _cancellationToken,
                    "What was not written or closed is read again by the next run.",
                    "The next run reads the requests again.",
                    "The next run reads the requests again; what was written is found by its key.");
                status = ending.Status;
                message = ending.Message;
            }
            return Finish(status, message);
        }

        private void Sync(CallbackSyncConfiguration configuration)
        {
            var now = Now();
            var open = new List<PlannedCallback>();
            var byRequest = new Dictionary<Guid, CallbackSyncProfile>();
            foreach (var profile in configuration.Profiles)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                RenewLease();
                var window = profile.Settings.TimeWindow(now);
                _enreachRequests++;
                IReadOnlyList<EnreachCallbackRequest> requests;
                try
                {
                    requests = _enreach.GetCallbackRequests(profile.ListId, window.Start, window.End);
                }
                catch (EnreachNotFoundException e)
                {
                    _notes.Add("Callback profile " + profile.Describe() + ": Enreach has no callback list " + CallbackListIds.Text(profile.ListId) + " (" + e.Message + "); pick an existing list in the profile.");
                    continue;
                }
                var added = 0;
                foreach (var request in requests)
                {
                    if (request.IsClosed)
                    {
                        _alreadyClosed++;
                        continue;
                    }
                    if (!window.Contains(request.Created)) continue;
                    if (byRequest.TryGetValue(request.Id, out var first))
                    {
                        _notes.Add("Callback request " + CallbackListIds.Text(request.Id) + " is on the list of " + first.Describe() + " and of " + profile.Describe() + ": logged once, with the first.");
                        continue;
                    }
                    byRequest.Add(request.Id, profile);
                    open.Add(new PlannedCallback(profile, request));
                    added++;
                }
                _trace(string.Format(CultureInfo.InvariantCulture, "Profile {0}: {1} request(s) of list {2} created {3}, {4} open.",
                    profile.Describe(), requests.Count, CallbackListIds.Text(profile.ListId), window, added));
            }
            if (open.Count == 0) return;

            new CallbackPlanner(_service, configuration.Settings, applied: true, _trace).Plan(open);
            _callbacks.AddRange(open);
            foreach (var callback in open.Where(c => c.Create == null)) _trace(callback.Decision.ToString());

            // First the closes that earlier runs could not make, then each batch of creates and the closes of its requests.
            Close(open.Where(c => c.Decision.Outcome == CallbackOutcome.AlreadyLogged).ToList());
            var pending = open.Where(c => c.Create != null).ToList();
            var batches = 0;
            for (var start = 0; start < pending.Count; start += _options.MaxOperationsPerBatch)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                RenewLease();
                var batch = pending.GetRange(start, Math.Min(_options.MaxOperationsPerBatch, pending.Count - start));
                Send(batch, ++batches);
                Close(batch.Where(c => c.Logged).ToList());
                foreach (var callback in batch) _trace(callback.Decision.ToString());
            }
        }

        private void Send(List<PlannedCallback> batch, int number)
        {
            var request = new ExecuteMultipleRequest
            {
                Settings = new ExecuteMultipleSettings { ContinueOnError = true, ReturnResponses = false },
                Requests = new OrganizationRequestCollection(),
            };
            foreach (var callback in batch)
            {
                request.Requests.Add(callback.Create!);
                callback.Sent = true;
            }
            ExecuteMultipleResponse response;
            try
            {
                response = (ExecuteMultipleResponse)_service.Execute(request);
            }
            catch (Exception e) when (!(e is OutOfMemoryException))
            {
                foreach (var callback in batch)
                    callback.Decision = callback.Decision.With(CallbackOutcome.Failed, "the batch it was in could not be sent (" + e.Message + "); the next run finds what Dataverse wrote of it, writes the rest and closes them", null);
                throw;
            }
            var duplicates = 0;
            var failed = 0;
            foreach (var item in response.Responses)
            {
                if (item.Fault == null || item.RequestIndex < 0 || item.RequestIndex >= batch.Count) continue;
                var callback = batch[item.RequestIndex];
                if (PhoneCallWriter.IsDuplicate(item.Fault))
                {
                    duplicates++;
                    callback.Decision = callback.Decision.With(CallbackOutcome.AlreadyLogged,
                        "a phone call got this request's id after this run looked (another worker or an earlier attempt): nothing of this one was written", null);
                }
                else
                {
                    failed++;
                    callback.Decision = callback.Decision.With(CallbackOutcome.Failed, "Dataverse refused the phone call, and nothing of it was written: " + item.Fault.Message + "; it stays open in Enreach", null);
                }
            }
            _trace(string.Format(CultureInfo.InvariantCulture, "Batch {0}: {1} phone call(s); {2} already logged by someone else, {3} failed.", number, batch.Count, duplicates, failed));
        }

        /// <summary>Closes each request whose phone call exists; a refused close is the request's decision, and the next run retries it.</summary>
        private void Close(List<PlannedCallback> logged)
        {
            foreach (var callback in logged)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                // A thousand closes take a while: the lease must not run out under them.
                RenewLease();
                _enreachRequests++;
                try
                {
                    _enreach.CloseCallbackRequest(callback.Request.ListId, callback.Request.Id);
                    callback.Decision = callback.Decision.Closed(CallbackCloseOutcome.Closed, null);
                }
                catch (EnreachException e)
                {
                    callback.Decision = callback.Decision.Closed(CallbackCloseOutcome.Failed, e.Message);
                }
                if (callback.Decision.Outcome == CallbackOutcome.AlreadyLogged) _trace(callback.Decision.ToString());
            }
        }

        private void RenewLease()
        {
            if (_state!.TryRenewLease(_options.LeaseDuration, Now())) return;
            _leaseHeld = false;
            throw new SyncStoppedException("Stopped between two batches: another worker took the lease (this run's had expired). It carries on with what is left.");
        }

        private CallbackSyncSummary Finish(PhoneCallSyncStatus status, string message)
        {
            if (_notes.Count > 0) message = message + " " + string.Join(" ", _notes.ToArray());
            if (_leaseHeld && _state != null)
            {
                try
                {
                    var release = SyncStateStore.Changes();
                    release[SyncState.LeaseOwner] = null;
                    release[SyncState.LeaseExpires] = null;
                    if (!_state.TryWriteLast(release)) message += " The lease had been taken by another worker when the run ended.";
                }
                catch (Exception e) when (!(e is OutOfMemoryException))
                {
                    message += " The lease could not be released (" + e.Message + "); it expires by itself.";
                }
            }
            foreach (var callback in _callbacks.Where(c => c.Create != null && !c.Sent))
                callback.Decision = callback.Decision.With(CallbackOutcome.NotWritten, "decided, but the run stopped before its batch was sent; the next run reads the request again", null);
            var decisions = _callbacks.Select(c => c.Decision).ToList();
            Guid? recordId = null;
            if (status != PhoneCallSyncStatus.LeaseHeld)
            {
                try
                {
                    _service.Create(Record(Summary(status, message, decisions, null)));
                    recordId = _runId;
                }
                catch (Exception e) when (!(e is OutOfMemoryException))
                {
                    message += " The run record could not be written: " + e.Message;
                }
            }
            var summary = Summary(status, message, decisions, recordId);
            _trace(string.Format(CultureInfo.InvariantCulture, "Exiting CallbackSync run {0:D}: {1} after {2:0} ms. {3}", _runId, status, summary.Duration.TotalMilliseconds, message));
            return summary;
        }

        private CallbackSyncSummary Summary(PhoneCallSyncStatus status, string message, IReadOnlyList<CallbackDecision> decisions, Guid? recordId) =>
            new CallbackSyncSummary(_runId, _options.WorkerId, status, message, _started, Now() - _started, _profiles, _alreadyClosed, decisions, _notes.ToList(), _refreshed,
                _enreachRequests, _service.Requests, recordId);

        /// <summary>The vfd_syncrun record of the run (kind Callback).</summary>
        private static Entity Record(CallbackSyncSummary summary)
        {
            var record = new Entity(SyncRun.EntityName, summary.RunId);
            record[SyncRun.Name] = SyncRunRecord.Cut(string.Format(CultureInfo.InvariantCulture, "{0} {1:yyyy-MM-dd HH:mm:ss}", CallbackSync.JobName, summary.Started), 200);
            record[SyncRun.Job] = CallbackSync.JobName;
            record[SyncRun.Worker] = SyncRunRecord.Cut(summary.WorkerId, 200);
            record[SyncRun.Kind] = new OptionSetValue(SyncRunKind.Callback);
            record[SyncRun.Status] = new OptionSetValue(SyncRunRecord.StatusOf(summary.Status));
            record[SyncRun.Message] = SyncRunRecord.Cut(summary.Message, SyncRun.MessageMaxLength);
            record[SyncRun.Started] = summary.Started;
            record[SyncRun.Duration] = (int)Math.Min(int.MaxValue, Math.Max(0, summary.Duration.TotalMilliseconds));
            record[SyncRun.Created] = summary.Created;
            record[SyncRun.AlreadyLogged] = summary.AlreadyLogged;
            record[SyncRun.Skipped] = summary.Skipped;
            record[SyncRun.SkippedMultipleMatches] = summary.Skipped;
            record[SyncRun.Failed] = summary.Failed;
            record[SyncRun.Closed] = summary.Closed;
            record[SyncRun.CloseFailed] = summary.CloseFailed;
            record[SyncRun.EnreachRequests] = summary.EnreachRequests;
            // Its own Create included.
            record[SyncRun.DataverseRequests] = summary.DataverseRequests + 1;
            var failedFirst = summary.Decisions.Where(d => d.Outcome == CallbackOutcome.Failed || d.Close == CallbackCloseOutcome.Failed)
                .Concat(summary.Decisions.Where(d => d.Outcome != CallbackOutcome.Failed && d.Close != CallbackCloseOutcome.Failed));
            record[SyncRun.Decisions] = SyncRunRecord.Decisions(failedFirst.Select(d => d.ToString()));
            return record;
        }

        private DateTime Now() => DateTime.SpecifyKind(_options.UtcNow(), DateTimeKind.Utc);
    }
}
