using System.Runtime.Serialization;

namespace VoiceForD365.Core.Enreach.Contracts
{
    /// <summary>
    /// A user's call event as <c>GET /calls</c> answers it (an array of them): a direct call of the user, or a service
    /// (queue) call allocated to the user as an agent. One call (<c>CallId</c>) has one event per user it reached, so a
    /// transfer gives two. Public with public members for DataContractJsonSerializer in partial trust (the sandbox).
    /// Every scalar is read as text (a JSON number or boolean arrives as its text), so a value of an unexpected shape
    /// gets its own error from <see cref="EnreachClient"/> instead of a serializer's. Field names not seen in a public
    /// source come from <see cref="EnreachAssumptions"/>.
    /// </summary>
    [DataContract(Namespace = "")]
    public sealed class EnreachUserCallContract
    {
        private string? _classification;

        /// <summary>The call event's own id. Seen: Enreach's "Call Identifiers" page (the event has its own Id).</summary>
        [DataMember(Name = "Id")]
        public string? Id { get; set; }

        /// <summary>The whole call's id, shared by its events. Seen: mokso/enreachvoice (README, tests).</summary>
        [DataMember(Name = "CallId")]
        public string? CallId { get; set; }

        /// <summary>The same, as BeneCallArchiver's (older) payload spells it. Seen: mokso/BeneCallArchiver.</summary>
        [DataMember(Name = "CallID")]
        public string? CallIdInCapitals { get; set; }

        /// <summary>The agent: the Enreach user whose event it is. Assumed (<see cref="EnreachAssumptions.UserCallUserId"/>).</summary>
        [DataMember(Name = EnreachAssumptions.UserCallUserId)]
        public string? UserId { get; set; }

        /// <summary>The calling number. Seen: mokso/BeneCallArchiver.</summary>
        [DataMember(Name = "ANum")]
        public string? ANum { get; set; }

        /// <summary>The called number. Seen: mokso/BeneCallArchiver.</summary>
        [DataMember(Name = "BNum")]
        public string? BNum { get; set; }

        /// <summary>When the call started, UTC (<c>2025-10-01 10:00:00</c>). Seen: mokso/enreachvoice tests.</summary>
        [DataMember(Name = "StartTime")]
        public string? StartTime { get; set; }

        /// <summary>The same in the older payload. Seen: mokso/BeneCallArchiver (<c>TimeStamp</c>).</summary>
        [DataMember(Name = "TimeStamp")]
        public string? TimeStamp { get; set; }

        /// <summary>Truthy: outgoing (a number, boolean or text). Seen: mokso/BeneCallArchiver.</summary>
        [DataMember(Name = "Direction")]
        public string? Direction { get; set; }

        /// <summary>Length in seconds. Seen: mokso/BeneCallArchiver, mokso/enreachvoice README.</summary>
        [DataMember(Name = "Duration")]
        public string? Duration { get; set; }

        /// <summary>Truthy: not answered (0 / false: answered). Seen: mokso/BeneCallArchiver.</summary>
        [DataMember(Name = "EndResult")]
        public string? EndResult { get; set; }

        /// <summary>The call's recordings. Seen: mokso/BeneCallArchiver (<c>GET /calls/recordings/{id}</c> each).</summary>
        [DataMember(Name = "RecordingIds")]
        public string?[]? RecordingIds { get; set; }

        /// <summary>The queue that allocated a service call (absent or all-zero: a direct call). Seen: mokso/enreachvoice README.</summary>
        [DataMember(Name = "AnswerQueueId")]
        public string? AnswerQueueId { get; set; }

        /// <summary>That queue's name. Assumed (<see cref="EnreachAssumptions.UserCallQueueName"/>).</summary>
        [DataMember(Name = EnreachAssumptions.UserCallQueueName)]
        public string? AnswerQueueName { get; set; }

        /// <summary>Work / Private / unclassified. Assumed (<see cref="EnreachAssumptions.Classification"/>).</summary>
        [DataMember(Name = EnreachAssumptions.Classification)]
        public string? Classification
        {
            get => _classification;
            set
            {
                _classification = value;
                HasClassification = true;
            }
        }

        /// <summary>Whether the answer has the field at all (null counts: Unclassified); absent: an error.</summary>
        public bool HasClassification { get; private set; }

        /// <summary>When Enreach last changed the event. Assumed (<see cref="EnreachAssumptions.Modified"/>).</summary>
        [DataMember(Name = EnreachAssumptions.Modified)]
        public string? Modified { get; set; }

        /// <summary>The call id in whichever spelling the answer used; null when it has none.</summary>
        public string? AnyCallId => CallId ?? CallIdInCapitals;

        /// <summary>The start time in whichever field the answer used; null when it has none.</summary>
        public string? AnyStartTime => StartTime ?? TimeStamp;
    }
}
