using System.Runtime.Serialization;

namespace VoiceForD365.Core.Enreach.Contracts
{
    /// <summary>
    /// A service (queue) call as <c>GET /servicecall</c> answers it (an array of them): the queue's view of an inbound
    /// call, answered by an agent or not. Public with public members for DataContractJsonSerializer in partial trust.
    /// Scalars are read as text (see <see cref="EnreachUserCallContract"/>). Only <c>QueueName</c> and <c>Duration</c>
    /// (mokso/enreachvoice README and tests) and a <c>ServiceCallId</c> in a test mock are public: the other names are
    /// assumed in <see cref="EnreachAssumptions"/>, after <c>/calls</c> where it has the same fact.
    /// </summary>
    [DataContract(Namespace = "")]
    public sealed class EnreachServiceCallContract
    {
        private string? _classification;

        /// <summary>The queue call event's own id. Assumed (<see cref="EnreachAssumptions.ServiceCallEventId"/>).</summary>
        [DataMember(Name = EnreachAssumptions.ServiceCallEventId)]
        public string? Id { get; set; }

        /// <summary>The id of mokso/enreachvoice's test mock, read when <see cref="Id"/> is absent.</summary>
        [DataMember(Name = EnreachAssumptions.ServiceCallEventIdInMock)]
        public string? ServiceCallId { get; set; }

        /// <summary>The whole call's id. Assumed (<see cref="EnreachAssumptions.ServiceCallCallId"/>).</summary>
        [DataMember(Name = EnreachAssumptions.ServiceCallCallId)]
        public string? CallId { get; set; }

        /// <summary>The queue. Assumed (<see cref="EnreachAssumptions.ServiceCallQueueId"/>).</summary>
        [DataMember(Name = EnreachAssumptions.ServiceCallQueueId)]
        public string? QueueId { get; set; }

        /// <summary>The queue's name. Seen: mokso/enreachvoice README and tests.</summary>
        [DataMember(Name = "QueueName")]
        public string? QueueName { get; set; }

        /// <summary>The caller's number. Assumed (<see cref="EnreachAssumptions.ServiceCallANum"/>).</summary>
        [DataMember(Name = EnreachAssumptions.ServiceCallANum)]
        public string? ANum { get; set; }

        /// <summary>The queue's number called. Assumed (<see cref="EnreachAssumptions.ServiceCallBNum"/>).</summary>
        [DataMember(Name = EnreachAssumptions.ServiceCallBNum)]
        public string? BNum { get; set; }

        /// <summary>When the call came to the queue, UTC. Assumed (<see cref="EnreachAssumptions.ServiceCallStartTime"/>).</summary>
        [DataMember(Name = EnreachAssumptions.ServiceCallStartTime)]
        public string? StartTime { get; set; }

        /// <summary>Length in seconds. Seen: mokso/enreachvoice README.</summary>
        [DataMember(Name = "Duration")]
        public string? Duration { get; set; }

        /// <summary>Truthy: not answered. Assumed (<see cref="EnreachAssumptions.ServiceCallEndResult"/>).</summary>
        [DataMember(Name = EnreachAssumptions.ServiceCallEndResult)]
        public string? EndResult { get; set; }

        /// <summary>The agent who answered; absent or null when no one did. Assumed (<see cref="EnreachAssumptions.ServiceCallAnsweredBy"/>).</summary>
        [DataMember(Name = EnreachAssumptions.ServiceCallAnsweredBy)]
        public string? AnsweredByUserId { get; set; }

        /// <summary>The call's recordings. Assumed (<see cref="EnreachAssumptions.ServiceCallRecordingIds"/>).</summary>
        [DataMember(Name = EnreachAssumptions.ServiceCallRecordingIds)]
        public string?[]? RecordingIds { get; set; }

        /// <summary>Work / Private / unclassified; absent: Work (a queue call is the organization's). Assumed.</summary>
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

        /// <summary>Whether the answer has the field at all (null counts: Unclassified); absent: Work.</summary>
        public bool HasClassification { get; private set; }

        /// <summary>When Enreach last changed the record. Assumed (<see cref="EnreachAssumptions.Modified"/>).</summary>
        [DataMember(Name = EnreachAssumptions.Modified)]
        public string? Modified { get; set; }

        /// <summary>The event id in whichever field the answer used; null when it has none.</summary>
        public string? AnyId => Id ?? ServiceCallId;
    }
}
