using Microsoft.Extensions.Logging;
using Microsoft.Identity.Client;

namespace VoiceForD365.WebApiClient;

/// <summary>How the Web API client behaves; the defaults suit a worker talking to Dataverse online.</summary>
public sealed class DataverseWebApiClientOptions
{
    /// <summary>Longest wait for one HTTP answer; past it the call fails with a TimeoutException naming the request.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How long one call may spend waiting to retry service-protection answers (429, 503), Retry-After included. A
    /// Retry-After beyond what is left of it is not waited for: the call fails with the service-protection fault.
    /// </summary>
    public TimeSpan RetryBudget { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>First wait before retrying an answer without Retry-After; doubled each time (with jitter).</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Request, retry and sign-in events (never a secret or a token).</summary>
    public ILogger? Logger { get; init; }

    /// <summary>The HTTP stack MSAL signs in with; null: MSAL's own. Tests give a loopback token endpoint here.</summary>
    public IMsalHttpClientFactory? MsalHttpClientFactory { get; init; }

    /// <summary>The innermost HTTP handler for Web API calls; null: a SocketsHttpHandler. The client owns and disposes it.</summary>
    public HttpMessageHandler? HttpHandler { get; init; }
}
