using System.Net;

namespace VoiceForD365.SyncWorker;

/// <summary>The Enreach HTTP stack of one organization: a SocketsHttpHandler set up as the Enreach client's shared one, counting requests.</summary>
internal sealed class CountingHttpHandler : DelegatingHandler
{
    private long _requests;

    public CountingHttpHandler(HttpMessageHandler? inner = null)
        : base(inner ?? new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.All,
            // A long-running worker picks up DNS changes of the Enreach endpoints.
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            // An answer given up at its time-out closes its connection at once (the Enreach client's budget counts).
            ResponseDrainTimeout = TimeSpan.Zero,
        })
    {
    }

    /// <summary>Requests sent so far (retries and discovery included).</summary>
    public long Requests => Interlocked.Read(ref _requests);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _requests);
        return base.SendAsync(request, cancellationToken);
    }

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _requests);
        return base.Send(request, cancellationToken);
    }
}
