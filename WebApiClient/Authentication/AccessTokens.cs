using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;
using Microsoft.Identity.Client;

namespace VoiceForD365.WebApiClient.Authentication;

/// <summary>Gives the bearer token for the next Web API request (cached and refreshed by its implementation).</summary>
internal interface IAccessTokenProvider
{
    Task<string> GetTokenAsync(CancellationToken cancellationToken);
}

/// <summary>A token obtained elsewhere (AuthType=Bearer): used as given.</summary>
internal sealed class StaticTokenProvider(string token) : IAccessTokenProvider
{
    public Task<string> GetTokenAsync(CancellationToken cancellationToken) => Task.FromResult(token);
}

/// <summary>
/// MSAL confidential client (client secret or certificate) for the organization's <c>{Url}/.default</c> scope. MSAL
/// keeps the token in its in-memory cache and refreshes it before it expires; one instance per client.
/// </summary>
internal sealed class MsalTokenProvider : IAccessTokenProvider
{
    private readonly DataverseConnectionString _connection;
    private readonly DataverseWebApiClientOptions _options;
    private readonly Func<CancellationToken, Task<Uri>> _discoverAuthority;
    private readonly SemaphoreSlim _build = new(1, 1);
    private IConfidentialClientApplication? _application;

    public MsalTokenProvider(DataverseConnectionString connection, DataverseWebApiClientOptions options, Func<CancellationToken, Task<Uri>> discoverAuthority)
    {
        _connection = connection;
        _options = options;
        _discoverAuthority = discoverAuthority;
    }

    private string[] Scopes => [_connection.Url.GetLeftPart(UriPartial.Authority) + "/.default"];

    public async Task<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        var application = await ApplicationAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var result = await application.AcquireTokenForClient(Scopes).ExecuteAsync(cancellationToken).ConfigureAwait(false);
            _options.Logger?.LogDebug("Token for {Scope} from {Source}, expires {ExpiresOn:u}", Scopes[0], result.AuthenticationResultMetadata.TokenSource, result.ExpiresOn);
            return result.AccessToken;
        }
        catch (MsalServiceException e)
        {
            // MSAL's messages carry Entra's AADSTS code and text, never the secret.
            throw new DataverseConnectionException(
                $"Signing in to Microsoft Entra ID as the app {_connection.ClientId} failed ({e.ErrorCode}): {FirstLine(e.Message)} " +
                "Check the app registration's Application (client) ID, its client secret or certificate (and whether it has expired) and the tenant.", e);
        }
        catch (MsalClientException e)
        {
            throw new DataverseConnectionException($"Signing in to Microsoft Entra ID as the app {_connection.ClientId} failed ({e.ErrorCode}): {FirstLine(e.Message)}", e);
        }
    }

    private async Task<IConfidentialClientApplication> ApplicationAsync(CancellationToken cancellationToken)
    {
        if (_application != null) return _application;
        await _build.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_application != null) return _application;
            var authority = _connection.Authority
                ?? (_connection.TenantId != null ? new Uri($"https://login.microsoftonline.com/{_connection.TenantId}/") : await _discoverAuthority(cancellationToken).ConfigureAwait(false));
            var builder = ConfidentialClientApplicationBuilder.Create(_connection.ClientId).WithAuthority(authority.ToString());
            builder = _connection.AuthType == DataverseAuthType.ClientSecret
                ? builder.WithClientSecret(_connection.ClientSecret)
                : builder.WithCertificate(LoadCertificate(), sendX5C: true);
            if (_options.MsalHttpClientFactory != null) builder = builder.WithHttpClientFactory(_options.MsalHttpClientFactory);
            _options.Logger?.LogInformation("Signing in to {Authority} as the app {ClientId} ({AuthType})", authority, _connection.ClientId, _connection.AuthType);
            return _application = builder.Build();
        }
        finally
        {
            _build.Release();
        }
    }

    private X509Certificate2 LoadCertificate()
    {
        if (_connection.CertificateFile is { } file)
        {
            if (!File.Exists(file)) throw new DataverseConnectionException($"The certificate file {file} does not exist.");
            try
            {
                return X509CertificateLoader.LoadPkcs12FromFile(file, _connection.CertificatePassword);
            }
            catch (System.Security.Cryptography.CryptographicException e)
            {
                throw new DataverseConnectionException($"The certificate file {file} can't be read (wrong CertificatePassword, or not a .pfx with its private key): {e.Message}", e);
            }
        }
        using var store = new X509Store(StoreName.My, _connection.StoreLocation);
        store.Open(OpenFlags.ReadOnly);
        var found = store.Certificates.Find(X509FindType.FindByThumbprint, _connection.Thumbprint!, validOnly: false);
        var certificate = found.Count > 0 ? found[0]
            : throw new DataverseConnectionException($"No certificate with thumbprint {_connection.Thumbprint} in the {_connection.StoreLocation}\\My certificate store.");
        if (!certificate.HasPrivateKey)
            throw new DataverseConnectionException($"The certificate {_connection.Thumbprint} in {_connection.StoreLocation}\\My has no private key: import it with its key (.pfx).");
        return certificate;
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}

/// <summary>
/// Finds the organization's Entra ID tenant the way ServiceClient does: an anonymous request to the Web API is
/// refused with a <c>WWW-Authenticate: Bearer authorization_uri=https://login.microsoftonline.com/{tenant}/oauth2/authorize</c> challenge.
/// </summary>
internal static class AuthorityDiscovery
{
    public static async Task<Uri> DiscoverAsync(HttpMessageInvoker http, Uri webApiUrl, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, webApiUrl);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new DataverseConnectionException($"The organization at {webApiUrl} can't be reached to find its sign-in tenant: {e.Message}", e);
        }
        using (response)
        {
            // Raw: Dataverse's challenge has unquoted URLs, which the typed header parser refuses.
            if (response.Headers.NonValidated.TryGetValues("WWW-Authenticate", out var challenges))
                foreach (var challenge in challenges)
                    if (AuthorityOf(challenge) is { } authority) return authority;
        }
        throw new DataverseConnectionException(
            $"The organization at {webApiUrl} answered {(int)response.StatusCode} without a sign-in challenge naming its tenant: add TenantId=<tenant id> to the connection string.");
    }

    internal static Uri? AuthorityOf(string challenge)
    {
        const string scheme = "Bearer ";
        if (!challenge.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)) return null;
        foreach (var part in challenge[scheme.Length..].Split(','))
        {
            var pair = part.Split('=', 2);
            if (pair.Length != 2 || !string.Equals(pair[0].Trim(), "authorization_uri", StringComparison.OrdinalIgnoreCase)) continue;
            if (!Uri.TryCreate(pair[1].Trim().Trim('"'), UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps) return null;
            var segments = uri.AbsolutePath.Trim('/').Split('/');
            return segments.Length > 0 && segments[0].Length > 0 ? new Uri($"{uri.Scheme}://{uri.Authority}/{segments[0]}/") : null;
        }
        return null;
    }
}
