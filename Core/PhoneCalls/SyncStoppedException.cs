using System;

namespace VoiceForD365.Core.PhoneCalls
{
    /// <summary>The run stops at a batch boundary (the lease is lost); its message says why.</summary>
    internal sealed class SyncStoppedException : Exception
    {
        public SyncStoppedException(string message) : base(message)
        {
        }
    }
}
