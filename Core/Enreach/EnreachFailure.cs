using System;
using System.Collections.Generic;
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

        public static EnreachFailure Unreachable(Exception e) =>
            new EnreachFailure(EnreachErrorKind.Unreachable, null, Innermost(e), null, e);

        public static EnreachFailure RateLimited(TimeSpan? retryAfter) =>
            new EnreachFailure(EnreachErrorKind.RateLimited, 429, "429 Too Many Requests", retryAfter, null);

        public static EnreachFailure ServerError(int status, string? reason, TimeSpan? retryAfter) =>
            new EnreachFailure(EnreachErrorKind.Unavailable, status, status.ToString(CultureInfo.InvariantCulture) + (string.IsNullOrEmpty(reason) ? "" : " " + reason), retryAfter, null);

        private static string Innermost(Exception e)
        {
            var messages = new List<string>();
            for (var x = e; x != null; x = x.InnerException)
            {
                if (!string.IsNullOrWhiteSpace(x.Message) && !messages.Contains(x.Message)) messages.Add(x.Message.Trim().TrimEnd('.'));
            }
            return messages.Count == 0 ? e.GetType().Name : string.Join(": ", messages);
        }
    }
}
