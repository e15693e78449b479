using System;
using Microsoft.Xrm.Sdk;
using VoiceForD365.Core.Schema;

namespace VoiceForD365.Core.Callbacks
{
    /// <summary>Who owns a profile's callback phone calls, and why (for traces and the demo).</summary>
    public sealed class CallbackOwner
    {
        public CallbackOwner(EntityReference owner, string description)
        {
            Owner = owner;
            Description = description;
        }

        /// <summary>A systemuser or a team, with its name.</summary>
        public EntityReference Owner { get; }

        public bool IsTeam => Owner.LogicalName == Team.EntityName;

        public string Description { get; }

        public override string ToString() => Description;
    }
}
