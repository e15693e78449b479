using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using VoiceForD365.Core.Enreach.Contracts;

namespace VoiceForD365.Core.Enreach
{
    /// <summary>
    /// Client of the Enreach REST API, and the one place that knows its endpoints (SPEC §3): each one is a pair of
    /// methods here (synchronous for the sandbox, asynchronous for hosts) that asks <see cref="EnreachTransport"/> for
    /// the answer and reads it into its data contract (<c>Contracts/</c>). Runs in the Dataverse sandbox (net462) and
    /// in net10.0 hosts:
    /// <list type="bullet">
    /// <item>the API endpoint is discovered from the API user's email (<c>GET {discovery}/api/user?user=</c>), unless
    /// <see cref="EnreachSettings.EndpointOverride"/> is set; discovered endpoints are cached thread-safely;</item>
    /// <item>every operation (discovery included) fits in <see cref="EnreachSettings.TotalBudget"/>: the transport's
    /// attempts, time-outs and waits;</item>
    /// <item>a distinct <see cref="EnreachException"/> per failure (<see cref="EnreachErrors"/>), whose message an
    /// administrator can act on and which never contains the secret.</item>
    /// </list>
    /// The client keeps no mutable state: one instance may be used by several threads at once. The synchronous methods
    /// do their work on the calling thread where the platform allows it (net10.0: HttpClient.Send) and otherwise
    /// (net462) block on awaits that never resume on a captured context, so they cannot deadlock.
    /// </summary>
    public sealed class EnreachClient : IEnreachClient
    {
        // Every Enreach endpoint Voice for D365 calls (relative to the discovery URL or to the API endpoint).
        private const string DiscoveryPath = "api/user?user=";
        private const string UsersPath = "users";
        private const string UserPathPrefix = "users/";
        private const string CurrentUserPath = "users/me";
        private const string UserCallsPath = "calls";
        private const string ServiceCallsPath = "servicecall";

        private readonly EnreachSettings _settings;
        private readonly IEnreachClock _clock;
        private readonly EnreachDiscoveryCache _discoveryCache;
        private readonly EnreachErrors _errors;
        private readonly EnreachTransport _transport;

        /// <summary>A client on the process-wide shared <see cref="HttpClient"/> (what plug-ins and hosts use).</summary>
        /// <param name="settings">Copied and validated (<see cref="EnreachConfigurationException"/> when unusable).</param>
        /// <param name="trace">Receives one line per attempt, retry and failure (e.g. the plug-in trace); never the secret.</param>
        public EnreachClient(EnreachSettings settings, Action<string>? trace = null)
            : this(settings, EnreachTransport.Shared, trace, null, null)
        {
        }

        /// <summary>
        /// A client on the given handler (tests, custom proxies). The handler is not disposed by the client. An answer
        /// given up at its time-out is disposed; a SocketsHttpHandler drains it first for its ResponseDrainTimeout (2 s
        /// by default, zero on the shared client), which a synchronous caller waits for.
        /// </summary>
        public EnreachClient(EnreachSettings settings, HttpMessageHandler handler, Action<string>? trace = null, IEnreachClock? clock = null, EnreachDiscoveryCache? discoveryCache = null)
            : this(settings, EnreachTransport.On(handler), trace, clock, discoveryCache)
        {
        }

        /// <summary>
        /// A client on the given <see cref="HttpClient"/>, which must be safe to share (no per-request default headers
        /// needed). Its own <see cref="HttpClient.Timeout"/> still applies on top of <see cref="EnreachSettings.RequestTimeout"/>.
        /// </summary>
        public EnreachClient(EnreachSettings settings, HttpClient httpClient, Action<string>? trace = null, IEnreachClock? clock = null, EnreachDiscoveryCache? discoveryCache = null)
        {
            if (settings == null) throw new ArgumentNullException(nameof(settings));
            if (httpClient == null) throw new ArgumentNullException(nameof(httpClient));
            _settings = settings.Clone();
            _settings.ApiUserName = (_settings.ApiUserName ?? "").Trim();
            _settings.Validate();
            _clock = clock ?? SystemEnreachClock.Instance;
            _discoveryCache = discoveryCache ?? EnreachDiscoveryCache.Shared;
            var credentials = EnreachTransport.BasicCredentials(_settings);
            _errors = new EnreachErrors(_settings, credentials, trace);
            _transport = new EnreachTransport(_settings, httpClient, _clock, _errors, credentials);
        }

        /// <summary>The API user the client authenticates as (its email; the secret is never exposed).</summary>
        public string ApiUserName => _settings.ApiUserName;

        // ---------------------------------------------------------------- users

        public IReadOnlyList<EnreachUser> GetUsers() => Synchronously(GetUsersCore);

        public Task<IReadOnlyList<EnreachUser>> GetUsersAsync(CancellationToken cancellationToken = default) => GetUsersCore(Start(cancellationToken));

        private async Task<IReadOnlyList<EnreachUser>> GetUsersCore(EnreachCall call)
        {
            var answer = await GetApiAsync(UsersPath, "the users list", call).ConfigureAwait(false);
            var contracts = answer.ReadArray<EnreachUserContract>("a JSON array of users", UserNumber);
            var users = new List<EnreachUser>(contracts.Count);
            for (var i = 0; i < contracts.Count; i++)
                users.Add(ToUser(answer, contracts[i], UserNumber(i + 1)));
            _errors.Trace("Enreach returned {0} users ({1} ms).", users.Count, call.Budget.Elapsed.TotalMilliseconds);
            return users;
        }

        /// <summary>One Enreach user (<c>GET /users/{id}</c>); <see cref="EnreachNotFoundException"/> when there is none.</summary>
        public EnreachUser GetUser(Guid id) => Synchronously(call => GetUserCore(id, call));

        /// <inheritdoc cref="GetUser"/>
        public Task<EnreachUser> GetUserAsync(Guid id, CancellationToken cancellationToken = default) => GetUserCore(id, Start(cancellationToken));

        private async Task<EnreachUser> GetUserCore(Guid id, EnreachCall call)
        {
            var text = id.ToString("D", CultureInfo.InvariantCulture);
            var answer = await GetApiAsync(UserPathPrefix + text, "the user " + text, call).ConfigureAwait(false);
            return ReadUser(answer, "the user");
        }

        /// <summary>The API user itself (<c>GET /users/me</c>).</summary>
        public EnreachUser GetCurrentUser() => Synchronously(GetCurrentUserCore);

        /// <inheritdoc cref="GetCurrentUser"/>
        public Task<EnreachUser> GetCurrentUserAsync(CancellationToken cancellationToken = default) => GetCurrentUserCore(Start(cancellationToken));

        private async Task<EnreachUser> GetCurrentUserCore(EnreachCall call)
        {
            var answer = await GetApiAsync(CurrentUserPath, "the API user " + _settings.ApiUserName, call).ConfigureAwait(false);
            return ReadUser(answer, "the API user");
        }

        private static EnreachUser ReadUser(EnreachAnswer answer, string which) =>
            ToUser(answer, answer.ReadObject<EnreachUserContract>(which), which);

        private static EnreachUser ToUser(EnreachAnswer answer, EnreachUserContract user, string which)
        {
            var id = user.AnyId;
            if (id == null)
                throw answer.Malformed(which + " has no Id string");
            if (!Guid.TryParse(id, out var guid))
                throw answer.Malformed(which + " has an Id that is not a GUID");
            var userName = user.AnyUserName;
            if (userName == null)
                throw answer.Malformed(which + " (Id " + guid.ToString("D", CultureInfo.InvariantCulture) + ") has no UserName string");
            return new EnreachUser(guid, userName, user.AnyFirstName, user.AnyLastName);
        }

        private static string UserNumber(int position) => "user #" + position.ToString(CultureInfo.InvariantCulture);

        // ---------------------------------------------------------------- calls

        /// <summary>
        /// Users' call events in a window (<c>GET /calls?StartTime=&amp;EndTime=</c> or
        /// <c>?ModifiedAfter=&amp;ModifiedBefore=</c>): direct calls and the agents' events of service calls, of the
        /// users in <paramref name="userIds"/> (<c>UserIDs</c>; null: every user the API user may see; empty: none, and
        /// nothing is asked). A window longer than <see cref="EnreachCallWindow.MaxSpan"/> is refused before sending
        /// (<see cref="ArgumentOutOfRangeException"/>): Enreach would refuse it.
        /// </summary>
        public IReadOnlyList<EnreachCallEvent> GetUserCalls(EnreachCallWindow window, IEnumerable<Guid>? userIds = null)
        {
            var path = UserCallsQuery(window, userIds);
            return path == null ? NoEvents : Synchronously(call => GetCallsCore(path, "the call events of " + window, ReadUserCalls, call));
        }

        /// <inheritdoc cref="GetUserCalls"/>
        public Task<IReadOnlyList<EnreachCallEvent>> GetUserCallsAsync(EnreachCallWindow window, IEnumerable<Guid>? userIds = null, CancellationToken cancellationToken = default)
        {
            var path = UserCallsQuery(window, userIds);
            return path == null ? Task.FromResult(NoEvents) : GetCallsCore(path, "the call events of " + window, ReadUserCalls, Start(cancellationToken));
        }

        /// <summary>Every user's event of one call (<c>GET /calls?CallId=</c>): what <c>vfd sync explain</c> looks at.</summary>
        public IReadOnlyList<EnreachCallEvent> GetUserCallsByCallId(Guid callId) =>
            Synchronously(call => GetCallsCore(CallIdQuery(callId), "the call " + Text(callId), ReadUserCalls, call));

        /// <inheritdoc cref="GetUserCallsByCallId"/>
        public Task<IReadOnlyList<EnreachCallEvent>> GetUserCallsByCallIdAsync(Guid callId, CancellationToken cancellationToken = default) =>
            GetCallsCore(CallIdQuery(callId), "the call " + Text(callId), ReadUserCalls, Start(cancellationToken));

        /// <summary>
        /// Service queues' inbound calls in a window (<c>GET /servicecall</c>, the same windows as
        /// <see cref="GetUserCalls"/>): answered ones with the agent who answered, unanswered ones without.
        /// </summary>
        public IReadOnlyList<EnreachCallEvent> GetServiceCalls(EnreachCallWindow window)
        {
            var path = WindowQuery(ServiceCallsPath, window);
            return Synchronously(call => GetCallsCore(path, "the service calls of " + window, ReadServiceCalls, call));
        }

        /// <inheritdoc cref="GetServiceCalls"/>
        public Task<IReadOnlyList<EnreachCallEvent>> GetServiceCallsAsync(EnreachCallWindow window, CancellationToken cancellationToken = default) =>
            GetCallsCore(WindowQuery(ServiceCallsPath, window), "the service calls of " + window, ReadServiceCalls, Start(cancellationToken));

        private static readonly IReadOnlyList<EnreachCallEvent> NoEvents = new EnreachCallEvent[0];

        private static readonly Func<EnreachAnswer, Uri, List<EnreachCallEvent>> ReadUserCalls = EnreachCallReader.UserCalls;

        private static readonly Func<EnreachAnswer, Uri, List<EnreachCallEvent>> ReadServiceCalls = EnreachCallReader.ServiceCalls;

        private async Task<IReadOnlyList<EnreachCallEvent>> GetCallsCore(string path, string what, Func<EnreachAnswer, Uri, List<EnreachCallEvent>> read, EnreachCall call)
        {
            var endpoint = await ResolveEndpointCore(call).ConfigureAwait(false);
            var answer = await GetApiAsync(path, what, call).ConfigureAwait(false);
            var events = read(answer, endpoint);
            _errors.Trace("Enreach returned {0} call events for {1} ({2} ms).", events.Count, what, call.Budget.Elapsed.TotalMilliseconds);
            return events;
        }

        /// <summary>The path and query of a /calls request; null when it asks for no user at all.</summary>
        private static string? UserCallsQuery(EnreachCallWindow window, IEnumerable<Guid>? userIds)
        {
            var query = WindowQuery(UserCallsPath, window);
            if (userIds == null) return query;
            var any = false;
            var builder = new StringBuilder(query);
            foreach (var id in userIds)
            {
                builder.Append('&').Append(EnreachAssumptions.UserIdsParameter).Append('=').Append(Text(id));
                any = true;
            }
            return any ? builder.ToString() : null;
        }

        private static string WindowQuery(string path, EnreachCallWindow window)
        {
            if (window == null) throw new ArgumentNullException(nameof(window));
            if (window.Span > EnreachCallWindow.MaxSpan)
                throw new ArgumentOutOfRangeException(nameof(window), window.Span,
                    "Enreach answers call windows of at most " + EnreachCallWindow.MaxSpan.TotalDays.ToString(CultureInfo.InvariantCulture) + " days; " + window + " spans " +
                    window.Span.TotalDays.ToString("0.##", CultureInfo.InvariantCulture) + " days. Split it into windows of at most that length.");
            return path + "?" + window.FromParameter + "=" + Uri.EscapeDataString(EnreachCallWindow.Format(window.From)) +
                "&" + window.ToParameter + "=" + Uri.EscapeDataString(EnreachCallWindow.Format(window.To));
        }

        private static string CallIdQuery(Guid callId) => UserCallsPath + "?CallId=" + Text(callId);

        private static string Text(Guid id) => id.ToString("D", CultureInfo.InvariantCulture);

        // ---------------------------------------------------------------- callbacks (paths and names assumed: EnreachAssumptions)

        /// <summary>Every callback list the API user may see (<c>GET /callbacklists</c>).</summary>
        public IReadOnlyList<EnreachCallbackList> GetCallbackLists() => Synchronously(GetCallbackListsCore);

        /// <inheritdoc cref="GetCallbackLists"/>
        public Task<IReadOnlyList<EnreachCallbackList>> GetCallbackListsAsync(CancellationToken cancellationToken = default) => GetCallbackListsCore(Start(cancellationToken));

        private async Task<IReadOnlyList<EnreachCallbackList>> GetCallbackListsCore(EnreachCall call)
        {
            var answer = await GetApiAsync(EnreachAssumptions.CallbackListsPath, "resource for callback lists", call).ConfigureAwait(false);
            var lists = EnreachCallbackReader.Lists(answer);
            _errors.Trace("Enreach returned {0} callback lists ({1} ms).", lists.Count, call.Budget.Elapsed.TotalMilliseconds);
            return lists;
        }

        /// <summary>
        /// The requests of a callback list created from <paramref name="createdAfter"/> to <paramref name="createdBefore"/>
        /// (UTC, whole seconds: the start rounded down, the end up), open and closed alike;
        /// <see cref="EnreachNotFoundException"/> when Enreach has no such list.
        /// </summary>
        public IReadOnlyList<EnreachCallbackRequest> GetCallbackRequests(Guid listId, DateTime createdAfter, DateTime createdBefore)
        {
            var path = CallbackRequestsQuery(listId, createdAfter, createdBefore);
            return Synchronously(call => GetCallbackRequestsCore(listId, path, call));
        }

        /// <inheritdoc cref="GetCallbackRequests"/>
        public Task<IReadOnlyList<EnreachCallbackRequest>> GetCallbackRequestsAsync(Guid listId, DateTime createdAfter, DateTime createdBefore, CancellationToken cancellationToken = default) =>
            GetCallbackRequestsCore(listId, CallbackRequestsQuery(listId, createdAfter, createdBefore), Start(cancellationToken));

        private async Task<IReadOnlyList<EnreachCallbackRequest>> GetCallbackRequestsCore(Guid listId, string path, EnreachCall call)
        {
            var endpoint = await ResolveEndpointCore(call).ConfigureAwait(false);
            var answer = await GetApiAsync(path, "callback list " + Text(listId), call).ConfigureAwait(false);
            var requests = EnreachCallbackReader.Requests(answer, listId, endpoint);
            _errors.Trace("Enreach returned {0} callback requests of list {1} ({2} ms).", requests.Count, Text(listId), call.Budget.Elapsed.TotalMilliseconds);
            return requests;
        }

        /// <summary>
        /// Closes a callback request in Enreach, as the simple callback integration has the external system do with every
        /// new request. Closing a closed request is harmless, so the close is retried like a read;
        /// <see cref="EnreachNotFoundException"/> when the list has no such request.
        /// </summary>
        public void CloseCallbackRequest(Guid listId, Guid requestId) => Synchronously(call => CloseCallbackRequestCore(listId, requestId, call));

        /// <inheritdoc cref="CloseCallbackRequest"/>
        public Task CloseCallbackRequestAsync(Guid listId, Guid requestId, CancellationToken cancellationToken = default) =>
            CloseCallbackRequestCore(listId, requestId, Start(cancellationToken));

        private async Task CloseCallbackRequestCore(Guid listId, Guid requestId, EnreachCall call)
        {
            var endpoint = await ResolveEndpointCore(call).ConfigureAwait(false);
            var url = new Uri(endpoint, string.Format(CultureInfo.InvariantCulture, EnreachAssumptions.CallbackClosePathFormat, Text(listId), Text(requestId)));
            var notFound = _errors.ApiNotFoundMessage("callback request " + Text(requestId) + " on list " + Text(listId), url, "POST");
            await _transport.PostIdempotentAsync(url, EnreachAssumptions.CallbackCloseBody, notFound, call).ConfigureAwait(false);
            _errors.Trace("Enreach closed callback request {0} ({1} ms).", Text(requestId), call.Budget.Elapsed.TotalMilliseconds);
        }

        private static string CallbackRequestsQuery(Guid listId, DateTime createdAfter, DateTime createdBefore)
        {
            var after = EnreachCallWindow.SecondsDown(EnreachCallWindow.Utc(createdAfter));
            var before = EnreachCallWindow.SecondsUp(EnreachCallWindow.Utc(createdBefore));
            if (before < after)
                throw new ArgumentOutOfRangeException(nameof(createdBefore), createdBefore, "The end of a callback window (" + EnreachCallWindow.Format(before) + ") is before its start (" + EnreachCallWindow.Format(after) + ").");
            return string.Format(CultureInfo.InvariantCulture, EnreachAssumptions.CallbackRequestsPathFormat, Text(listId)) +
                "?" + EnreachAssumptions.CallbackCreatedAfterParameter + "=" + Uri.EscapeDataString(EnreachCallWindow.Format(after)) +
                "&" + EnreachAssumptions.CallbackCreatedBeforeParameter + "=" + Uri.EscapeDataString(EnreachCallWindow.Format(before));
        }

        // ---------------------------------------------------------------- endpoint

        /// <summary>The API endpoint requests go to: the override, else the (cached) discovered one.</summary>
        public Uri ResolveEndpoint() => Synchronously(ResolveEndpointCore);

        /// <inheritdoc cref="ResolveEndpoint"/>
        public Task<Uri> ResolveEndpointAsync(CancellationToken cancellationToken = default) => ResolveEndpointCore(Start(cancellationToken));

        private async Task<Uri> ResolveEndpointCore(EnreachCall call)
        {
            if (_settings.EndpointOverride != null) return WithTrailingSlash(_settings.EndpointOverride);
            if (_discoveryCache.TryGet(_settings.DiscoveryUrl, _settings.ApiUserName, _clock.UtcNow, out var cached)) return cached;

            var url = new Uri(WithTrailingSlash(_settings.DiscoveryUrl), DiscoveryPath + Uri.EscapeDataString(_settings.ApiUserName));
            var notFound = _errors.DiscoveryNotFoundMessage();
            // Discovery is public: the credentials are not sent there.
            var answer = await _transport.GetAsync(url, authenticate: false, notFound, call).ConfigureAwait(false);
            var entries = answer.ReadArray<EnreachDiscoveryEntryContract>("a JSON array from discovery",
                n => "entry #" + n.ToString(CultureInfo.InvariantCulture) + " of the discovery answer");
            if (entries.Count == 0)
                throw _errors.NotFound(notFound, answer.Request, answer.StatusCode, answer.Attempts, call.Budget.Elapsed);
            var endpointText = entries[0].AnyApiEndpoint;
            if (endpointText == null)
                throw answer.Malformed("the first entry of the discovery answer has no apiEndpoint string");
            if (!Uri.TryCreate(endpointText, UriKind.Absolute, out var endpoint))
                throw answer.Malformed("the apiEndpoint of the discovery answer is not an absolute URL");
            var problem = EnreachSettings.CheckBaseUrl(endpoint);
            if (problem != null)
                throw answer.Malformed("the apiEndpoint of the discovery answer (" + endpoint.GetLeftPart(UriPartial.Authority) + ") " + problem);

            endpoint = WithTrailingSlash(endpoint);
            _discoveryCache.Set(_settings.DiscoveryUrl, _settings.ApiUserName, endpoint, _clock.UtcNow);
            _errors.Trace("Enreach API endpoint of {0}: {1} (discovered).", _settings.ApiUserName, endpoint);
            return endpoint;
        }

        /// <summary><c>GET</c> of an API path (<paramref name="what"/> names it in the 404 message), authenticated.</summary>
        private async Task<EnreachAnswer> GetApiAsync(string relativePath, string what, EnreachCall call)
        {
            var endpoint = await ResolveEndpointCore(call).ConfigureAwait(false);
            var url = new Uri(endpoint, relativePath);
            try
            {
                return await _transport.GetAsync(url, authenticate: true, _errors.ApiNotFoundMessage(what, url), call).ConfigureAwait(false);
            }
            catch (EnreachUnavailableException e) when (e.Kind == EnreachErrorKind.Unreachable && _settings.EndpointOverride == null)
            {
                // The endpoint may have moved: discover it again next time.
                _discoveryCache.Invalidate(_settings.DiscoveryUrl, _settings.ApiUserName);
                throw;
            }
        }

        // ---------------------------------------------------------------- one operation, synchronously or not

        private EnreachCall Start(CancellationToken cancellationToken, bool synchronous = false) =>
            new EnreachCall(new EnreachBudget(_clock, _settings.TotalBudget), synchronous, cancellationToken);

        private T Synchronously<T>(Func<EnreachCall, Task<T>> operation) =>
            operation(Start(CancellationToken.None, synchronous: true)).GetAwaiter().GetResult();

        private void Synchronously(Func<EnreachCall, Task> operation) =>
            operation(Start(CancellationToken.None, synchronous: true)).GetAwaiter().GetResult();

        private static Uri WithTrailingSlash(Uri url) =>
            url.AbsolutePath.EndsWith("/", StringComparison.Ordinal) ? url : new Uri(url.GetLeftPart(UriPartial.Path) + "/");
    }
}
