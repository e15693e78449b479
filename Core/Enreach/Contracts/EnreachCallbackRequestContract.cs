using System.Runtime.Serialization;

namespace VoiceForD365.Core.Enreach.Contracts
{
    /// <summary>
    /// A callback request as <c>GET /callbacklists/{listId}/requests</c> answers it (an array of them) and the close
    /// operation answers it back. Nothing of it is public but the list field's name: the names are in
    /// <see cref="EnreachAssumptions"/>. Public with public members for DataContractJsonSerializer in partial trust.
    /// </summary>
    [DataContract(Namespace = "")]
    public sealed class EnreachCallbackRequestContract
    {
        /// <summary>The request's id. Assumed (<see cref="EnreachAssumptions.CallbackRequestId"/>).</summary>
        [DataMember(Name = EnreachAssumptions.CallbackRequestId)]
        public string? Id { get; set; }

        /// <summary>The list it belongs to. Seen as a callback item's field in mokso/enreachvoice's README.</summary>
        [DataMember(Name = EnreachAssumptions.CallbackRequestListId)]
        public string? CallbackListId { get; set; }

        /// <summary>The number to call back. Assumed (<see cref="EnreachAssumptions.CallbackRequestNumber"/>).</summary>
        [DataMember(Name = EnreachAssumptions.CallbackRequestNumber)]
        public string? ContactNumber { get; set; }

        /// <summary>When the caller made the request, UTC. Assumed (<see cref="EnreachAssumptions.CallbackRequestCreated"/>).</summary>
        [DataMember(Name = EnreachAssumptions.CallbackRequestCreated)]
        public string? Created { get; set; }

        /// <summary>The request's note. Assumed (<see cref="EnreachAssumptions.CallbackRequestNote"/>).</summary>
        [DataMember(Name = EnreachAssumptions.CallbackRequestNote)]
        public string? Note { get; set; }

        /// <summary>Its handling status. Assumed (<see cref="EnreachAssumptions.CallbackRequestStatus"/>).</summary>
        [DataMember(Name = EnreachAssumptions.CallbackRequestStatus)]
        public string? Status { get; set; }

        /// <summary>The caller's voicemail recording, if any. Assumed (<see cref="EnreachAssumptions.CallbackRequestVoicemail"/>).</summary>
        [DataMember(Name = EnreachAssumptions.CallbackRequestVoicemail)]
        public string? VoicemailRecordingId { get; set; }
    }
}
