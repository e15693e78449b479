using System;
using Microsoft.Xrm.Sdk;

namespace VoiceForD365.Core.Routing
{
    /// <summary>
    /// What the Webex Contact Center IVR learns of a caller in one lookup: who they are, their latest active case, the
    /// queue priority that follows, and the screen pop for the agent (that case, or a new case form).
    /// </summary>
    public sealed class WebexCaller
    {
        private WebexCaller(CallerIdentity? identity, CallerCase? activeCase, int queuePriority, string screenPopUrl, bool unavailable)
        {
            Identity = identity;
            Case = activeCase;
            QueuePriority = queuePriority;
            ScreenPopUrl = screenPopUrl;
            Unavailable = unavailable;
        }

        /// <summary>Who the caller is; null when Dynamics could not be asked.</summary>
        public CallerIdentity? Identity { get; }

        /// <summary>The known caller: a contact, an account or a lead; null otherwise.</summary>
        public EntityReference? Customer => Identity?.Record;

        /// <summary>The customer's newest active case; null without one (and for leads, which are no case's customer).</summary>
        public CallerCase? Case { get; }

        public int QueuePriority { get; }

        public string ScreenPopUrl { get; }

        /// <summary>Dynamics did not answer in time (or the circuit is open): the caller is handled as unknown.</summary>
        public bool Unavailable { get; }

        /// <summary>
        /// The answer for <paramref name="identity"/>: for a known contact or account one query for its latest active case;
        /// none otherwise.
        /// </summary>
        public static WebexCaller Find(IOrganizationService service, CallerIdentity identity, QueuePriorityMap priorities, ScreenPopLinks screenPops)
        {
            if (service == null) throw new ArgumentNullException(nameof(service));
            if (identity == null) throw new ArgumentNullException(nameof(identity));
            if (priorities == null) throw new ArgumentNullException(nameof(priorities));
            if (screenPops == null) throw new ArgumentNullException(nameof(screenPops));
            if (identity.Status != CallerStatus.Known) return NotKnown(identity, priorities, screenPops);
            var customer = identity.Record!;
            var activeCase = customer.LogicalName == Schema.Lead.EntityName ? null : CallerCase.LatestActive(service, customer);
            return new WebexCaller(identity, activeCase, priorities.ForKnownCaller(activeCase),
                activeCase != null ? screenPops.ForCase(activeCase.Id) : screenPops.ForNewCase(customer), false);
        }

        /// <summary>The answer for a caller who is no one record (unknown, or several records have the number): no query.</summary>
        public static WebexCaller NotKnown(CallerIdentity identity, QueuePriorityMap priorities, ScreenPopLinks screenPops)
        {
            if (identity == null) throw new ArgumentNullException(nameof(identity));
            if (identity.Status == CallerStatus.Known) throw new ArgumentException("The caller is known: use Find.", nameof(identity));
            if (priorities == null) throw new ArgumentNullException(nameof(priorities));
            if (screenPops == null) throw new ArgumentNullException(nameof(screenPops));
            return new WebexCaller(identity, null, priorities.UnknownCaller, screenPops.ForNewCase(null), false);
        }

        /// <summary>The answer when Dynamics can't be asked: an unknown caller with a new case form, so the call goes on.</summary>
        public static WebexCaller WithoutDynamics(QueuePriorityMap priorities, ScreenPopLinks screenPops)
        {
            if (priorities == null) throw new ArgumentNullException(nameof(priorities));
            if (screenPops == null) throw new ArgumentNullException(nameof(screenPops));
            return new WebexCaller(null, null, priorities.UnknownCaller, screenPops.ForNewCase(null), true);
        }
    }
}
