using System;
using System.Globalization;
using Microsoft.Xrm.Sdk;
using VoiceForD365.Core.Schema;

namespace VoiceForD365.Core.Callbacks
{
    /// <summary>What applying a callback profile to a phone call did.</summary>
    public sealed class CallbackProfileApplied
    {
        public CallbackProfileApplied(EntityReference phoneCall, CallbackProfileSettings profile, CallbackOwner owner, CallbackSubject subject, bool assigned, bool subjectChanged, bool queued)
        {
            PhoneCall = phoneCall;
            Profile = profile;
            Owner = owner;
            Subject = subject;
            Assigned = assigned;
            SubjectChanged = subjectChanged;
            Queued = queued;
        }

        public EntityReference PhoneCall { get; }

        public CallbackProfileSettings Profile { get; }

        public CallbackOwner Owner { get; }

        public CallbackSubject Subject { get; }

        /// <summary>The phone call was assigned (false: it already had that owner).</summary>
        public bool Assigned { get; }

        /// <summary>The subject was written (false: it already was that subject).</summary>
        public bool SubjectChanged { get; }

        /// <summary>The phone call was added to the profile's queue (false: it already was in it).</summary>
        public bool Queued { get; }

        public override string ToString() => string.Format(CultureInfo.InvariantCulture,
            "phone call {0}: {1}; owner {2}{3}; subject {4}{5}; queue {6}{7}",
            PhoneCall.Id, Profile, Owner, Assigned ? "" : " (already)", Subject, SubjectChanged ? "" : " (already)", Profile.Queue.Id, Queued ? "" : " (already in it)");
    }
}
