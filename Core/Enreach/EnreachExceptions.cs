using System;

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
    /// out an inner exception whose text would contain it).
    /// </summary>
    public class EnreachException : Exception
    {
        public EnreachException(string message, Exception? innerException = null)
            : this(EnreachErrorKind.UnexpectedResponse, message, innerException)
        {
        }

        protected EnreachException(EnreachErrorKind kind, string message, Exception? innerException)
            : base(message, innerException)
        {
            Kind = kind;
        }

        public EnreachErrorKind Kind { get; }

        /// <summary>HTTP status of the last answer, when there was one.</summary>
        public int? StatusCode { get; internal set; }

        /// <summary>The request that failed, e.g. <c>GET https://api.example/users</c> (never with credentials).</summary>
        public string? Request { get; internal set; }

        /// <summary>Attempts made for that request.</summary>
        public int Attempts { get; internal set; }

        /// <summary>Time spent on the whole operation, waits included.</summary>
        public TimeSpan Elapsed { get; internal set; }

        /// <summary>True when trying again later may succeed (rate limits, outages, time-outs).</summary>
        public bool IsTransient =>
            Kind == EnreachErrorKind.RateLimited || Kind == EnreachErrorKind.Unavailable
            || Kind == EnreachErrorKind.Unreachable || Kind == EnreachErrorKind.Timeout;
    }

    /// <summary>The Enreach settings (environment variables) are missing or unusable.</summary>
    public sealed class EnreachConfigurationException : EnreachException
    {
        public EnreachConfigurationException(string message)
            : base(EnreachErrorKind.Configuration, message, null)
        {
        }
    }

    /// <summary>Enreach rejected the API user's credentials (401) or refused it access (403).</summary>
    public sealed class EnreachCredentialsException : EnreachException
    {
        public EnreachCredentialsException(string message, Exception? innerException = null)
            : base(EnreachErrorKind.Credentials, message, innerException)
        {
        }
    }

    /// <summary>Enreach answered 404, or discovery knows no API endpoint for the API user.</summary>
    public sealed class EnreachNotFoundException : EnreachException
    {
        public EnreachNotFoundException(string message, Exception? innerException = null)
            : base(EnreachErrorKind.NotFound, message, innerException)
        {
        }
    }

    /// <summary>Enreach kept answering 429 Too Many Requests for longer than the time budget allows.</summary>
    public sealed class EnreachRateLimitedException : EnreachException
    {
        public EnreachRateLimitedException(string message, Exception? innerException = null)
            : base(EnreachErrorKind.RateLimited, message, innerException)
        {
        }

        /// <summary>The wait Enreach asked for in its last answer (Retry-After), if it said.</summary>
        public TimeSpan? RetryAfter { get; internal set; }
    }

    /// <summary>
    /// Enreach is unavailable (<see cref="EnreachErrorKind.Unavailable"/>: 5xx on every attempt), unreachable
    /// (<see cref="EnreachErrorKind.Unreachable"/>: DNS, connection, TLS) or too slow
    /// (<see cref="EnreachErrorKind.Timeout"/>).
    /// </summary>
    public sealed class EnreachUnavailableException : EnreachException
    {
        public EnreachUnavailableException(EnreachErrorKind kind, string message, Exception? innerException = null)
            : base(CheckKind(kind), message, innerException)
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
    public sealed class EnreachMalformedResponseException : EnreachException
    {
        public EnreachMalformedResponseException(string message, Exception? innerException = null)
            : base(EnreachErrorKind.MalformedResponse, message, innerException)
        {
        }
    }
}
