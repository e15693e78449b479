using System.Runtime.Serialization;

namespace VoiceForD365.Core.Enreach.Contracts
{
    /// <summary>
    /// A callback list as <c>GET /callbacklists</c> answers it (an array of them). Nothing of it is public: every name
    /// is assumed in <see cref="EnreachAssumptions"/>. Public with public members for DataContractJsonSerializer in
    /// partial trust; scalars as text, so a malformed value gets its own error.
    /// </summary>
    [DataContract(Namespace = "")]
    public sealed class EnreachCallbackListContract
    {
        /// <summary>The list's id. Assumed (<see cref="EnreachAssumptions.CallbackListId"/>).</summary>
        [DataMember(Name = EnreachAssumptions.CallbackListId)]
        public string? Id { get; set; }

        /// <summary>Its name. Assumed (<see cref="EnreachAssumptions.CallbackListName"/>).</summary>
        [DataMember(Name = EnreachAssumptions.CallbackListName)]
        public string? Name { get; set; }

        /// <summary>What Enreach says of it. Assumed (<see cref="EnreachAssumptions.CallbackListDescription"/>).</summary>
        [DataMember(Name = EnreachAssumptions.CallbackListDescription)]
        public string? Description { get; set; }

        /// <summary>The service queue whose callbacks it holds. Assumed (<see cref="EnreachAssumptions.CallbackListQueueId"/>).</summary>
        [DataMember(Name = EnreachAssumptions.CallbackListQueueId)]
        public string? QueueId { get; set; }

        /// <summary>That queue's name. Assumed (<see cref="EnreachAssumptions.CallbackListQueueName"/>).</summary>
        [DataMember(Name = EnreachAssumptions.CallbackListQueueName)]
        public string? QueueName { get; set; }
    }
}
