using System;
using System.Collections.Generic;
using System.Globalization;

namespace VoiceForD365.Core.Enreach
{
    /// <summary>
    /// One call event as the sync uses it, whichever Enreach endpoint it came from: an agent's event of a call
    /// (<c>GET /calls</c>: a direct call, or a service call the agent answered or was offered) or a queue's view of a
    /// service call (<c>GET /servicecall</c>). One call (<see cref="CallId"/>) has several events: one per agent it
    /// reached (a transfer gives two) and the queue's. The Enreach field names behind each property are in the data
    /// contracts and <see cref="EnreachAssumptions"/>; correcting one never changes this type. Immutable.
    /// </summary>
    public sealed class EnreachCallEvent
    {
        private static readonly IReadOnlyList<string> NoRecordings = new string[0];

        public EnreachCallEvent(
            Guid eventId,
            Guid callId,
            EnreachCallKind kind,
            Guid? userId,
            Guid? queueId,
            string? queueName,
            EnreachCallDirection direction,
            bool answered,
            string? otherPartyNumber,
            string? agentNumber,
            DateTime startTime,
            TimeSpan duration,
            EnreachCallClassification classification,
            IReadOnlyList<string>? recordingIds,
            Uri? recordingUrl,
            DateTime? modified,
            string json)
        {
            if (json == null) throw new ArgumentNullException(nameof(json));
            if (duration < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(duration), duration, "A call lasts no negative time.");
            EventId = eventId;
            CallId = callId;
            Kind = kind;
            UserId = userId;
            QueueId = queueId;
            QueueName = queueName;
            Direction = direction;
            Answered = answered;
            OtherPartyNumber = otherPartyNumber;
            AgentNumber = agentNumber;
            StartTime = DateTime.SpecifyKind(startTime, DateTimeKind.Utc);
            Duration = duration;
            Classification = classification;
            RecordingIds = recordingIds == null || recordingIds.Count == 0 ? NoRecordings : new List<string>(recordingIds).AsReadOnly();
            RecordingUrl = recordingUrl;
            Modified = modified == null ? (DateTime?)null : DateTime.SpecifyKind(modified.Value, DateTimeKind.Utc);
            Json = json;
        }

        /// <summary>The call event's own id.</summary>
        public Guid EventId { get; }

        /// <summary>The whole call's id, shared by all its events (the agents' and the queue's).</summary>
        public Guid CallId { get; }

        /// <summary>Direct, or Service (from a queue: the event of <c>/calls</c> has a queue, or it came from <c>/servicecall</c>).</summary>
        public EnreachCallKind Kind { get; }

        /// <summary>The agent's Enreach user id: the event's user, or the agent who answered a queue call; null when no agent took it.</summary>
        public Guid? UserId { get; }

        /// <summary>The service queue of a service call; null for a direct call.</summary>
        public Guid? QueueId { get; }

        public string? QueueName { get; }

        public EnreachCallDirection Direction { get; }

        public bool Answered { get; }

        /// <summary>The other party's number as Enreach gave it: the calling number of an incoming call, the called one of an outgoing call.</summary>
        public string? OtherPartyNumber { get; }

        /// <summary>
        /// The agent's side as Enreach gave it (the called number of an incoming call, the calling one of an outgoing
        /// call): a user's mobile number when the call was made or taken on the mobile. Null in a queue's view.
        /// </summary>
        public string? AgentNumber { get; }

        /// <summary>When the call started, UTC.</summary>
        public DateTime StartTime { get; }

        public TimeSpan Duration { get; }

        public EnreachCallClassification Classification { get; }

        /// <summary>The ids of the call's recordings (none: empty), as Enreach gave them.</summary>
        public IReadOnlyList<string> RecordingIds { get; }

        /// <summary>The link to the first recording (see <see cref="EnreachAssumptions.RecordingPathPrefix"/>); null without one.</summary>
        public Uri? RecordingUrl { get; }

        /// <summary>When Enreach last changed the event, UTC; null when its answer does not say.</summary>
        public DateTime? Modified { get; }

        /// <summary>The record exactly as Enreach sent it (one JSON object), for the audit column.</summary>
        public string Json { get; }

        public override string ToString() =>
            Kind + " call " + CallId.ToString("D", CultureInfo.InvariantCulture) + " event " + EventId.ToString("D", CultureInfo.InvariantCulture) +
            " (" + Direction + (Answered ? ", answered" : ", not answered") + ", " + Classification + ")";
    }
}
