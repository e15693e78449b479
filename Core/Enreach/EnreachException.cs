using System;
using System.Runtime.Serialization;
using VoiceForD365.Core.Errors;

namespace VoiceForD365.Core.Enreach
{
    /// <summary>
    /// A call to the Enreach API failed. The message says what happened and what an administrator can do; it never
    /// contains the API user's secret (nor does <see cref="Exception.ToString"/>: <see cref="EnreachClient"/> leaves
    /// out an inner exception whose text would contain it). Its properties survive serialization (see
    /// <see cref="ActionableException"/>).
    /// </summary>
    [Serializable]
    public class EnreachException : ActionableException
    {
        public EnreachException(string message, Exception? innerException = null)
            : this(EnreachErrorKind.UnexpectedResponse, message, innerException)
        {
        }

        protected EnreachException(EnreachErrorKind kind, string message, Exception? innerException)
            : base(message, innerException)
        {
            SetState(nameof(Kind), (int)kind);
        }

        protected EnreachException(SerializationInfo info, StreamingContext context)
            : base(info, context)
        {
        }

        public EnreachErrorKind Kind => GetState(nameof(Kind)) is int kind ? (EnreachErrorKind)kind : EnreachErrorKind.UnexpectedResponse;

        /// <summary>HTTP status of the last answer, when there was one.</summary>
        public int? StatusCode
        {
            get => GetState(nameof(StatusCode)) as int?;
            internal set => SetState(nameof(StatusCode), value);
        }

        /// <summary>The request that failed, e.g. <c>GET https://api.example/users</c> (never with credentials).</summary>
        public string? Request
        {
            get => GetState(nameof(Request)) as string;
            internal set => SetState(nameof(Request), value);
        }

        /// <summary>Attempts made for that request.</summary>
        public int Attempts
        {
            get => GetState(nameof(Attempts)) as int? ?? 0;
            internal set => SetState(nameof(Attempts), value);
        }

        /// <summary>Time spent on the whole operation, waits included.</summary>
        public TimeSpan Elapsed
        {
            get => GetState(nameof(Elapsed)) as TimeSpan? ?? TimeSpan.Zero;
            internal set => SetState(nameof(Elapsed), value);
        }

        /// <summary>True when trying again later may succeed (rate limits, outages, time-outs).</summary>
        public bool IsTransient =>
            Kind == EnreachErrorKind.RateLimited || Kind == EnreachErrorKind.Unavailable
            || Kind == EnreachErrorKind.Unreachable || Kind == EnreachErrorKind.Timeout;
    }
}
