using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using VoiceForD365.Core.Enreach.Contracts;

namespace VoiceForD365.Core.Enreach
{
    /// <summary>The Enreach API as Voice for D365 uses it (so logic can be tested with a substitute).</summary>
    public interface IEnreachClient
    {
        /// <summary>Every Enreach user (<c>GET /users</c>).</summary>
        IReadOnlyList<EnreachUser> GetUsers();

        Task<IReadOnlyList<EnreachUser>> GetUsersAsync(CancellationToken cancellationToken = default);

        /// <summary>One Enreach user (<c>GET /users/{id}</c>); <see cref="EnreachNotFoundException"/> when there is none.</summary>
        EnreachUser GetUser(Guid id);

        Task<EnreachUser> GetUserAsync(Guid id, CancellationToken cancellationToken = default);

        /// <summary>The API user itself (<c>GET /users/me</c>).</summary>
        EnreachUser GetCurrentUser();

        Task<EnreachUser> GetCurrentUserAsync(CancellationToken cancellationToken = default);
    }

    /// <summary>
    /// Client of the Enreach REST API, and the one place that knows its endpoints (SPEC §3). Runs in the Dataverse
    /// sandbox (net462) and in net10.0 hosts:
    /// <list type="bullet">
    /// <item>the API endpoint is discovered from the API user's email (<c>GET {discovery}/api/user?user=</c>), unless
    /// <see cref="EnreachSettings.EndpointOverride"/> is set; discovered endpoints are cached thread-safely;</item>
    /// <item>HTTP Basic authentication with the API user's email and secret, set on each request (never on the shared
    /// <see cref="HttpClient"/>);</item>
    /// <item>a timeout per request and retries with exponential backoff on 429 and 5xx, honouring Retry-After, all
    /// within <see cref="EnreachSettings.TotalBudget"/> per operation;</item>
    /// <item>a distinct <see cref="EnreachException"/> per failure, whose message an administrator can act on and
    /// which never contains the secret.</item>
    /// </list>
    /// The client keeps no mutable state: one instance may be used by several threads at once. The synchronous methods
    /// (for plug-ins) do their work on the calling thread where the platform allows it (net10.0: HttpClient.Send) and
    /// otherwise (net462) block on awaits that never resume on a captured context, so they cannot deadlock.
    /// </summary>
    public sealed class EnreachClient : IEnreachClient
    {
        // Every Enreach endpoint Voice for D365 calls (relative to the discovery URL or to the API endpoint).
        private const string DiscoveryPath = "api/user?user=";
        private const string UsersPath = "users";
        private const string UserPathPrefix = "users/";
        private const string CurrentUserPath = "users/me";

        private const string Redacted = "***";
        private const int MaxBodyInMessage = 200;

        private static readonly Lazy<HttpClient> SharedHttpClient = new Lazy<HttpClient>(CreateSharedHttpClient, LazyThreadSafetyMode.ExecutionAndPublication);

        private readonly EnreachSettings _settings;
        private readonly HttpClient _http;
        private readonly IEnreachClock _clock;
        private readonly Action<string>? _trace;
        private readonly EnreachDiscoveryCache _discoveryCache;
        private readonly string _authorization;
        private readonly string _userAgent;

        /// <summary>A client on the process-wide shared <see cref="HttpClient"/> (what plug-ins and hosts use).</summary>
        /// <param name="settings">Copied and validated (<see cref="EnreachConfigurationException"/> when unusable).</param>
        /// <param name="trace">Receives one line per attempt, retry and failure (e.g. the plug-in trace); never the secret.</param>
        public EnreachClient(EnreachSettings settings, Action<string>? trace = null)
            : this(settings, SharedHttpClient.Value, trace, null, null)
        {
        }

        /// <summary>A client on the given handler (tests, custom proxies). The handler is not disposed by the client.</summary>
        public EnreachClient(EnreachSettings settings, HttpMessageHandler handler, Action<string>? trace = null, IEnreachClock? clock = null, EnreachDiscoveryCache? discoveryCache = null)
            : this(settings, CreateHttpClient(handler), trace, clock, discoveryCache)
        {
        }

        /// <summary>
        /// A client on the given <see cref="HttpClient"/>, which must be safe to share (no per-request default headers
        /// needed). Its own <see cref="HttpClient.Timeout"/> still applies on top of <see cref="EnreachSettings.RequestTimeout"/>.
        /// </summary>
        public EnreachClient(EnreachSettings settings, HttpClient httpClient, Action<string>? trace = null, IEnreachClock? clock = null, EnreachDiscoveryCache? discoveryCache = null)
        {
            if (settings == null) throw new ArgumentNullException(nameof(settings));
            _http = httpClient ?? throw new ArgumentNullException(nameof(httpClient));
            _settings = settings.Clone();
            _settings.ApiUserName = (_settings.ApiUserName ?? "").Trim();
            _settings.Validate();
            _clock = clock ?? SystemEnreachClock.Instance;
            _trace = trace;
            _discoveryCache = discoveryCache ?? EnreachDiscoveryCache.Shared;
            _authorization = Convert.ToBase64String(Encoding.UTF8.GetBytes(_settings.ApiUserName + ":" + _settings.ApiSecret));
            _userAgent = UserAgent();
        }

        /// <summary>The API user the client authenticates as (its email; the secret is never exposed).</summary>
        public string ApiUserName => _settings.ApiUserName;

        // ---------------------------------------------------------------- users

        public IReadOnlyList<EnreachUser> GetUsers() => GetUsersCore(true, CancellationToken.None).GetAwaiter().GetResult();

        public Task<IReadOnlyList<EnreachUser>> GetUsersAsync(CancellationToken cancellationToken = default) => GetUsersCore(false, cancellationToken);

        private async Task<IReadOnlyList<EnreachUser>> GetUsersCore(bool synchronous, CancellationToken cancellationToken)
        {
            var budget = new Budget(_clock, _settings.TotalBudget);
            var answer = await GetApiAsync(UsersPath, "the users list", budget, synchronous, cancellationToken).ConfigureAwait(false);
            var contracts = EnreachJson.ReadArray<EnreachUserContract>(answer.Body, "a JSON array of users", UserNumber, (detail, e) => Malformed(answer, detail, e));
            var users = new List<EnreachUser>(contracts.Count);
            for (var i = 0; i < contracts.Count; i++)
                users.Add(ToUser(answer, contracts[i], UserNumber(i + 1)));
            Trace("Enreach returned {0} users ({1} ms).", users.Count, budget.Elapsed.TotalMilliseconds);
            return users;
        }

        public EnreachUser GetUser(Guid id) => GetUserCore(id, true, CancellationToken.None).GetAwaiter().GetResult();

        public Task<EnreachUser> GetUserAsync(Guid id, CancellationToken cancellationToken = default) => GetUserCore(id, false, cancellationToken);

        private async Task<EnreachUser> GetUserCore(Guid id, bool synchronous, CancellationToken cancellationToken)
        {
            var budget = new Budget(_clock, _settings.TotalBudget);
            var path = UserPathPrefix + id.ToString("D", CultureInfo.InvariantCulture);
            var answer = await GetApiAsync(path, "the user " + id.ToString("D", CultureInfo.InvariantCulture), budget, synchronous, cancellationToken).ConfigureAwait(false);
            return ReadUser(answer, "the user");
        }

        public EnreachUser GetCurrentUser() => GetCurrentUserCore(true, CancellationToken.None).GetAwaiter().GetResult();

        public Task<EnreachUser> GetCurrentUserAsync(CancellationToken cancellationToken = default) => GetCurrentUserCore(false, cancellationToken);

        private async Task<EnreachUser> GetCurrentUserCore(bool synchronous, CancellationToken cancellationToken)
        {
            var budget = new Budget(_clock, _settings.TotalBudget);
            var answer = await GetApiAsync(CurrentUserPath, "the API user " + _settings.ApiUserName, budget, synchronous, cancellationToken).ConfigureAwait(false);
            return ReadUser(answer, "the API user");
        }

        // ---------------------------------------------------------------- endpoint

        /// <summary>The API endpoint requests go to: the override, else the (cached) discovered one.</summary>
        public Uri ResolveEndpoint() => ResolveEndpointCore(new Budget(_clock, _settings.TotalBudget), true, CancellationToken.None).GetAwaiter().GetResult();

        public Task<Uri> ResolveEndpointAsync(CancellationToken cancellationToken = default) =>
            ResolveEndpointCore(new Budget(_clock, _settings.TotalBudget), false, cancellationToken);

        private async Task<Uri> ResolveEndpointCore(Budget budget, bool synchronous, CancellationToken cancellationToken)
        {
            if (_settings.EndpointOverride != null) return WithTrailingSlash(_settings.EndpointOverride);
            if (_discoveryCache.TryGet(_settings.DiscoveryUrl, _settings.ApiUserName, _clock.UtcNow, out var cached)) return cached;

            var url = new Uri(WithTrailingSlash(_settings.DiscoveryUrl), DiscoveryPath + Uri.EscapeDataString(_settings.ApiUserName));
            var notFound = "Enreach discovery (" + _settings.DiscoveryUrl.Host + ") knows no API endpoint for the API user " + _settings.ApiUserName +
                ". Check the environment variable " + EnreachEnvironmentVariables.ApiUserName + " (the API user's email), or set " +
                EnreachEnvironmentVariables.ApiEndpoint + " to the API endpoint Enreach gave you.";
            // Discovery is public: the credentials are not sent there.
            var answer = await SendAsync(url, authenticate: false, notFound, budget, synchronous, cancellationToken).ConfigureAwait(false);
            var entries = EnreachJson.ReadArray<EnreachDiscoveryEntryContract>(answer.Body, "a JSON array from discovery",
                n => "entry #" + n.ToString(CultureInfo.InvariantCulture) + " of the discovery answer", (detail, e) => Malformed(answer, detail, e));
            if (entries.Count == 0)
                throw Fill(new EnreachNotFoundException(Scrub(notFound)), answer.Request, answer.StatusCode, answer.Attempts, budget.Elapsed);
            var endpointText = entries[0].AnyApiEndpoint;
            if (endpointText == null)
                throw Malformed(answer, "the first entry of the discovery answer has no apiEndpoint string.");
            if (!Uri.TryCreate(endpointText, UriKind.Absolute, out var endpoint))
                throw Malformed(answer, "the apiEndpoint of the discovery answer is not an absolute URL.");
            var problem = EnreachSettings.CheckBaseUrl(endpoint);
            if (problem != null)
                throw Malformed(answer, "the apiEndpoint of the discovery answer (" + endpoint.GetLeftPart(UriPartial.Authority) + ") " + problem + ".");

            endpoint = WithTrailingSlash(endpoint);
            _discoveryCache.Set(_settings.DiscoveryUrl, _settings.ApiUserName, endpoint, _clock.UtcNow);
            Trace("Enreach API endpoint of {0}: {1} (discovered).", _settings.ApiUserName, endpoint);
            return endpoint;
        }

        private async Task<Answer> GetApiAsync(string relativePath, string what, Budget budget, bool synchronous, CancellationToken cancellationToken)
        {
            var endpoint = await ResolveEndpointCore(budget, synchronous, cancellationToken).ConfigureAwait(false);
            var url = new Uri(endpoint, relativePath);
            var notFound = "Enreach has no " + what + " (404 Not Found on GET " + Describe(url) + ")." +
                (_settings.EndpointOverride != null ? " Check the environment variable " + EnreachEnvironmentVariables.ApiEndpoint + "." : "");
            try
            {
                return await SendAsync(url, authenticate: true, notFound, budget, synchronous, cancellationToken).ConfigureAwait(false);
            }
            catch (EnreachUnavailableException e) when (e.Kind == EnreachErrorKind.Unreachable && _settings.EndpointOverride == null)
            {
                // The endpoint may have moved: discover it again next time.
                _discoveryCache.Invalidate(_settings.DiscoveryUrl, _settings.ApiUserName);
                throw;
            }
        }

        // ---------------------------------------------------------------- HTTP with retries

        // With synchronous set (the synchronous public methods), every step completes before it returns on net10.0
        // (HttpClient.Send, a blocking wait), so the caller's thread does the work and needs no thread-pool thread to
        // finish it: no starvation when many threads call at once. net462 has no synchronous HttpClient.Send; there the
        // awaits never resume on a captured context (ConfigureAwait(false)), so blocking on them cannot deadlock.
        private async Task<Answer> SendAsync(Uri url, bool authenticate, string notFoundMessage, Budget budget, bool synchronous, CancellationToken cancellationToken)
        {
            var request = "GET " + Describe(url);
            Failure? last = null;
            for (var attempt = 1; ; attempt++)
            {
                var remaining = budget.Remaining;
                if (remaining <= TimeSpan.Zero)
                    throw BudgetExhausted(last, request, attempt - 1, budget);

                var timeout = remaining < _settings.RequestTimeout ? remaining : _settings.RequestTimeout;
                var started = _clock.Monotonic;
                HttpResponseMessage? response = null;
                Failure failure;
                using (var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
                {
                    timeoutSource.CancelAfter(timeout);
                    try
                    {
                        response = await SendOnceAsync(url, authenticate, synchronous, timeoutSource.Token).ConfigureAwait(false);
                        failure = null!;
                    }
                    catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                    {
                        throw;
                    }
                    catch (OperationCanceledException e)
                    {
                        failure = Failure.TimedOut(timeout, e);
                    }
                    catch (HttpRequestException e)
                    {
                        failure = Failure.Unreachable(e);
                    }
                    catch (IOException e)
                    {
                        failure = Failure.Unreachable(e);
                    }
                    catch (WebException e)
                    {
                        failure = Failure.Unreachable(e);
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
                                throw Fill(
                                    new EnreachMalformedResponseException(
                                        Scrub("Enreach's answer to " + request + " could not be read as text (" + e.Message + ")."), SafeInner(e)),
                                    request, status, attempt, budget.Elapsed);
                            }
                            Trace("Enreach {0}: {1} in {2:0} ms (attempt {3}).", request, status, took.TotalMilliseconds, attempt);
                            return new Answer(request, status, attempt, body, budget.Elapsed);
                        }

                        var body4xx = await ReadBodyForMessageAsync(response).ConfigureAwait(false);
                        Trace("Enreach {0}: {1} in {2:0} ms (attempt {3}).", request, status, took.TotalMilliseconds, attempt);
                        switch (status)
                        {
                            case 401:
                                throw Fill(new EnreachCredentialsException(Scrub(
                                    "Enreach rejected the credentials of the API user " + _settings.ApiUserName + " (401 Unauthorized on " + request + "). Check the environment variables " +
                                    EnreachEnvironmentVariables.ApiUserName + " and " + EnreachEnvironmentVariables.ApiSecret + " (the secret may have been renewed).")),
                                    request, status, attempt, budget.Elapsed);
                            case 403:
                                throw Fill(new EnreachCredentialsException(Scrub(
                                    "Enreach refused the API user " + _settings.ApiUserName + " access to " + request + " (403 Forbidden). Ask Enreach to grant the API user the rights Voice for D365 needs, or check the environment variable " +
                                    EnreachEnvironmentVariables.ApiUserName + ".")),
                                    request, status, attempt, budget.Elapsed);
                            case 404:
                                throw Fill(new EnreachNotFoundException(Scrub(notFoundMessage)), request, status, attempt, budget.Elapsed);
                        }

                        if (status == 429)
                            failure = Failure.RateLimited(RetryAfter(response));
                        else if (status >= 500)
                            failure = Failure.ServerError(status, response.ReasonPhrase, RetryAfter(response));
                        else
                        {
                            var location = response.Headers.Location;
                            throw Fill(new EnreachException(Scrub(
                                "Enreach answered " + status.ToString(CultureInfo.InvariantCulture) + " " + response.ReasonPhrase + " to " + request +
                                (location != null ? " (redirect to " + (location.IsAbsoluteUri ? location.GetLeftPart(UriPartial.Path) : location.OriginalString) + ")" : "") +
                                ", which Voice for D365 does not expect" + (body4xx.Length > 0 ? ": " + body4xx : ".") +
                                " Check the environment variable " + EnreachEnvironmentVariables.ApiEndpoint + " if it is set; otherwise report this to the Voice for D365 maintainers.")),
                                request, status, attempt, budget.Elapsed);
                        }
                    }
                }
                else
                {
                    Trace("Enreach {0}: {1} after {2:0} ms (attempt {3}).", request, failure.Describe(), took.TotalMilliseconds, attempt);
                }

                last = failure;
                if (attempt >= _settings.MaxAttempts)
                    throw GiveUp(failure, request, attempt, budget, "no attempt left of the " + _settings.MaxAttempts.ToString(CultureInfo.InvariantCulture) + " allowed");

                var wait = failure.RetryAfter ?? Backoff(attempt);
                if (wait >= budget.Remaining)
                {
                    throw GiveUp(failure, request, attempt, budget,
                        (failure.RetryAfter != null ? "Enreach asked to wait " : "the next retry would be in ") + Seconds(wait) +
                        ", beyond the time budget of " + Seconds(_settings.TotalBudget) + " (" + Seconds(budget.Remaining) + " left)");
                }

                Trace("Enreach {0}: retrying in {1}{2} (attempt {3} of {4}, {5} of the budget left).",
                    request, Seconds(wait), failure.RetryAfter != null ? " as Retry-After asks" : "", attempt + 1, _settings.MaxAttempts, Seconds(budget.Remaining));
                if (synchronous) _clock.Sleep(wait, cancellationToken);
                else await _clock.DelayAsync(wait, cancellationToken).ConfigureAwait(false);
            }
        }

        private async Task<HttpResponseMessage> SendOnceAsync(Uri url, bool authenticate, bool synchronous, CancellationToken cancellationToken)
        {
#if !NETFRAMEWORK
            if (synchronous)
            {
                try
                {
                    using (var message = CreateRequest(url, authenticate))
                        return _http.Send(message, HttpCompletionOption.ResponseContentRead, cancellationToken);
                }
                catch (NotSupportedException)
                {
                    // An injected handler without a synchronous Send: use its asynchronous one.
                }
            }
#endif
            using (var message = CreateRequest(url, authenticate))
                return await _http.SendAsync(message, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        }

        private HttpRequestMessage CreateRequest(Uri url, bool authenticate)
        {
            var message = new HttpRequestMessage(HttpMethod.Get, url);
            message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            message.Headers.TryAddWithoutValidation("User-Agent", _userAgent);
            // Per request, never on the (shared) HttpClient's default headers.
            if (authenticate) message.Headers.Authorization = new AuthenticationHeaderValue("Basic", _authorization);
#if NETFRAMEWORK
            // In the Dataverse sandbox, no keep-alive connection to an external host (Microsoft's plug-in guidance).
            message.Headers.ConnectionClose = true;
#endif
            return message;
        }

        private static string UserAgent()
        {
            // Assembly.FullName, not GetName(): GetName may demand file permissions the sandbox does not grant.
            var name = typeof(EnreachClient).Assembly.FullName ?? "";
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

        private TimeSpan? RetryAfter(HttpResponseMessage response)
        {
            var header = response.Headers.RetryAfter;
            if (header == null) return null;
            if (header.Delta != null) return header.Delta.Value < TimeSpan.Zero ? TimeSpan.Zero : header.Delta.Value;
            if (header.Date != null)
            {
                var wait = header.Date.Value - _clock.UtcNow;
                return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
            }
            return null;
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

        // ---------------------------------------------------------------- failures

        private EnreachException BudgetExhausted(Failure? last, string request, int attempts, Budget budget)
        {
            if (last != null)
                return GiveUp(last, request, attempts, budget, "within the time budget of " + Seconds(_settings.TotalBudget));
            return Fill(new EnreachUnavailableException(EnreachErrorKind.Timeout, Scrub(
                "The time budget of " + Seconds(_settings.TotalBudget) + " for one Enreach operation was used up before " + request +
                " could be sent. Enreach is slow or unavailable; try again later.")), request, null, attempts, budget.Elapsed);
        }

        private EnreachException GiveUp(Failure failure, string request, int attempts, Budget budget, string why)
        {
            var tries = attempts.ToString(CultureInfo.InvariantCulture) + (attempts == 1 ? " attempt" : " attempts");
            var spent = Seconds(budget.Elapsed);
            EnreachException e;
            switch (failure.Kind)
            {
                case EnreachErrorKind.RateLimited:
                    e = new EnreachRateLimitedException(Scrub(
                        "Enreach kept answering 429 Too Many Requests to " + request + " (" + tries + " in " + spent + "; " + why +
                        "). Try again in a few minutes; if this persists, ask Enreach about the rate limit of the API user " + _settings.ApiUserName + "."))
                    { RetryAfter = failure.RetryAfter };
                    break;
                case EnreachErrorKind.Timeout:
                    e = new EnreachUnavailableException(EnreachErrorKind.Timeout, Scrub(
                        "Enreach did not answer " + request + " in time (" + tries + " in " + spent + ", at most " + Seconds(_settings.RequestTimeout) +
                        " per request; " + why + "). The Enreach service is slow or unavailable; try again later."),
                        SafeInner(failure.Exception));
                    break;
                case EnreachErrorKind.Unreachable:
                    e = new EnreachUnavailableException(EnreachErrorKind.Unreachable, Scrub(
                        "Could not reach the Enreach API for " + request + " (" + tries + " in " + spent + "; " + why + "): " + failure.Describe() +
                        ". Check that the service is reachable" + (_settings.EndpointOverride != null
                            ? " and that the environment variable " + EnreachEnvironmentVariables.ApiEndpoint + " holds the right address."
                            : "; try again later.")),
                        SafeInner(failure.Exception));
                    break;
                default:
                    e = new EnreachUnavailableException(EnreachErrorKind.Unavailable, Scrub(
                        "Enreach answered " + failure.Describe() + " to " + request + " (" + tries + " in " + spent + "; " + why +
                        "). The Enreach service is unavailable; try again later."));
                    break;
            }
            return Fill(e, request, failure.StatusCode, attempts, budget.Elapsed);
        }

        private EnreachMalformedResponseException Malformed(Answer answer, string detail, Exception? inner = null) =>
            Fill(new EnreachMalformedResponseException(
                Scrub("Enreach's answer to " + answer.Request + " is not what Voice for D365 expects: " + detail +
                      " Check the environment variable " + EnreachEnvironmentVariables.ApiEndpoint + " if it is set; otherwise report this to the Voice for D365 maintainers."),
                SafeInner(inner)), answer.Request, answer.StatusCode, answer.Attempts, answer.Elapsed);

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
            return text.IndexOf(_settings.ApiSecret, StringComparison.Ordinal) >= 0 || text.IndexOf(_authorization, StringComparison.Ordinal) >= 0 ? null : e;
        }

        private string Scrub(string text) =>
            text.Replace(_authorization, Redacted).Replace(_settings.ApiSecret, Redacted);

        // ---------------------------------------------------------------- parsing

        private EnreachUser ReadUser(Answer answer, string which) =>
            ToUser(answer, EnreachJson.ReadObject<EnreachUserContract>(answer.Body, which, (detail, e) => Malformed(answer, detail, e)), which);

        private EnreachUser ToUser(Answer answer, EnreachUserContract user, string which)
        {
            var id = user.AnyId;
            if (id == null)
                throw Malformed(answer, which + " has no Id string.");
            if (!Guid.TryParse(id, out var guid))
                throw Malformed(answer, which + " has an Id that is not a GUID.");
            var userName = user.AnyUserName;
            if (userName == null)
                throw Malformed(answer, which + " (Id " + guid.ToString("D", CultureInfo.InvariantCulture) + ") has no UserName string.");
            return new EnreachUser(guid, userName, user.AnyFirstName, user.AnyLastName);
        }

        private static string UserNumber(int position) => "user #" + position.ToString(CultureInfo.InvariantCulture);

        // ---------------------------------------------------------------- helpers

        private void Trace(string format, params object[] args)
        {
            if (_trace == null) return;
            _trace(Scrub(string.Format(CultureInfo.InvariantCulture, format, args)));
        }

        private static string Describe(Uri url) => url.GetComponents(UriComponents.SchemeAndServer | UriComponents.PathAndQuery, UriFormat.UriEscaped);

        private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";

        private static Uri WithTrailingSlash(Uri url) =>
            url.AbsolutePath.EndsWith("/", StringComparison.Ordinal) ? url : new Uri(url.GetLeftPart(UriPartial.Path) + "/");

        private static HttpClient CreateHttpClient(HttpMessageHandler handler)
        {
            if (handler == null) throw new ArgumentNullException(nameof(handler));
            return new HttpClient(handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
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
            };
#endif
            // Timeouts are per request (EnreachSettings.RequestTimeout and the budget), not per client.
            return new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        }

        private sealed class Budget
        {
            private readonly IEnreachClock _clock;
            private readonly TimeSpan _start;
            private readonly TimeSpan _total;

            public Budget(IEnreachClock clock, TimeSpan total)
            {
                _clock = clock;
                _start = clock.Monotonic;
                _total = total;
            }

            public TimeSpan Elapsed => _clock.Monotonic - _start;

            public TimeSpan Remaining => _total - Elapsed;
        }

        private sealed class Answer
        {
            public Answer(string request, int statusCode, int attempts, string body, TimeSpan elapsed)
            {
                Elapsed = elapsed;
                Request = request;
                StatusCode = statusCode;
                Attempts = attempts;
                Body = body;
            }

            public string Request { get; }

            public int StatusCode { get; }

            public int Attempts { get; }

            public string Body { get; }

            public TimeSpan Elapsed { get; }
        }

        private sealed class Failure
        {
            private Failure(EnreachErrorKind kind, int? statusCode, string description, TimeSpan? retryAfter, Exception? exception)
            {
                Kind = kind;
                StatusCode = statusCode;
                Description = description;
                RetryAfter = retryAfter;
                Exception = exception;
            }

            public EnreachErrorKind Kind { get; }

            public int? StatusCode { get; }

            public string Description { get; }

            public TimeSpan? RetryAfter { get; }

            public Exception? Exception { get; }

            public static Failure TimedOut(TimeSpan timeout, Exception e) =>
                new Failure(EnreachErrorKind.Timeout, null, "no answer within " + Seconds(timeout), null, e);

            public static Failure Unreachable(Exception e) =>
                new Failure(EnreachErrorKind.Unreachable, null, Innermost(e), null, e);

            public static Failure RateLimited(TimeSpan? retryAfter) =>
                new Failure(EnreachErrorKind.RateLimited, 429, "429 Too Many Requests", retryAfter, null);

            public static Failure ServerError(int status, string? reason, TimeSpan? retryAfter) =>
                new Failure(EnreachErrorKind.Unavailable, status, status.ToString(CultureInfo.InvariantCulture) + (string.IsNullOrEmpty(reason) ? "" : " " + reason), retryAfter, null);

            public string Describe() => Description;

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
}
