using System.Collections.Generic;

namespace VoiceForD365.Core.Callbacks
{
    /// <summary>What <see cref="CallbackListLookupUpgrade.Run"/> did, by profile.</summary>
    public sealed class CallbackListLookupReport
    {
        /// <summary>"'Support' (id): Support callbacks" for each profile whose lookup was filled.</summary>
        public List<string> Filled { get; } = new List<string>();

        /// <summary>One message per profile whose lookup could not be filled, saying what to do.</summary>
        public List<string> Failed { get; } = new List<string>();
    }
}
