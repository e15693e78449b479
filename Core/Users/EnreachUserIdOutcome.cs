using System;

namespace VoiceForD365.Core.Users
{
    public enum EnreachUserIdOutcome
    {
        /// <summary>The id was set or changed.</summary>
        Updated,

        /// <summary>The id was already right: nothing written.</summary>
        Unchanged,

        /// <summary>No Enreach user has the email any more: the stale id was cleared.</summary>
        Cleared,

        /// <summary>No Enreach user has the email (or the user has no email), and the user had no id.</summary>
        NotFound,

        /// <summary>Several Enreach users have the email: no id is set (an existing one is cleared).</summary>
        Ambiguous,
    }
}
