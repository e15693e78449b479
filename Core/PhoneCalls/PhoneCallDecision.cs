using System;
using System.Globalization;
using VoiceForD365.Core.Enreach;

namespace VoiceForD365.Core.PhoneCalls
{
    /// <summary>
    /// What the sync did with one call event, or (<see cref="Applied"/> false: explained) would do now, and why in a
    /// sentence an administrator reads: "skipped: classified Private in Voice Center; only Work calls are logged".
    /// Immutable.
    /// </summary>
    public sealed class PhoneCallDecision
    {
        internal PhoneCallDecision(EnreachCallEvent callEvent, bool fromQueueView, PhoneCallOutcome outcome, PhoneCallSkipReason skipReason,
            string reason, string? owner, Guid? phoneCallId, bool applied)
        {
            Event = callEvent ?? throw new ArgumentNullException(nameof(callEvent));
            FromQueueView = fromQueueView;
            Outcome = outcome;
            SkipReason = skipReason;
            Reason = reason ?? throw new ArgumentNullException(nameof(reason));
            Owner = owner;
            PhoneCallId = phoneCallId;
            Applied = applied;
        }

        /// <summary>The call event as Enreach gave it.</summary>
        public EnreachCallEvent Event { get; }

        public Guid CallId => Event.CallId;

        /// <summary>
        /// The second part of the event's key: the agent's Enreach user id, or the queue's id for a queue call nobody
        /// answered (vfd_enreachagentid).
        /// </summary>
        public Guid AgentId => KeyAgentOf(Event);

        /// <summary>The event came from the queue's view (<c>GET /servicecall</c>), not from a user's calls (<c>GET /calls</c>).</summary>
        public bool FromQueueView { get; }

        public PhoneCallOutcome Outcome { get; }

        /// <summary>Why it was skipped; <see cref="PhoneCallSkipReason.None"/> unless <see cref="Outcome"/> is Skipped.</summary>
        public PhoneCallSkipReason SkipReason { get; }

        /// <summary>The decision's reason, in a sentence.</summary>
        public string Reason { get; }

        /// <summary>Who owns (or would own) the phone call and why, in a sentence; null when no phone call is written.</summary>
        public string? Owner { get; }

        /// <summary>The phone call written, merged with or already there; null otherwise.</summary>
        public Guid? PhoneCallId { get; }

        /// <summary>True for what a run did; false for what <see cref="PhoneCallSync.Explain"/> says the sync would do now.</summary>
        public bool Applied { get; }

        /// <summary>The agent part of an event's key: its agent, or its queue when no agent took it.</summary>
        internal static Guid KeyAgentOf(EnreachCallEvent callEvent) => callEvent.UserId ?? callEvent.QueueId ?? Guid.Empty;

        internal PhoneCallDecision With(PhoneCallOutcome outcome, string reason, Guid? phoneCallId) =>
            new PhoneCallDecision(Event, FromQueueView, outcome, PhoneCallSkipReason.None, reason, Owner, phoneCallId, Applied);

        /// <summary>"created", "would be skipped"...: the outcome as the decision's line says it.</summary>
        public string OutcomeText
        {
            get
            {
                switch (Outcome)
                {
                    case PhoneCallOutcome.Created: return Applied ? "created" : "would be created";
                    case PhoneCallOutcome.Merged: return Applied ? "merged with the phone call the agent's widget logged" : "would be merged with the phone call the agent's widget logged";
                    case PhoneCallOutcome.AlreadyLogged: return "already logged";
                    case PhoneCallOutcome.Skipped: return Applied ? "skipped" : "would be skipped";
                    case PhoneCallOutcome.NotWritten: return "not written";
                    default: return "failed";
                }
            }
        }

        /// <summary>One line: when, which call and event, the outcome, the reason and the owner.</summary>
        public override string ToString()
        {
            var e = Event;
            var line = string.Format(CultureInfo.InvariantCulture, "{0:yyyy-MM-dd HH:mm:ss} {1} {2} call {3:D} ({4} {5:D}, {6}): {7}: {8}",
                e.StartTime, e.Direction == EnreachCallDirection.Out ? "outgoing" : "incoming", e.Kind == EnreachCallKind.Service ? "queue" : "direct",
                e.CallId, e.UserId != null ? "agent" : "queue", AgentId, FromQueueView ? "/servicecall" : "/calls", OutcomeText, Reason);
            return Owner == null ? line : line + "; " + Owner;
        }
    }
}
