using System;
using System.Globalization;

namespace VoiceForD365.Core.Enreach
{
    /// <summary>Why one attempt failed in a way that may pass when tried again (429, 5xx, no connection, no answer in time).</summary>
    internal sealed class EnreachFailure
    {
        private EnreachFailure(EnreachErrorKind kind, int? statusCode, string description, TimeSpan? retryAfter, Exception? exception)
        {
            Kind = kind;
            StatusCode = statusCode;
            Description = description;
            RetryAfter = retryAfter;
            Exception = exception;
        }

        public EnreachErrorKind Kind { get; }

        public int? StatusCode { get; }

        /// <summary>What happened, for messages and traces: "503 Service Unavailable", "no answer within 5 s".</summary>
        public string Description { get; }

        /// <summary>The wait Enreach asked for (Retry-After), if it said.</summary>
        public TimeSpan? RetryAfter { get; }

        public Exception? Exception { get; }

        public static EnreachFailure TimedOut(TimeSpan timeout, Exception e) =>
            new EnreachFailure(EnreachErrorKind.Timeout, null, "no answer within " + EnreachErrors.Seconds(timeout), null, e);

        /// <param name="description">What the exceptions say, already through <see cref="EnreachErrors.Outside(Exception)"/>.</param>
        public static EnreachFailure Unreachable(string? description, Exception e) =>
            new EnreachFailure(EnreachErrorKind.Unreachable, null, description ?? "no connection", null, e);

        public static EnreachFailure RateLimited(TimeSpan? retryAfter) =>
            new EnreachFailure(EnreachErrorKind.RateLimited, 429, "429 Too Many Requests", retryAfter, null);

        /// <param name="reason">The reason phrase, already through <see cref="EnreachErrors.Outside(string)"/>.</param>
        public static EnreachFailure ServerError(int status, string? reason, TimeSpan? retryAfter) =>
            new EnreachFailure(EnreachErrorKind.Unavailable, status, status.ToString(CultureInfo.InvariantCulture) + (string.IsNullOrEmpty(reason) ? "" : " " + reason), retryAfter, null);
    }
}
