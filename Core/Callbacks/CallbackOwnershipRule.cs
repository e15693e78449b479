using System;
using VoiceForD365.Core.Schema;

namespace VoiceForD365.Core.Callbacks
{
    /// <summary>The Ownership Rule choice of a callback profile, with the option values of the solution.</summary>
    public enum CallbackOwnershipRule
    {
        /// <summary>The phone calls are owned by the application user that holds the Voice ApiUser role.</summary>
        ApiUser = OwnershipRule.ApiUser,

        /// <summary>The phone calls are owned by the owner (user or team) of the profile's queue.</summary>
        OwnerOfQueue = OwnershipRule.OwnerOfQueue,
    }
}
