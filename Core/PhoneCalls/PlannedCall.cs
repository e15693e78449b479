using System;
using Microsoft.Xrm.Sdk;
using VoiceForD365.Core.Enreach;

namespace VoiceForD365.Core.PhoneCalls
{
    /// <summary>A call event as read, with the endpoint it came from.</summary>
    internal sealed class ReadEvent
    {
        public ReadEvent(EnreachCallEvent callEvent, bool fromQueueView)
        {
            Event = callEvent;
            FromQueueView = fromQueueView;
        }

        public EnreachCallEvent Event { get; }

        /// <summary>From <c>/servicecall</c> (the queue's view) rather than <c>/calls</c>.</summary>
        public bool FromQueueView { get; }

        /// <summary>The key of the phone call it would be: CallId and agent (or queue), as the alternate key compares them.</summary>
        public string Key => KeyOf(Event.CallId, PhoneCallDecision.KeyAgentOf(Event));

        public static string KeyOf(Guid callId, Guid agentId) => callId.ToString("D") + "/" + agentId.ToString("D");
    }

    /// <summary>One call event's decision and, when something is to be written, the request that writes it (one atomic unit).</summary>
    internal sealed class PlannedCall
    {
        public PlannedCall(ReadEvent read, PhoneCallDecision decision)
        {
            Read = read;
            Decision = decision;
        }

        public ReadEvent Read { get; }

        public PhoneCallDecision Decision { get; set; }

        /// <summary>Create, Update, or an ExecuteTransaction of them; null when nothing is written.</summary>
        public OrganizationRequest? Request { get; set; }

        /// <summary>The operations <see cref="Request"/> counts for in a batch.</summary>
        public int Operations { get; set; }

        /// <summary>Its batch was sent (whatever Dataverse answered).</summary>
        public bool Sent { get; set; }
    }
}
