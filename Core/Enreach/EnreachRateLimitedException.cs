using System;
using System.Runtime.Serialization;
using VoiceForD365.Core.Errors;

namespace VoiceForD365.Core.Enreach
{
    /// <summary>Enreach kept answering 429 Too Many Requests for longer than the time budget allows.</summary>
    [Serializable]
    public sealed class EnreachRateLimitedException : EnreachException
    {
        public EnreachRateLimitedException(string message, Exception? innerException = null)
            : base(EnreachErrorKind.RateLimited, message, innerException)
        {
        }

        private EnreachRateLimitedException(SerializationInfo info, StreamingContext context)
            : base(info, context)
        {
        }

        /// <summary>The wait Enreach asked for in its last answer (Retry-After), if it said.</summary>
        public TimeSpan? RetryAfter
        {
            get => GetState(nameof(RetryAfter)) as TimeSpan?;
            internal set => SetState(nameof(RetryAfter), value);
        }
    }
}
