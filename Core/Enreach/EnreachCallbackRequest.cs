using System;
using System.Globalization;

namespace VoiceForD365.Core.Enreach
{
    /// <summary>
    /// A callback request of Enreach (a caller asked to be called back), from
    /// <c>GET /callbacklists/{listId}/requests</c>. The Enreach names behind each property are assumptions
    /// (<see cref="EnreachAssumptions"/>); correcting one never changes this type. Immutable.
    /// </summary>
    public sealed class EnreachCallbackRequest
    {
        public EnreachCallbackRequest(Guid id, Guid listId, string? callerNumber, DateTime created, string? note, string? status, bool isClosed,
            string? voicemailRecordingId, Uri? voicemailUrl, string json)
        {
            if (json == null) throw new ArgumentNullException(nameof(json));
            Id = id;
            ListId = listId;
            CallerNumber = callerNumber;
            Created = DateTime.SpecifyKind(created, DateTimeKind.Utc);
            Note = note;
            Status = status;
            IsClosed = isClosed;
            VoicemailRecordingId = voicemailRecordingId;
            VoicemailUrl = voicemailUrl;
            Json = json;
        }

        public Guid Id { get; }

        /// <summary>The callback list the request is on.</summary>
        public Guid ListId { get; }

        /// <summary>The number to call back, as Enreach gave it; null when the caller's number is hidden.</summary>
        public string? CallerNumber { get; }

        /// <summary>When the caller made the request, UTC.</summary>
        public DateTime Created { get; }

        public string? Note { get; }

        /// <summary>The handling status as Enreach words it; null when it does not say.</summary>
        public string? Status { get; }

        /// <summary>Whether the request is closed (see <see cref="EnreachAssumptions.CallbackStatusClosed"/>).</summary>
        public bool IsClosed { get; }

        public string? VoicemailRecordingId { get; }

        /// <summary>The link to the voicemail (the recording resource, as for calls); null without one.</summary>
        public Uri? VoicemailUrl { get; }

        /// <summary>The record exactly as Enreach sent it.</summary>
        public string Json { get; }

        public override string ToString() =>
            "callback request " + Id.ToString("D", CultureInfo.InvariantCulture) + " of list " + ListId.ToString("D", CultureInfo.InvariantCulture) + " (" + (Status ?? "no status") + ")";
    }
}
