using System;
using System.Runtime.Serialization;
using VoiceForD365.Core.Errors;

namespace VoiceForD365.Core.Enreach
{
    /// <summary>What went wrong talking to Enreach; each kind has its own exception type.</summary>
    public enum EnreachErrorKind
    {
        /// <summary>An unexpected answer (a redirect, 400, 405, ...): <see cref="EnreachException"/> itself.</summary>
        UnexpectedResponse,

        /// <summary>The settings are missing or unusable: <see cref="EnreachConfigurationException"/>.</summary>
        Configuration,

        /// <summary>401 or 403: <see cref="EnreachCredentialsException"/>.</summary>
        Credentials,

        /// <summary>404, or discovery knows no endpoint for the API user: <see cref="EnreachNotFoundException"/>.</summary>
        NotFound,

        /// <summary>429 for longer than the time budget allows: <see cref="EnreachRateLimitedException"/>.</summary>
        RateLimited,

        /// <summary>5xx on every attempt the budget allows: <see cref="EnreachUnavailableException"/>.</summary>
        Unavailable,

        /// <summary>No connection (DNS, refused, TLS, reset): <see cref="EnreachUnavailableException"/>.</summary>
        Unreachable,

        /// <summary>No answer within the request timeout or the budget: <see cref="EnreachUnavailableException"/>.</summary>
        Timeout,

        /// <summary>The answer is not JSON, or lacks a field we need: <see cref="EnreachMalformedResponseException"/>.</summary>
        MalformedResponse,
    }

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

    /// <summary>The Enreach settings (environment variables) are missing or unusable.</summary>
    [Serializable]
    public sealed class EnreachConfigurationException : EnreachException
    {
        public EnreachConfigurationException(string message)
            : base(EnreachErrorKind.Configuration, message, null)
        {
        }

        private EnreachConfigurationException(SerializationInfo info, StreamingContext context)
            : base(info, context)
        {
        }
    }

    /// <summary>Enreach rejected the API user's credentials (401) or refused it access (403).</summary>
    [Serializable]
    public sealed class EnreachCredentialsException : EnreachException
    {
        public EnreachCredentialsException(string message, Exception? innerException = null)
            : base(EnreachErrorKind.Credentials, message, innerException)
        {
        }

        private EnreachCredentialsException(SerializationInfo info, StreamingContext context)
            : base(info, context)
        {
        }
    }

    /// <summary>Enreach answered 404, or discovery knows no API endpoint for the API user.</summary>
    [Serializable]
    public sealed class EnreachNotFoundException : EnreachException
    {
        public EnreachNotFoundException(string message, Exception? innerException = null)
            : base(EnreachErrorKind.NotFound, message, innerException)
        {
        }

        private EnreachNotFoundException(SerializationInfo info, StreamingContext context)
            : base(info, context)
        {
        }
    }

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
