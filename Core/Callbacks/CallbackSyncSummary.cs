using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using VoiceForD365.Core.PhoneCalls;

namespace VoiceForD365.Core.Callbacks
{
    /// <summary>How a callback sync run ended, what it decided for each open request, and what it cost. Immutable.</summary>
    public sealed class CallbackSyncSummary
    {
        internal CallbackSyncSummary(Guid runId, string workerId, PhoneCallSyncStatus status, string message, DateTime started, TimeSpan duration, int profiles,
            int alreadyClosed, IReadOnlyList<CallbackDecision> decisions, IReadOnlyList<string> notes, bool refreshed, int enreachRequests, int dataverseRequests, Guid? recordId)
        {
            RunId = runId;
            WorkerId = workerId;
            Status = status;
            Message = message;
            Started = started;
            Duration = duration;
            Profiles = profiles;
            AlreadyClosed = alreadyClosed;
            Decisions = decisions;
            Notes = notes;
            Refreshed = refreshed;
            EnreachRequests = enreachRequests;
            DataverseRequests = dataverseRequests;
            RecordId = recordId;
        }

        public Guid RunId { get; }

        public string WorkerId { get; }

        /// <summary>Succeeded; CallsFailed when a phone call or a close failed (the next run retries); Failed, Stopped, NotConfigured, LeaseHeld.</summary>
        public PhoneCallSyncStatus Status { get; }

        public bool Succeeded => Status == PhoneCallSyncStatus.Succeeded;

        public string Message { get; }

        public DateTime Started { get; }

        public TimeSpan Duration { get; }

        /// <summary>The active profiles synced.</summary>
        public int Profiles { get; }

        /// <summary>Requests in the profiles' windows that Enreach already had closed: nothing to do.</summary>
        public int AlreadyClosed { get; }

        public IReadOnlyList<CallbackDecision> Decisions { get; }

        /// <summary>Profiles that can't be used and why, and what the profile cache did.</summary>
        public IReadOnlyList<string> Notes { get; }

        /// <summary>The run read the profiles and settings (the cache was empty, old or refreshed on demand).</summary>
        public bool Refreshed { get; }

        public int EnreachRequests { get; }

        /// <summary>Dataverse requests of the run, its run record excluded.</summary>
        public int DataverseRequests { get; }

        /// <summary>The run's vfd_syncrun record; null when it could not be written or the run did not start.</summary>
        public Guid? RecordId { get; }

        public int Created => Count(CallbackOutcome.Created);

        public int AlreadyLogged => Count(CallbackOutcome.AlreadyLogged);

        public int Skipped => Count(CallbackOutcome.Skipped);

        public int Failed => Count(CallbackOutcome.Failed);

        public int Closed => Decisions.Count(d => d.Close == CallbackCloseOutcome.Closed);

        public int CloseFailed => Decisions.Count(d => d.Close == CallbackCloseOutcome.Failed);

        private int Count(CallbackOutcome outcome) => Decisions.Count(d => d.Outcome == outcome);

        public override string ToString() =>
            string.Format(CultureInfo.InvariantCulture,
                "CallbackSync run {0:D}: {1}. {2} {3} profile(s); {4} logged, {5} already logged, {6} skipped, {7} failed; {8} closed, {9} close(s) failed, {10} already closed; {11} Enreach and {12} Dataverse requests, {13:0} ms.",
                RunId, Status, Message, Profiles, Created, AlreadyLogged, Skipped, Failed, Closed, CloseFailed, AlreadyClosed, EnreachRequests, DataverseRequests, Duration.TotalMilliseconds);
    }
}
