using System;
using System.Collections.Generic;
using System.Globalization;

namespace VoiceForD365.Core.Enreach
{
    /// <summary>
    /// Every message of <see cref="EnreachClient"/>: the exceptions (each says what happened and what an administrator
    /// can do, and records the request, status, attempts and time spent) and the trace lines. None contains the API
    /// user's secret or the Basic credentials made from it. The product's own words never do, so only what comes from
    /// outside (what Enreach, a proxy or the network stack said) is masked, through <see cref="Outside"/>; an inner
    /// exception whose text contains the secret is left out.
    /// </summary>
    internal sealed class EnreachErrors
    {
        private const string Redacted = "***";

        /// <summary>
        /// The shortest secret that can be told apart from ordinary text: a shorter one (say "e") is masked by leaving
        /// out the outside text it appears in, since masking it would garble every word that has the letter.
        /// </summary>
        private const int ShortestMaskableSecret = 8;

        private readonly EnreachSettings _settings;
        private readonly string _credentials;
        private readonly Action<string>? _trace;

        /// <param name="settings">Validated settings (the client's own copy).</param>
        /// <param name="credentials">The Basic credentials sent to Enreach, kept out of every text like the secret.</param>
        /// <param name="trace">Receives one line per attempt, retry and failure; null: none.</param>
        public EnreachErrors(EnreachSettings settings, string credentials, Action<string>? trace)
        {
            _settings = settings;
            _credentials = credentials;
            _trace = trace;
        }

        // ---------------------------------------------------------------- not found

        /// <summary>Discovery knows no API endpoint for the API user.</summary>
        public string DiscoveryNotFoundMessage() =>
            "Enreach discovery (" + _settings.DiscoveryUrl.Host + ") knows no API endpoint for the API user " + _settings.ApiUserName +
            ". Check the environment variable " + EnreachEnvironmentVariables.ApiUserName + " (the API user's email), or set " +
            EnreachEnvironmentVariables.ApiEndpoint + " to the API endpoint Enreach gave you.";

        /// <summary>The API answered 404 for <paramref name="what"/> ("the users list", "the user {id}").</summary>
        public string ApiNotFoundMessage(string what, Uri url, string method = "GET") =>
            "Enreach has no " + what + " (404 Not Found on " + method + " " + Describe(url) + ")." +
            (_settings.EndpointOverride != null ? " Check the environment variable " + EnreachEnvironmentVariables.ApiEndpoint + "." : "");

        public EnreachNotFoundException NotFound(string message, string request, int? status, int attempts, TimeSpan elapsed) =>
            Fill(new EnreachNotFoundException(message), request, status, attempts, elapsed);

        // ---------------------------------------------------------------- answers that end the operation at once

        public EnreachCredentialsException Unauthorized(string request, int attempts, TimeSpan elapsed) =>
            Fill(new EnreachCredentialsException(
                "Enreach rejected the credentials of the API user " + _settings.ApiUserName + " (401 Unauthorized on " + request + "). Check the environment variables " +
                EnreachEnvironmentVariables.ApiUserName + " and " + EnreachEnvironmentVariables.ApiSecret + " (the secret may have been renewed)."),
                request, 401, attempts, elapsed);

        public EnreachCredentialsException Forbidden(string request, int attempts, TimeSpan elapsed) =>
            Fill(new EnreachCredentialsException(
                "Enreach refused the API user " + _settings.ApiUserName + " access to " + request + " (403 Forbidden). Ask Enreach to grant the API user the rights Voice for D365 needs, or check the environment variable " +
                EnreachEnvironmentVariables.ApiUserName + "."),
                request, 403, attempts, elapsed);

        /// <summary>A status the product does not expect (a redirect, 400, 405, ...), with what Enreach said about it.</summary>
        public EnreachException UnexpectedStatus(string request, int status, string? reason, Uri? location, string body, int attempts, TimeSpan elapsed) =>
            Fill(new EnreachException(
                "Enreach answered " + status.ToString(CultureInfo.InvariantCulture) + Said(" ", Outside(reason), "") + " to " + request +
                (location != null ? Said(" (redirect to ", Outside(location.IsAbsoluteUri ? location.GetLeftPart(UriPartial.Path) : location.OriginalString), ")") : "") +
                ", which Voice for D365 does not expect" + Said(": ", Outside(body), "") + "." +
                " Check the environment variable " + EnreachEnvironmentVariables.ApiEndpoint + " if it is set; otherwise report this to the Voice for D365 maintainers."),
                request, status, attempts, elapsed);

        /// <summary>A 2xx answer whose body could not be read as text.</summary>
        public EnreachMalformedResponseException Unreadable(string request, int status, Exception e, int attempts, TimeSpan elapsed) =>
            Fill(new EnreachMalformedResponseException("Enreach's answer to " + request + " could not be read as text" + Said(" (", Outside(e.Message.Trim().TrimEnd('.')), ")") + ".", SafeInner(e)),
                request, status, attempts, elapsed);

        /// <summary>
        /// A 2xx answer that is not what the product expects: <paramref name="reason"/> says why (a clause of the
        /// product's own, without a final period); <paramref name="cause"/>, when given, is the reader's error, quoted.
        /// </summary>
        public EnreachMalformedResponseException Malformed(EnreachAnswer answer, string reason, Exception? cause) =>
            Fill(new EnreachMalformedResponseException(
                "Enreach's answer to " + answer.Request + " is not what Voice for D365 expects: " + reason +
                (cause != null ? Said(" (", Outside(cause.Message.Trim().TrimEnd('.')), ")") : "") + "." +
                " Check the environment variable " + EnreachEnvironmentVariables.ApiEndpoint + " if it is set; otherwise report this to the Voice for D365 maintainers.",
                SafeInner(cause)), answer.Request, answer.StatusCode, answer.Attempts, answer.Elapsed);

        // ---------------------------------------------------------------- giving up on failures worth retrying

        /// <summary>The budget was used up: after <paramref name="last"/>, or before the first attempt when null.</summary>
        public EnreachException BudgetExhausted(EnreachFailure? last, string request, int attempts, EnreachBudget budget)
        {
            if (last != null)
                return GiveUp(last, request, attempts, budget, "within the time budget of " + Seconds(budget.Total));
            return Fill(new EnreachUnavailableException(EnreachErrorKind.Timeout,
                "The time budget of " + Seconds(budget.Total) + " for one Enreach operation was used up before " + request +
                " could be sent. Enreach is slow or unavailable; try again later."), request, null, attempts, budget.Elapsed);
        }

        /// <summary>The last attempt failed and there will be no other: <paramref name="why"/> says why not.</summary>
        public EnreachException GiveUp(EnreachFailure failure, string request, int attempts, EnreachBudget budget, string why)
        {
            var tries = attempts.ToString(CultureInfo.InvariantCulture) + (attempts == 1 ? " attempt" : " attempts");
            var spent = Seconds(budget.Elapsed);
            EnreachException e;
            switch (failure.Kind)
            {
                case EnreachErrorKind.RateLimited:
                    e = new EnreachRateLimitedException(
                        "Enreach kept answering 429 Too Many Requests to " + request + " (" + tries + " in " + spent + "; " + why +
                        "). Try again in a few minutes; if this persists, ask Enreach about the rate limit of the API user " + _settings.ApiUserName + ".")
                    { RetryAfter = failure.RetryAfter };
                    break;
                case EnreachErrorKind.Timeout:
                    e = new EnreachUnavailableException(EnreachErrorKind.Timeout,
                        "Enreach did not answer " + request + " in time (" + tries + " in " + spent + ", at most " + Seconds(_settings.RequestTimeout) +
                        " per request; " + why + "). The Enreach service is slow or unavailable; try again later.",
                        SafeInner(failure.Exception));
                    break;
                case EnreachErrorKind.Unreachable:
                    e = new EnreachUnavailableException(EnreachErrorKind.Unreachable,
                        "Could not reach the Enreach API for " + request + " (" + tries + " in " + spent + "; " + why + ")" + Said(": ", failure.Description, "") +
                        ". Check that the service is reachable" + (_settings.EndpointOverride != null
                            ? " and that the environment variable " + EnreachEnvironmentVariables.ApiEndpoint + " holds the right address."
                            : "; try again later."),
                        SafeInner(failure.Exception));
                    break;
                default:
                    e = new EnreachUnavailableException(EnreachErrorKind.Unavailable,
                        "Enreach answered " + failure.Description + " to " + request + " (" + tries + " in " + spent + "; " + why +
                        "). The Enreach service is unavailable; try again later.");
                    break;
            }
            return Fill(e, request, failure.StatusCode, attempts, budget.Elapsed);
        }

        /// <summary>Why the next attempt would not fit in the budget: the wait before it is too long.</summary>
        public static string WaitBeyondBudget(EnreachFailure failure, TimeSpan wait, EnreachBudget budget) =>
            (failure.RetryAfter != null ? "Enreach asked to wait " : "the next retry would be in ") + Seconds(wait) +
            ", beyond the time budget of " + Seconds(budget.Total) + " (" + Seconds(budget.Remaining) + " left)";

        // ---------------------------------------------------------------- traces

        /// <summary>A trace line; its arguments from outside must have gone through <see cref="Outside"/>.</summary>
        public void Trace(string format, params object[] args)
        {
            if (_trace == null) return;
            _trace(string.Format(CultureInfo.InvariantCulture, format, args));
        }

        // ---------------------------------------------------------------- what came from outside

        /// <summary>
        /// <paramref name="text"/> from outside, fit for a message: the Basic credentials and the secret masked, or,
        /// for a secret too short to tell apart from ordinary text, null when the text contains it.
        /// </summary>
        public string? Outside(string? text)
        {
            if (string.IsNullOrEmpty(text)) return text;
            var masked = text!.Replace(_credentials, Redacted);
            var secret = _settings.ApiSecret;
            if (secret.Length >= ShortestMaskableSecret) return masked.Replace(secret, Redacted);
            return masked.IndexOf(secret, StringComparison.Ordinal) < 0 ? masked : null;
        }

        /// <summary>What the exception and its inner ones say, for a message (from outside, so masked; null: left out).</summary>
        public string? Outside(Exception e)
        {
            var messages = new List<string>();
            for (var x = e; x != null; x = x.InnerException)
            {
                var message = x.Message.Trim().TrimEnd('.');
                if (message.Length > 0 && !messages.Contains(message)) messages.Add(message);
            }
            return Outside(messages.Count == 0 ? e.GetType().Name : string.Join(": ", messages));
        }

        /// <summary>Words (already through <see cref="Outside"/>) in their place in a message; nothing when they are empty or left out.</summary>
        private static string Said(string before, string? text, string after) => string.IsNullOrEmpty(text) ? "" : before + text + after;

        // ---------------------------------------------------------------- helpers

        /// <summary>"GET https://host/path?query", never with credentials.</summary>
        public static string Describe(Uri url) => url.GetComponents(UriComponents.SchemeAndServer | UriComponents.PathAndQuery, UriFormat.UriEscaped);

        public static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";

        private T Fill<T>(T e, string request, int? status, int attempts, TimeSpan elapsed) where T : EnreachException
        {
            e.Request = request;
            e.StatusCode = status;
            e.Attempts = attempts;
            e.Elapsed = elapsed;
            Trace("Enreach {0} failed: {1}", request, e.Message);
            return e;
        }

        /// <summary>The inner exception when its text does not contain the secret, else nothing.</summary>
        private Exception? SafeInner(Exception? e)
        {
            if (e == null) return null;
            string text;
            try
            {
                text = e.ToString();
            }
            catch (Exception)
            {
                return null;
            }
            return text.IndexOf(_settings.ApiSecret, StringComparison.Ordinal) >= 0 || text.IndexOf(_credentials, StringComparison.Ordinal) >= 0 ? null : e;
        }

    }
}
