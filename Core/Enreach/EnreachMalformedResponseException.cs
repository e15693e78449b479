using System;
using System.Runtime.Serialization;
using VoiceForD365.Core.Errors;

namespace VoiceForD365.Core.Enreach
{
    /// <summary>Enreach's answer is not JSON, or lacks a field Voice for D365 needs.</summary>
    [Serializable]
    public sealed class EnreachMalformedResponseException : EnreachException
    {
        public EnreachMalformedResponseException(string message, Exception? innerException = null)
            : base(EnreachErrorKind.MalformedResponse, message, innerException)
        {
        }

        private EnreachMalformedResponseException(SerializationInfo info, StreamingContext context)
            : base(info, context)
        {
        }
    }
}
