using System;
using System.Globalization;
using VoiceForD365.Core.Enreach;

namespace VoiceForD365.Core.Callbacks
{
    /// <summary>
    /// What the callback sync did with one open callback request, or (<see cref="Applied"/> false: explained) would do
    /// now, and why, in sentences an administrator reads. Immutable.
    /// </summary>
    public sealed class CallbackDecision
    {
        internal CallbackDecision(EnreachCallbackRequest request, string profile, CallbackOutcome outcome, string reason, Guid? phoneCallId,
            CallbackCloseOutcome close, string? closeReason, bool applied)
        {
            Request = request ?? throw new ArgumentNullException(nameof(request));
            Profile = profile ?? throw new ArgumentNullException(nameof(profile));
            Outcome = outcome;
            Reason = reason ?? throw new ArgumentNullException(nameof(reason));
            PhoneCallId = phoneCallId;
            Close = close;
            CloseReason = closeReason;
            Applied = applied;
        }

        /// <summary>The request as Enreach gave it.</summary>
        public EnreachCallbackRequest Request { get; }

        public Guid RequestId => Request.Id;

        /// <summary>The callback profile whose list the request is on, as "'name' (id)".</summary>
        public string Profile { get; }

        public CallbackOutcome Outcome { get; }

        public string Reason { get; }

        /// <summary>The phone call created or already there; null otherwise.</summary>
        public Guid? PhoneCallId { get; }

        public CallbackCloseOutcome Close { get; }

        /// <summary>Why the close failed, or what it would be; null when closed or not tried.</summary>
        public string? CloseReason { get; }

        /// <summary>True for what a run did; false for what <see cref="CallbackSync.Explain"/> says the sync would do now.</summary>
        public bool Applied { get; }

        internal CallbackDecision With(CallbackOutcome outcome, string reason, Guid? phoneCallId) =>
            new CallbackDecision(Request, Profile, outcome, reason, phoneCallId, Close, CloseReason, Applied);

        internal CallbackDecision Closed(CallbackCloseOutcome close, string? reason) =>
            new CallbackDecision(Request, Profile, Outcome, Reason, PhoneCallId, close, reason, Applied);

        public string OutcomeText
        {
            get
            {
                switch (Outcome)
                {
                    case CallbackOutcome.Created: return Applied ? "logged" : "would be logged";
                    case CallbackOutcome.AlreadyLogged: return "already logged";
                    case CallbackOutcome.Skipped: return Applied ? "skipped" : "would be skipped";
                    case CallbackOutcome.NotWritten: return "not written";
                    default: return "failed";
                }
            }
        }

        private string CloseText
        {
            get
            {
                switch (Close)
                {
                    case CallbackCloseOutcome.Closed: return "closed in Enreach";
                    case CallbackCloseOutcome.Failed: return "the close failed (" + CloseReason + "); the next run retries the close only";
                    default: return CloseReason ?? "left open in Enreach";
                }
            }
        }

        /// <summary>One line: when, which request of which profile, the outcome and why, and the close.</summary>
        public override string ToString() =>
            string.Format(CultureInfo.InvariantCulture, "{0:yyyy-MM-dd HH:mm:ss} callback request {1:D} from {2} ({3}): {4}: {5}; {6}",
                Request.Created, Request.Id, string.IsNullOrWhiteSpace(Request.CallerNumber) ? "a hidden number" : Request.CallerNumber, Profile, OutcomeText, Reason, CloseText);
    }
}
