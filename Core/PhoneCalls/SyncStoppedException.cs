using System;
using System.Runtime.Serialization;
using VoiceForD365.Core.Errors;

namespace VoiceForD365.Core.PhoneCalls
{
    /// <summary>The run stops at a batch boundary (the lease is lost); its message says why.</summary>
    [Serializable]
    internal sealed class SyncStoppedException : ActionableException
    {
        public SyncStoppedException(string message) : base(message)
        {
        }

        private SyncStoppedException(SerializationInfo info, StreamingContext context) : base(info, context)
        {
        }
    }
}
