using System;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace VoiceForD365.Core.Enreach
{
    /// <summary>
    /// HTTP to Enreach for <see cref="EnreachClient"/>: HTTP Basic authentication set on each request (never on the
    /// shared <see cref="HttpClient"/>), a time-out per attempt, and retries with exponential backoff on 429 and 5xx,
    /// honouring Retry-After, all within the operation's time budget. 401, 403, 404 and other statuses end the
    /// operation at once with their own error. Keeps no mutable state: one instance serves several threads at once.
    /// </summary>
    internal sealed class EnreachTransport
    {
        private const int MaxBodyInMessage = 200;

        private static readonly Lazy<HttpClient> SharedHttpClient = new Lazy<HttpClient>(CreateSharedHttpClient, LazyThreadSafetyMode.ExecutionAndPublication);

        private readonly EnreachSettings _settings;
        private readonly HttpClient _http;
        private readonly IEnreachClock _clock;
        private readonly EnreachErrors _errors;
        private readonly string _credentials;
        private readonly string _userAgent;

        public EnreachTransport(EnreachSettings settings, HttpClient http, IEnreachClock clock, EnreachErrors errors, string credentials)
        {
            _settings = settings;
            _http = http;
            _clock = clock;
            _errors = errors;
            _credentials = credentials;
            _userAgent = UserAgent();
        }

        /// <summary>The process-wide client of plug-ins and hosts.</summary>
        public static HttpClient Shared => SharedHttpClient.Value;

        /// <summary>The Basic credentials of the API user (what the Authorization header carries).</summary>
        public static string BasicCredentials(EnreachSettings settings) =>
            Convert.ToBase64String(Encoding.UTF8.GetBytes(settings.ApiUserName + ":" + settings.ApiSecret));

        /// <summary>A client on <paramref name="handler"/>, which it does not dispose; time-outs are the transport's.</summary>
        public static HttpClient On(HttpMessageHandler handler)
        {
            if (handler == null) throw new ArgumentNullException(nameof(handler));
            return new HttpClient(handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
        }

        /// <summary>
        /// <c>GET <paramref name="url"/></c> until Enreach answers 2xx (the body read in full), retrying what may pass
        /// later while the budget allows; throws the <see cref="EnreachException"/> of the failure otherwise.
        /// </summary>
        /// <param name="authenticate">Whether to send the API user's credentials (not to discovery, which is public).</param>
        /// <param name="notFoundMessage">The message of the error for a 404.</param>
        public Task<EnreachAnswer> GetAsync(Uri url, bool authenticate, string notFoundMessage, EnreachCall call) =>
            SendAsync(HttpMethod.Get, url, null, authenticate, notFoundMessage, call);

        /// <summary>
        /// <c>POST <paramref name="url"/></c> with a JSON body, retried like a GET: only for operations that are
        /// harmless to repeat (an attempt that timed out may still have been carried out).
        /// </summary>
        public Task<EnreachAnswer> PostIdempotentAsync(Uri url, string json, string notFoundMessage, EnreachCall call) =>
            SendAsync(HttpMethod.Post, url, json, authenticate: true, notFoundMessage, call);

        private async Task<EnreachAnswer> SendAsync(HttpMethod method, Uri url, string? json, bool authenticate, string notFoundMessage, EnreachCall call)
        {
            var request = method.Method + " " + EnreachErrors.Describe(url);
            var budget = call.Budget;
            EnreachFailure? last = null;
            for (var attempt = 1; ; attempt++)
            {
                var remaining = budget.Remaining;
                if (remaining <= TimeSpan.Zero)
                    throw _errors.BudgetExhausted(last, request, attempt - 1, budget);

                var timeout = remaining < _settings.RequestTimeout ? remaining : _settings.RequestTimeout;
                var started = _clock.Monotonic;
                HttpResponseMessage? response = null;
                EnreachFailure failure;
                using (var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(call.CancellationToken))
                {
                    timeoutSource.CancelAfter(timeout);
                    try
                    {
                        response = await SendOnceAsync(method, url, json, authenticate, call.Synchronous, timeoutSource.Token).ConfigureAwait(false);
                        failure = null!;
                    }
                    catch (OperationCanceledException) when (call.CancellationToken.IsCancellationRequested)
                    {
                        throw;
                    }
                    catch (OperationCanceledException e)
                    {
                        failure = EnreachFailure.TimedOut(timeout, e);
                    }
                    catch (HttpRequestException e)
                    {
                        failure = EnreachFailure.Unreachable(_errors.Outside(e), e);
                    }
                    catch (IOException e)
                    {
                        failure = EnreachFailure.Unreachable(_errors.Outside(e), e);
                    }
                    catch (WebException e)
                    {
                        failure = EnreachFailure.Unreachable(_errors.Outside(e), e);
                    }
                }

                var took = _clock.Monotonic - started;
                if (response != null)
                {
                    using (response)
                    {
                        var status = (int)response.StatusCode;
                        if (status >= 200 && status <= 299)
                        {
                            string body;
                            try
                            {
                                body = response.Content == null ? "" : await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                            }
                            catch (Exception e) when (e is InvalidOperationException || e is ArgumentException || e is DecoderFallbackException)
                            {
                                throw _errors.Unreadable(request, status, e, attempt, budget.Elapsed);
                            }
                            _errors.Trace("Enreach {0}: {1} in {2:0} ms (attempt {3}).", request, status, took.TotalMilliseconds, attempt);
                            return new EnreachAnswer(_errors, request, status, attempt, body, budget.Elapsed);
                        }

                        var body4xx = await ReadBodyForMessageAsync(response).ConfigureAwait(false);
                        _errors.Trace("Enreach {0}: {1} in {2:0} ms (attempt {3}).", request, status, took.TotalMilliseconds, attempt);
                        switch (status)
                        {
                            case 401:
                                throw _errors.Unauthorized(request, attempt, budget.Elapsed);
                            case 403:
                                throw _errors.Forbidden(request, attempt, budget.Elapsed);
                            case 404:
                                throw _errors.NotFound(notFoundMessage, request, status, attempt, budget.Elapsed);
                        }

                        if (status == 429)
                            failure = EnreachFailure.RateLimited(RetryAfter(response));
                        else if (status >= 500)
                            failure = EnreachFailure.ServerError(status, _errors.Outside(response.ReasonPhrase), RetryAfter(response));
                        else
                            throw _errors.UnexpectedStatus(request, status, response.ReasonPhrase, response.Headers.Location, body4xx, attempt, budget.Elapsed);
                    }
                }
                else
                {
                    _errors.Trace("Enreach {0}: {1} after {2:0} ms (attempt {3}).", request, failure.Description, took.TotalMilliseconds, attempt);
                }

                last = failure;
                if (attempt >= _settings.MaxAttempts)
                    throw _errors.GiveUp(failure, request, attempt, budget, "no attempt left of the " + _settings.MaxAttempts.ToString(CultureInfo.InvariantCulture) + " allowed");

                var wait = failure.RetryAfter ?? Backoff(attempt);
                if (wait >= budget.Remaining)
                    throw _errors.GiveUp(failure, request, attempt, budget, EnreachErrors.WaitBeyondBudget(failure, wait, budget));

                _errors.Trace("Enreach {0}: retrying in {1}{2} (attempt {3} of {4}, {5} of the budget left).",
                    request, EnreachErrors.Seconds(wait), failure.RetryAfter != null ? " as Retry-After asks" : "", attempt + 1, _settings.MaxAttempts, EnreachErrors.Seconds(budget.Remaining));
                if (call.Synchronous) _clock.Sleep(wait, call.CancellationToken);
                else await _clock.DelayAsync(wait, call.CancellationToken).ConfigureAwait(false);
            }
        }

        // On net10.0 the synchronous path sends with HttpClient.Send, so the caller's thread does the work: no
        // thread-pool starvation when many threads call at once. net462 has no synchronous Send; there the awaits never
        // resume on a captured context (ConfigureAwait(false)), so blocking on them cannot deadlock. Either way the
        // answer comes back with its body read in full, within the attempt's time-out.
        private async Task<HttpResponseMessage> SendOnceAsync(HttpMethod method, Uri url, string? json, bool authenticate, bool synchronous, CancellationToken cancellationToken)
        {
#if !NETFRAMEWORK
            if (synchronous)
            {
                try
                {
                    using (var message = CreateRequest(method, url, json, authenticate))
                        return _http.Send(message, HttpCompletionOption.ResponseContentRead, cancellationToken);
                }
                catch (NotSupportedException)
                {
                    // An injected handler without a synchronous Send: use its asynchronous one.
                }
            }
#endif
            using (var message = CreateRequest(method, url, json, authenticate))
                return await _http.SendAsync(message, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        }


        private HttpRequestMessage CreateRequest(HttpMethod method, Uri url, string? json, bool authenticate)
        {
            var message = new HttpRequestMessage(method, url);
            if (json != null) message.Content = new StringContent(json, Encoding.UTF8, "application/json");
            message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            message.Headers.TryAddWithoutValidation("User-Agent", _userAgent);
            // Per request, never on the (shared) HttpClient's default headers.
            if (authenticate) message.Headers.Authorization = new AuthenticationHeaderValue("Basic", _credentials);
#if NETFRAMEWORK
            // In the Dataverse sandbox, no keep-alive connection to an external host (Microsoft's plug-in guidance).
            message.Headers.ConnectionClose = true;
#endif
            return message;
        }

        private static string UserAgent()
        {
            // Assembly.FullName, not GetName(): GetName may demand file permissions the sandbox does not grant.
            var name = typeof(EnreachTransport).Assembly.FullName ?? "";
            const string marker = "Version=";
            var start = name.IndexOf(marker, StringComparison.Ordinal);
            if (start < 0) return "VoiceForD365";
            start += marker.Length;
            var end = name.IndexOf(',', start);
            return "VoiceForD365/" + (end < 0 ? name.Substring(start) : name.Substring(start, end - start));
        }

        private TimeSpan Backoff(int attempt)
        {
            var ticks = _settings.InitialBackoff.Ticks;
            for (var i = 1; i < attempt && ticks < _settings.MaxBackoff.Ticks; i++) ticks *= 2;
            return ticks > _settings.MaxBackoff.Ticks ? _settings.MaxBackoff : TimeSpan.FromTicks(ticks);
        }

        /// <summary>
        /// The wait Retry-After asks for; null when it asks for none (absent, zero, or a date already past), so the
        /// normal backoff applies instead of retrying at once.
        /// </summary>
        private TimeSpan? RetryAfter(HttpResponseMessage response)
        {
            var header = response.Headers.RetryAfter;
            var wait = header?.Delta ?? (header?.Date != null ? header.Date.Value - _clock.UtcNow : (TimeSpan?)null);
            return wait > TimeSpan.Zero ? wait : null;
        }

        private static async Task<string> ReadBodyForMessageAsync(HttpResponseMessage response)
        {
            try
            {
                if (response.Content == null) return "";
                var text = (await response.Content.ReadAsStringAsync().ConfigureAwait(false)).Trim();
                var sb = new StringBuilder(Math.Min(text.Length, MaxBodyInMessage));
                foreach (var c in text)
                {
                    if (sb.Length >= MaxBodyInMessage) { sb.Append('…'); break; }
                    sb.Append(char.IsControl(c) ? ' ' : c);
                }
                return sb.ToString();
            }
            catch (Exception e) when (e is InvalidOperationException || e is ArgumentException || e is DecoderFallbackException)
            {
                return "";
            }
        }

        private static HttpClient CreateSharedHttpClient()
        {
#if NETFRAMEWORK
            var handler = new HttpClientHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false,
                UseDefaultCredentials = false,
                AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
            };
#else
            var handler = new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false,
                AutomaticDecompression = DecompressionMethods.All,
                // Long-running hosts pick up DNS changes of the Enreach endpoints.
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                // An answer given up at its time-out closes its connection at once instead of draining it for reuse
                // (2 s by default), which would keep a synchronous caller past the budget.
                ResponseDrainTimeout = TimeSpan.Zero,
            };
#endif
            // Time-outs are per attempt (EnreachSettings.RequestTimeout and the budget), not per client.
            return new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        }
    }
}
