using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using VoiceForD365.LocalOrg;

namespace VoiceForD365.LocalOrgServer;

/// <summary>
/// The local organization as a Dataverse Web API on loopback: <c>http://127.0.0.1:N/api/data/v9.2/</c>, every request
/// with <c>Authorization: Bearer {Token}</c> (else 401 with Dataverse's sign-in challenge). Requests run as the
/// organization's administrator through its pipeline. <see cref="Faults"/> injects service-protection answers and
/// delays; <see cref="Requests"/> logs what came in.
/// <code>
/// using var server = LocalOrgServer.Start(organization);
/// using var service = new DataverseWebApiClient(server.ConnectionString);
/// </code>
/// </summary>
public sealed class LocalOrgServer : IAsyncDisposable, IDisposable
{
    public const string WebApiPath = "/api/data/v9.2/";

    /// <summary>The longest URL the Web API takes outside a $batch, as Dataverse.</summary>
    public const int MaxUrlLength = 32 * 1024;

    private readonly WebApplication _app;
    private readonly LocalOrgServerOptions _options;
    private readonly CancellationTokenSource _stopping = new();
    private LocalWebApi? _api;
    private BatchProcessor? _batch;
    private Uri? _baseUrl;
    private int _disposed;

    private LocalOrgServer(LocalOrganization organization, LocalOrgServerOptions options)
    {
        Organization = organization;
        _options = options;
        Token = options.Token ?? Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = typeof(LocalOrgServer).Assembly.GetName().Name });
        builder.WebHost.UseKestrelCore();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, options.Port);
            kestrel.Limits.MaxRequestBodySize = 64 * 1024 * 1024;
            // Dataverse takes URLs of up to 32 KB (the product's client sends longer GETs in a $batch); Kestrel's default is 8 KB.
            kestrel.Limits.MaxRequestLineSize = MaxUrlLength + 1024;
        });
        builder.WebHost.UseShutdownTimeout(TimeSpan.FromSeconds(2));
        _app = builder.Build();
        _app.Run(ServeAsync);
    }

    public LocalOrganization Organization { get; }

    /// <summary>The organization's root, e.g. <c>http://127.0.0.1:5555/</c> (the Url of a connection string).</summary>
    public Uri BaseUrl => _baseUrl ?? throw new InvalidOperationException("The server has not started.");

    /// <summary>The Web API root, e.g. <c>http://127.0.0.1:5555/api/data/v9.2/</c>.</summary>
    public Uri WebApiUrl => new(BaseUrl, WebApiPath);

    /// <summary>The bearer token requests must carry.</summary>
    public string Token { get; }

    /// <summary>The connection string for the product's Web API client: <c>AuthType=Bearer;Url=…;Token=…</c>.</summary>
    public string ConnectionString => $"AuthType=Bearer;Url={BaseUrl};Token={Token}";

    public LocalOrgServerFaults Faults { get; } = new();

    public LocalOrgServerRequests Requests { get; } = new();

    public static LocalOrgServer Start(LocalOrganization organization, LocalOrgServerOptions? options = null) =>
        StartAsync(organization, options).GetAwaiter().GetResult();

    public static async Task<LocalOrgServer> StartAsync(LocalOrganization organization, LocalOrgServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(organization);
        var server = new LocalOrgServer(organization, options ?? new LocalOrgServerOptions());
        try
        {
            await server._app.StartAsync(cancellationToken).ConfigureAwait(false);
            var address = server._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
                ?? throw new InvalidOperationException("The server did not report its address.");
            server._baseUrl = new Uri(address.TrimEnd('/') + "/");
            server._api = new LocalWebApi(organization, server.WebApiUrl);
            server._batch = new BatchProcessor(server._api);
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        return server;
    }

    private async Task ServeAsync(HttpContext context)
    {
        var request = context.Request;
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? request.Path + request.QueryString;
        WebApiResponse response;
        try
        {
            response = await AnswerAsync(context, target).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // As Dataverse does for an unexpected error: 500 with the error in its JSON shape.
            response = WebApiErrors.Response(500, Core.Schema.ErrorCodes.InvalidArgument, $"Unexpected error in the local organization's Web API: {e.GetType().Name}: {e.Message}", e.StackTrace);
        }
        Requests.Record(new LocalOrgServerRequest(request.Method, target, response.Status));
        await WriteAsync(context.Response, response).ConfigureAwait(false);
    }

    private async Task<WebApiResponse> AnswerAsync(HttpContext context, string target)
    {
        var request = context.Request;
        if (_api == null || _batch == null) return WebApiErrors.Response(503, Core.Schema.ErrorCodes.ServiceProtectionConcurrency, "The server is starting.", null);
        if (!target.StartsWith(WebApiPath, StringComparison.OrdinalIgnoreCase))
            return WebApiErrors.From(WebApiException.NotFound($"No Web API at {target}: the local organization's is at {WebApiPath}."));
        if (!IsAuthorized(request.Headers.Authorization.ToString()))
        {
            return new WebApiResponse(401, new Dictionary<string, string>
            {
                ["WWW-Authenticate"] = $"Bearer authorization_uri=https://login.microsoftonline.com/{_options.TenantId:D}/oauth2/authorize, resource_id={BaseUrl}",
            }, null);
        }
        var (delay, fault) = Faults.Take();
        if (delay is { } wait && wait > TimeSpan.Zero)
        {
            using var both = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
            try
            {
                await Task.Delay(wait, both.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return WebApiErrors.Response(503, Core.Schema.ErrorCodes.ServiceProtectionConcurrency, "The request was abandoned.", null);
            }
        }
        if (fault != null)
        {
            var headers = new Dictionary<string, string>();
            if (fault.RetryAfter is { } retryAfter) headers["Retry-After"] = Math.Ceiling(retryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var message = fault.Status == 429
                ? "Number of requests exceeded the limit of 6000 over time window of 300 seconds."
                : "The service is temporarily unavailable.";
            return WebApiErrors.Response(fault.Status, fault.ErrorCode, message, null, headers);
        }

        var relative = target[WebApiPath.Length..];
        var service = Organization.Service;
        if (request.Method == HttpMethods.Post && relative.StartsWith("$batch", StringComparison.Ordinal))
        {
            var continueOnError = request.Headers["Prefer"].ToString().Contains("odata.continue-on-error", StringComparison.OrdinalIgnoreCase);
            return await _batch.ProcessAsync(request.ContentType ?? "", request.Body, continueOnError, service, context.RequestAborted).ConfigureAwait(false);
        }
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, context.RequestAborted).ConfigureAwait(false);
        var headerValues = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        return _api.Handle(new WebApiRequest(request.Method, relative, headerValues, body.ToArray()), service);
    }

    private bool IsAuthorized(string authorization)
    {
        const string scheme = "Bearer ";
        if (!authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)) return false;
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(authorization[scheme.Length..].Trim()), Encoding.UTF8.GetBytes(Token));
    }

    private static async Task WriteAsync(HttpResponse http, WebApiResponse response)
    {
        http.StatusCode = response.Status;
        http.Headers["OData-Version"] = "4.0";
        foreach (var (name, value) in response.Headers) http.Headers[name] = value;
        if (response.Body == null) return;
        if (!response.Headers.ContainsKey("Content-Type")) http.ContentType = "application/json; odata.metadata=minimal";
        await http.WriteAsync(response.Body, Encoding.UTF8).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        _stopping.Cancel();
        try
        {
            if (_baseUrl != null) await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            await _app.DisposeAsync().ConfigureAwait(false);
            _stopping.Dispose();
        }
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    public override string ToString() => $"Local organization Web API at {_baseUrl?.ToString() ?? "(not started)"}";
}
