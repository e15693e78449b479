using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.ServiceModel;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Identity.Client;
using Microsoft.Xrm.Sdk;
using VoiceForD365.Core.Schema;
using VoiceForD365.LocalOrg;
using VoiceForD365.LocalOrgServer;
using VoiceForD365.WebApiClient;
using Xunit;

namespace VoiceForD365.Tests.WebApi;

/// <summary>The Web API client's own behaviour: connection strings, signing in with MSAL, and the errors that are not Dataverse faults.</summary>
public sealed class WebApiClientTests : IDisposable
{
    private const string EntraToken = "token-issued-by-entra";
    private const string ClientId = "5d0f6c4a-1111-4222-8333-944445555666";
    private const string Secret = "Zx8~super-secret-value";

    private readonly LocalOrgServer.LocalOrgServer _server = LocalOrgServer.LocalOrgServer.Start(new LocalOrganization(), new LocalOrgServerOptions { Token = EntraToken });

    public void Dispose() => _server.Dispose();

    [Fact]
    public void ConnectionStringWithTheWebApiPath_Should_KeepTheOrganizationRoot()
    {
        var connection = DataverseConnectionString.Parse($"AuthType=ClientSecret;Url=https://contoso.crm4.dynamics.com/api/data/v9.2/;ClientId={ClientId};ClientSecret='{Secret};x'");

        Assert.Equal(new Uri("https://contoso.crm4.dynamics.com/"), connection.Url);
        Assert.Equal(new Uri("https://contoso.crm4.dynamics.com/api/data/v9.2/"), connection.WebApiUrl);
        Assert.Equal(Secret + ";x", connection.ClientSecret);
        Assert.DoesNotContain(Secret, connection.ToString());
    }

    [Theory]
    [InlineData("AuthType=ClientSecret;Url=https://contoso.crm.dynamics.com;ClientId=abc", "needs ClientSecret=")]
    [InlineData("AuthType=Certificate;Url=https://contoso.crm.dynamics.com;ClientId=abc", "needs Thumbprint=")]
    [InlineData("AuthType=Bearer;Url=https://contoso.crm.dynamics.com", "needs Token=")]
    [InlineData("AuthType=Password;Url=https://contoso.crm.dynamics.com", "AuthType=Password is not supported")]
    [InlineData("AuthType=ClientSecret;ClientId=abc;ClientSecret=Zx8~super-secret-value", "has no Url")]
    [InlineData("AuthType=Bearer;Url=http://contoso.crm.dynamics.com;Token=Zx8~super-secret-value", "plain http")]
    [InlineData("AuthType=ClientSecret;Url=https://x;ClientSecret='Zx8~super-secret-value", "malformed")]
    public void UnusableConnectionString_Should_SayWhatIsWrongWithoutTheSecret(string text, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => DataverseConnectionString.Parse(text));

        Assert.Contains(expected, error.Message);
        Assert.DoesNotContain(Secret, error.Message);
    }

    [Fact]
    public void ClientSecretSignIn_Should_FindTheTenantGetOneTokenFromEntraAndReuseIt()
    {
        var entra = new FakeEntra(_server);
        using var client = new DataverseWebApiClient($"AuthType=ClientSecret;Url={_server.BaseUrl};ClientId={ClientId};ClientSecret={Secret}",
            new DataverseWebApiClientOptions { MsalHttpClientFactory = entra });

        var first = client.Execute(new OrganizationRequest(MessageNames.WhoAmI));
        client.Execute(new OrganizationRequest(MessageNames.WhoAmI));

        Assert.Equal(_server.Organization.AdministratorId, first[ParameterNames.UserId]);
        var token = Assert.Single(entra.TokenRequests);
        Assert.Equal($"https://login.microsoftonline.com/{new LocalOrgServerOptions().TenantId:D}/oauth2/v2.0/token", token.Url);
        Assert.Equal("client_credentials", token.Form["grant_type"]);
        Assert.Equal(ClientId, token.Form["client_id"]);
        Assert.Equal(Secret, token.Form["client_secret"]);
        Assert.Equal(_server.BaseUrl.GetLeftPart(UriPartial.Authority) + "/.default", token.Form["scope"]);
    }

    [Fact]
    public void CertificateSignIn_Should_SendAnAssertionSignedWithTheCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Voice for D365 test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var file = Path.Combine(Path.GetTempPath(), $"vfd-{Guid.NewGuid():N}.pfx");
        File.WriteAllBytes(file, certificate.Export(X509ContentType.Pfx, "pfx-password"));
        try
        {
            var entra = new FakeEntra(_server);
            using var client = new DataverseWebApiClient(
                $"AuthType=Certificate;Url={_server.BaseUrl};ClientId={ClientId};CertificateFile={file};CertificatePassword=pfx-password;TenantId=contoso.onmicrosoft.com",
                new DataverseWebApiClientOptions { MsalHttpClientFactory = entra });

            client.Execute(new OrganizationRequest(MessageNames.WhoAmI));

            var form = Assert.Single(entra.TokenRequests).Form;
            Assert.Equal("urn:ietf:params:oauth:client-assertion-type:jwt-bearer", form["client_assertion_type"]);
            var parts = form["client_assertion"].Split('.');
            var signed = Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]);
            var algorithm = JsonDocument.Parse(Base64Url(parts[0])).RootElement.GetProperty("alg").GetString();
            var padding = algorithm == "PS256" ? RSASignaturePadding.Pss : RSASignaturePadding.Pkcs1;
            Assert.True(rsa.VerifyData(signed, Base64Url(parts[2]), HashAlgorithmName.SHA256, padding), $"The client assertion ({algorithm}) is not signed with the certificate's key.");
            Assert.False(form.ContainsKey("client_secret"));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void RefusedClientSecret_Should_FailWithEntrasCodeAndWithoutTheSecret()
    {
        var entra = new FakeEntra(_server) { RefuseSecret = true };
        using var client = new DataverseWebApiClient($"AuthType=ClientSecret;Url={_server.BaseUrl};ClientId={ClientId};ClientSecret={Secret};TenantId=contoso.onmicrosoft.com",
            new DataverseWebApiClientOptions { MsalHttpClientFactory = entra });

        var error = Assert.Throws<DataverseConnectionException>(() => client.Execute(new OrganizationRequest(MessageNames.WhoAmI)));

        Assert.Contains("AADSTS7000215", error.Message);
        Assert.Contains("client secret", error.Message);
        Assert.DoesNotContain(Secret, error.ToString());
    }

    [Fact]
    public void TokenTheOrganizationRefuses_Should_FailWith401AndWhatToCheck()
    {
        using var client = new DataverseWebApiClient($"AuthType=Bearer;Url={_server.BaseUrl};Token=expired-token");

        var error = Assert.Throws<DataverseConnectionException>(() => client.Execute(new OrganizationRequest(MessageNames.WhoAmI)));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Contains("refused the token (401) for WhoAmI", error.Message);
        Assert.DoesNotContain("expired-token", error.Message);
    }

    [Fact]
    public void ServiceProtectionWaitBeyondTheRetryBudget_Should_FailAtOnceWithTheLimitsFault()
    {
        _server.Faults.TooManyRequests(times: null, retryAfter: TimeSpan.FromSeconds(300));
        using var client = new DataverseWebApiClient(_server.ConnectionString, new DataverseWebApiClientOptions { RetryBudget = TimeSpan.FromSeconds(5) });
        var started = DateTime.UtcNow;

        var fault = Assert.Throws<FaultException<OrganizationServiceFault>>(() => client.Execute(new OrganizationRequest(MessageNames.WhoAmI)));

        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(5));
        Assert.Equal(ErrorCodes.ServiceProtectionRequests, fault.Detail.ErrorCode);
        Assert.Contains("Retry-After 300 s", fault.Detail.Message);
        Assert.Equal(1, client.HttpRequests);
    }

    [Fact]
    public void AnswerSlowerThanTheRequestTimeout_Should_FailNamingTheRequest()
    {
        _server.Faults.Slow(TimeSpan.FromSeconds(5));
        using var client = new DataverseWebApiClient(_server.ConnectionString, new DataverseWebApiClientOptions { RequestTimeout = TimeSpan.FromMilliseconds(300) });

        var error = Assert.Throws<TimeoutException>(() => client.Execute(new OrganizationRequest(MessageNames.WhoAmI)));

        Assert.Contains("did not answer WhoAmI within 0.3 s", error.Message);
    }

    [Fact]
    public void MissingPrivilege_Should_BeAFaultNamingThePrivilege()
    {
        const string denied = "Principal user (Id=2f4a…, type=8, roleCount=1, privilegeCount=0), is missing prvReadSystemUser privilege (Id=…) on OTC=8 for entity 'systemuser'.";
        var handler = new AnswerHandler(HttpStatusCode.Forbidden, JsonSerializer.Serialize(new { error = new { code = "0x80040220", message = denied } }));
        using var client = new DataverseWebApiClient("AuthType=Bearer;Url=https://contoso.crm4.dynamics.com;Token=t", new DataverseWebApiClientOptions { HttpHandler = handler });

        var fault = Assert.Throws<FaultException<OrganizationServiceFault>>(() => client.Execute(new OrganizationRequest(MessageNames.WhoAmI)));

        Assert.Equal(ErrorCodes.PrivilegeDenied, fault.Detail.ErrorCode);
        Assert.StartsWith(denied, fault.Detail.Message);
        Assert.Contains("the application user needs the privilege prvReadSystemUser", fault.Detail.Message);
    }

    [Fact]
    public void HostServices_Should_GiveOneClientAsTheOrganizationService()
    {
        using var provider = new ServiceCollection()
            .AddDataverseWebApiClient(_server.ConnectionString)
            .BuildServiceProvider();

        var service = provider.GetRequiredService<IOrganizationService>();

        Assert.Same(provider.GetRequiredService<DataverseWebApiClient>(), service);
        Assert.Equal(_server.Organization.AdministratorId, service.Execute(new OrganizationRequest(MessageNames.WhoAmI))[ParameterNames.UserId]);
    }

    [Fact]
    public void QueryTooLongForAUrl_Should_GoInABatchAndAnswerTheSame()
    {
        using var client = new DataverseWebApiClient(_server.ConnectionString);
        var wanted = client.Create(new Entity(Account.EntityName) { [Account.Name] = "Wanted" });
        client.Create(new Entity(Account.EntityName) { [Account.Name] = "Other" });
        var query = new Microsoft.Xrm.Sdk.Query.QueryExpression(Account.EntityName) { ColumnSet = new Microsoft.Xrm.Sdk.Query.ColumnSet(Account.Name) };
        query.Criteria.AddCondition(Account.PrimaryId, Microsoft.Xrm.Sdk.Query.ConditionOperator.In, Enumerable.Range(0, 1000).Select(_ => (object)Guid.NewGuid()).Append(wanted).ToArray());
        _server.Requests.Reset();

        var rows = client.RetrieveMultiple(query).Entities;

        Assert.Equal("Wanted", Assert.Single(rows)[Account.Name]);
        Assert.Equal("POST", Assert.Single(_server.Requests.Log).Method);
    }

    private static byte[] Base64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded.PadRight(padded.Length + (4 - padded.Length % 4) % 4, '='));
    }

    /// <summary>Microsoft Entra ID's token endpoint as MSAL reaches it through its HTTP client factory (MSAL's own test hook).</summary>
    private sealed class FakeEntra(LocalOrgServer.LocalOrgServer server) : HttpMessageHandler, IMsalHttpClientFactory
    {
        public List<(string Url, Dictionary<string, string> Form)> TokenRequests { get; } = new();

        public bool RefuseSecret { get; init; }

        public HttpClient GetHttpClient() => new(this, disposeHandler: false);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var url = request.RequestUri!.ToString();
            if (url.Contains("/discovery/instance", StringComparison.Ordinal))
            {
                var host = request.RequestUri.Host;
                return Json(HttpStatusCode.OK, new
                {
                    tenant_discovery_endpoint = $"https://{host}/common/v2.0/.well-known/openid-configuration",
                    api_version = "1.1",
                    metadata = new[] { new { preferred_network = host, preferred_cache = host, aliases = new[] { host } } },
                });
            }
            if (!url.EndsWith("/oauth2/v2.0/token", StringComparison.Ordinal)) return Json(HttpStatusCode.NotFound, new { error = "not_found" });
            var form = (await request.Content!.ReadAsStringAsync(cancellationToken)).Split('&')
                .Select(p => p.Split('=', 2)).ToDictionary(p => Uri.UnescapeDataString(p[0]), p => Uri.UnescapeDataString(p[1].Replace('+', ' ')));
            TokenRequests.Add((url, form));
            if (RefuseSecret)
                return Json(HttpStatusCode.Unauthorized, new { error = "invalid_client", error_description = "AADSTS7000215: Invalid client secret provided.", error_codes = new[] { 7000215 } });
            return Json(HttpStatusCode.OK, new { token_type = "Bearer", expires_in = 3599, ext_expires_in = 3599, access_token = server.Token });
        }

        private static HttpResponseMessage Json(HttpStatusCode status, object body) =>
            new(status) { Content = new StringContent(JsonSerializer.Serialize(body).Replace("api_version", "api-version"), Encoding.UTF8, "application/json") };
    }

    private sealed class AnswerHandler(HttpStatusCode status, string body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
    }
}
