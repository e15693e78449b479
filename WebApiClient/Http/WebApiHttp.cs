using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using VoiceForD365.WebApiClient.Authentication;

namespace VoiceForD365.WebApiClient.Http;

/// <summary>
/// The HTTP side of the client: Dataverse's standard headers, the bearer token, service-protection retries within
/// the retry budget (Polly through Microsoft.Extensions.Http.Resilience), the per-request timeout, and the errors
/// that are not Dataverse faults (unreachable, sign-in refused, timeout).
/// </summary>
internal sealed class WebApiHttp : IDisposable
{
    private static readonly HttpRequestOptionsKey<long> StartedKey = new("vfd.started");
    private static readonly ResiliencePropertyKey<TimeSpan> PlannedDelayKey = new("vfd.planned-delay");

    private readonly HttpClient _http;
    private readonly DataverseWebApiClientOptions _options;
    private readonly DataverseConnectionString _connection;
    private long _attempts;

    public WebApiHttp(DataverseConnectionString connection, DataverseWebApiClientOptions options, IAccessTokenProvider tokens, HttpMessageHandler inner)
    {
        _connection = connection;
        _options = options;
        var counting = new CountingHandler(() => Interlocked.Increment(ref _attempts)) { InnerHandler = inner };
        var authenticating = new BearerHandler(tokens) { InnerHandler = counting };
        var resilience = new ResilienceHandler(BuildPipeline()) { InnerHandler = authenticating };
        _http = new HttpClient(resilience) { BaseAddress = connection.WebApiUrl, Timeout = Timeout.InfiniteTimeSpan };
    }

    public Uri WebApiUrl => _connection.WebApiUrl;

    /// <summary>HTTP requests sent to the organization, retries included.</summary>
    public long Attempts => Interlocked.Read(ref _attempts);

    /// <summary>Sends a Web API request (relative to the Web API root) and returns the answer, whatever its status.</summary>
    /// <exception cref="TimeoutException">No answer within <see cref="DataverseWebApiClientOptions.RequestTimeout"/>.</exception>
    /// <exception cref="DataverseConnectionException">The organization can't be reached, or refused the sign-in (401).</exception>
    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, string description, CancellationToken cancellationToken)
    {
        var headers = request.Headers;
        headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        headers.TryAddWithoutValidation("OData-MaxVersion", "4.0");
        headers.TryAddWithoutValidation("OData-Version", "4.0");
        if (!headers.Contains("If-None-Match") && !headers.Contains("If-Match")) headers.TryAddWithoutValidation("If-None-Match", "null");
        request.Options.Set(StartedKey, Stopwatch.GetTimestamp());
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException e)
        {
            throw new TimeoutException($"Dataverse did not answer {description} within {Seconds(_options.RequestTimeout)} (RequestTimeout of the Web API client).", e);
        }
        catch (HttpRequestException e)
        {
            throw new DataverseConnectionException($"The organization at {_connection.Url} can't be reached for {description}: {e.Message}", e);
        }
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            using (response)
                throw new DataverseConnectionException(UnauthorizedMessage(description)) { StatusCode = HttpStatusCode.Unauthorized };
        }
        return response;
    }

    private string UnauthorizedMessage(string description) => _connection.AuthType == DataverseAuthType.Bearer
        ? $"The organization at {_connection.Url} refused the token (401) for {description}: check that it is current and was issued for {_connection.Url.GetLeftPart(UriPartial.Authority)}."
        : $"The organization at {_connection.Url} refused the sign-in of the app {_connection.ClientId} (401) for {description}: check that the app registration is in the organization's tenant " +
          "and that the environment has an enabled application user for it (Power Platform admin center → the environment → Settings → Users + permissions → Application users).";

    private ResiliencePipeline<HttpResponseMessage> BuildPipeline() =>
        new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = int.MaxValue, // bounded by the retry budget (ShouldRetry)
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.AttemptNumber, args.Context)),
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(args.Context.Properties.GetValue(PlannedDelayKey, _options.RetryBaseDelay)),
                OnRetry = args =>
                {
                    _options.Logger?.LogWarning("Dataverse answered {Status}; retry {Attempt} in {Delay} s",
                        args.Outcome.Result is { } r ? ((int)r.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture) : args.Outcome.Exception?.GetType().Name,
                        args.AttemptNumber + 1, args.RetryDelay.TotalSeconds);
                    return default;
                },
            })
            .AddTimeout(new TimeoutStrategyOptions { Timeout = _options.RequestTimeout })
            .Build();

    /// <summary>429 and 503 (and a connection that could not be opened) are retried while the wait fits the retry budget.</summary>
    private bool ShouldRetry(Outcome<HttpResponseMessage> outcome, int attempt, ResilienceContext context)
    {
        TimeSpan? delay;
        HttpRequestMessage? request;
        if (outcome.Result is { } response)
        {
            if (response.StatusCode is not (HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable)) return false;
            delay = RetryAfter(response);
            request = response.RequestMessage;
        }
        else if (outcome.Exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError })
        {
            delay = null;
            request = context.GetRequestMessage();
        }
        else
        {
            return false;
        }
        var wait = delay ?? Backoff(attempt);
        var elapsed = request != null && request.Options.TryGetValue(StartedKey, out var started) ? Stopwatch.GetElapsedTime(started) : TimeSpan.Zero;
        if (elapsed + wait > _options.RetryBudget)
        {
            _options.Logger?.LogWarning("Not retrying: a wait of {Delay} s after {Elapsed} s exceeds the retry budget of {Budget} s", wait.TotalSeconds, elapsed.TotalSeconds, _options.RetryBudget.TotalSeconds);
            return false;
        }
        context.Properties.Set(PlannedDelayKey, wait);
        return true;
    }

    private TimeSpan Backoff(int attempt)
    {
        var exponential = _options.RetryBaseDelay * Math.Pow(2, Math.Min(attempt, 10));
        return exponential + TimeSpan.FromMilliseconds(Random.Shared.Next(0, 250));
    }

    /// <summary>The answer's Retry-After (seconds or an HTTP date), as Dataverse's service protection sends it.</summary>
    internal static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta) return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        if (header?.Date is { } date)
        {
            var wait = date - DateTimeOffset.UtcNow;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }
        return null;
    }

    internal static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) + " s";

    public void Dispose() => _http.Dispose();

    private sealed class BearerHandler(IAccessTokenProvider tokens) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false));
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
    }

    private sealed class CountingHandler(Action count) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            count();
            return base.SendAsync(request, cancellationToken);
        }
    }
}
