using System.Data.Common;

namespace VoiceForD365.WebApiClient;

/// <summary>
/// A Dataverse connection string in the format Dataverse developers use with ServiceClient:
/// <c>AuthType=ClientSecret;Url=https://contoso.crm4.dynamics.com;ClientId=…;ClientSecret=…</c>,
/// <c>AuthType=Certificate;Url=…;ClientId=…;Thumbprint=…</c> (or <c>CertificateFile=…;CertificatePassword=…</c>),
/// <c>AuthType=Bearer;Url=…;Token=…</c>. <c>Url</c> is the organization's root. <c>TenantId</c> (or <c>Authority</c>)
/// is optional: without it the tenant is discovered from the organization's sign-in challenge. Keys are
/// case-insensitive and values may be quoted. <see cref="ToString"/> never shows a secret.
/// </summary>
public sealed class DataverseConnectionString
{
    /// <summary>The environment variable the product's hosts read a connection string from (keeps a secret out of command lines and shell history).</summary>
    public const string EnvironmentVariable = "VFD_CONNECTION";

    private DataverseConnectionString(DataverseAuthType authType, Uri url)
    {
        AuthType = authType;
        Url = url;
    }

    public DataverseAuthType AuthType { get; }

    /// <summary>The organization's root, e.g. <c>https://contoso.crm4.dynamics.com/</c>.</summary>
    public Uri Url { get; }

    public string? ClientId { get; private init; }

    public string? ClientSecret { get; private init; }

    public string? Thumbprint { get; private init; }

    /// <summary>Certificate store location for <see cref="Thumbprint"/>: CurrentUser (default) or LocalMachine.</summary>
    public System.Security.Cryptography.X509Certificates.StoreLocation StoreLocation { get; private init; } =
        System.Security.Cryptography.X509Certificates.StoreLocation.CurrentUser;

    public string? CertificateFile { get; private init; }

    public string? CertificatePassword { get; private init; }

    /// <summary>The Microsoft Entra tenant (id or domain); null: discovered from the organization.</summary>
    public string? TenantId { get; private init; }

    /// <summary>The sign-in authority, e.g. <c>https://login.microsoftonline.com/{tenant}</c>; null: from <see cref="TenantId"/> or discovered.</summary>
    public Uri? Authority { get; private init; }

    public string? Token { get; private init; }

    /// <summary>The Web API's root for this organization, e.g. <c>https://contoso.crm4.dynamics.com/api/data/v9.2/</c>.</summary>
    public Uri WebApiUrl => new(Url, "api/data/v9.2/");

    /// <exception cref="ArgumentException">The text is not a usable connection string; the message says what is missing or wrong (never a secret's value).</exception>
    public static DataverseConnectionString Parse(string connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new ArgumentException("The Dataverse connection string is empty. Use e.g. AuthType=ClientSecret;Url=https://contoso.crm4.dynamics.com;ClientId=…;ClientSecret=…", nameof(connectionString));
        var builder = new DbConnectionStringBuilder();
        try
        {
            builder.ConnectionString = connectionString;
        }
        catch (ArgumentException)
        {
            // The builder's own message quotes the text, which may hold a secret.
            throw new ArgumentException("The Dataverse connection string is malformed: write it as Key=Value pairs separated by ';' (quote values that contain ';').", nameof(connectionString));
        }

        string? Get(params string[] keys)
        {
            foreach (var key in keys)
                if (builder.TryGetValue(key, out var value) && value is string text && text.Trim().Length > 0) return text.Trim();
            return null;
        }

        var urlText = Get("Url", "ServiceUri", "Service Uri", "Server")
            ?? throw new ArgumentException("The Dataverse connection string has no Url: add Url=https://<organization>.crm.dynamics.com (the organization's root).", nameof(connectionString));
        if (!Uri.TryCreate(urlText, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
            throw new ArgumentException($"The Url of the Dataverse connection string is not an http(s) address: '{urlText}'.", nameof(connectionString));
        if (url.Scheme == Uri.UriSchemeHttp && !url.IsLoopback)
            throw new ArgumentException($"The Url {url} uses plain http: an organization is reached over https (only a loopback address such as vfd serve's may use http).", nameof(connectionString));
        url = OrganizationRoot(url);

        var authText = Get("AuthType", "AuthenticationType")
            ?? throw new ArgumentException("The Dataverse connection string has no AuthType: use AuthType=ClientSecret, AuthType=Certificate or AuthType=Bearer.", nameof(connectionString));
        if (!Enum.TryParse<DataverseAuthType>(authText, ignoreCase: true, out var authType) || !Enum.IsDefined(authType))
            throw new ArgumentException($"AuthType={authText} is not supported: use ClientSecret, Certificate or Bearer.", nameof(connectionString));

        var tenant = Get("TenantId", "Tenant");
        var authorityText = Get("Authority");
        Uri? authority = null;
        if (authorityText != null && (!Uri.TryCreate(authorityText, UriKind.Absolute, out authority) || authority.Scheme != Uri.UriSchemeHttps))
            throw new ArgumentException($"The Authority '{authorityText}' is not an https address such as https://login.microsoftonline.com/<tenant>.", nameof(connectionString));

        var storeLocation = System.Security.Cryptography.X509Certificates.StoreLocation.CurrentUser;
        if (Get("StoreLocation", "CertificateStoreLocation") is { } location
            && !Enum.TryParse(location, ignoreCase: true, out storeLocation))
            throw new ArgumentException($"StoreLocation={location} is not valid: use CurrentUser or LocalMachine.", nameof(connectionString));

        var result = new DataverseConnectionString(authType, url)
        {
            ClientId = Get("ClientId", "AppId", "ApplicationId"),
            ClientSecret = Get("ClientSecret", "Secret"),
            Thumbprint = Get("Thumbprint", "CertThumbprint", "CertificateThumbprint")?.Replace(" ", "", StringComparison.Ordinal),
            StoreLocation = storeLocation,
            CertificateFile = Get("CertificateFile", "CertificatePath"),
            CertificatePassword = Get("CertificatePassword"),
            TenantId = tenant,
            Authority = authority,
            Token = Get("Token", "AccessToken"),
        };
        result.Validate();
        return result;
    }

    private void Validate()
    {
        switch (AuthType)
        {
            case DataverseAuthType.ClientSecret:
                Require(ClientId, "ClientId", "the Application (client) ID of the app registration");
                Require(ClientSecret, "ClientSecret", "a client secret of the app registration");
                break;
            case DataverseAuthType.Certificate:
                Require(ClientId, "ClientId", "the Application (client) ID of the app registration");
                if (Thumbprint == null && CertificateFile == null)
                    throw new ArgumentException("AuthType=Certificate needs Thumbprint=<certificate thumbprint> (a certificate in the store) or CertificateFile=<path to .pfx> (with CertificatePassword when it has one).");
                break;
            case DataverseAuthType.Bearer:
                Require(Token, "Token", "the access token");
                break;
        }
    }

    private void Require(string? value, string key, string what)
    {
        if (value == null) throw new ArgumentException($"AuthType={AuthType} needs {key}=<{what}>.");
    }

    /// <summary>The organization's root: a Url given with the Web API path (…/api/data/v9.2) is cut back to it.</summary>
    private static Uri OrganizationRoot(Uri url)
    {
        var path = url.AbsolutePath;
        var api = path.IndexOf("/api/data", StringComparison.OrdinalIgnoreCase);
        if (api >= 0) path = path[..api];
        return new UriBuilder(url.Scheme, url.Host, url.Port, path.TrimEnd('/') + "/").Uri;
    }

    /// <summary>The connection string with every secret replaced by ***: safe to log.</summary>
    public override string ToString()
    {
        var parts = new List<string> { $"AuthType={AuthType}", $"Url={Url}" };
        if (ClientId != null) parts.Add($"ClientId={ClientId}");
        if (ClientSecret != null) parts.Add("ClientSecret=***");
        if (Thumbprint != null) parts.Add($"Thumbprint={Thumbprint}");
        if (CertificateFile != null) parts.Add($"CertificateFile={CertificateFile}");
        if (CertificatePassword != null) parts.Add("CertificatePassword=***");
        if (TenantId != null) parts.Add($"TenantId={TenantId}");
        if (Authority != null) parts.Add($"Authority={Authority}");
        if (Token != null) parts.Add("Token=***");
        return string.Join(";", parts);
    }
}
