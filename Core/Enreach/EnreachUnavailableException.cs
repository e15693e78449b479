using System;
using System.Runtime.Serialization;
using VoiceForD365.Core.Errors;

namespace VoiceForD365.Core.Enreach
{
    /// <summary>
    /// Enreach is unavailable (<see cref="EnreachErrorKind.Unavailable"/>: 5xx on every attempt), unreachable
    /// (<see cref="EnreachErrorKind.Unreachable"/>: DNS, connection, TLS) or too slow
    /// (<see cref="EnreachErrorKind.Timeout"/>).
    /// </summary>
    [Serializable]
    public sealed class EnreachUnavailableException : EnreachException
    {
        public EnreachUnavailableException(EnreachErrorKind kind, string message, Exception? innerException = null)
            : base(CheckKind(kind), message, innerException)
        {
        }

        private EnreachUnavailableException(SerializationInfo info, StreamingContext context)
            : base(info, context)
        {
        }

        private static EnreachErrorKind CheckKind(EnreachErrorKind kind)
        {
            if (kind != EnreachErrorKind.Unavailable && kind != EnreachErrorKind.Unreachable && kind != EnreachErrorKind.Timeout)
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "An unavailable-service error is Unavailable, Unreachable or Timeout.");
            return kind;
        }
    }
}
