using System.Net;
using System.Net.Http.Headers;
using System.Text;
using VoiceForD365.LocalOrg.Samples;
using VoiceForD365.RoutingService;
using Xunit;

namespace VoiceForD365.Tests.Routing;

/// <summary>Who may ask: Enreach's X-Benemen-APIKey or HTTP Basic for SmartRouting, a bearer key for Webex; each endpoint its own keys.</summary>
public sealed class SmartRoutingAuthenticationTests(SampleRoutingFixture fixture) : IClassFixture<SampleRoutingFixture>
{
    private RoutingHarness Harness => fixture.Harness;

    [Fact]
    public async Task MissingKey_Should_Get401WithAChallenge()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Harness.Routing.SmartRoutingUrl)
            { Content = new StringContent("{\"anum\":\"+358401234567\",\"bnum\":\"+358942425000\"}", Encoding.UTF8, "application/json") };
        using var response = await Harness.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Basic realm=\"Voice for D365 SmartRouting\"", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task WrongKey_Should_Get401()
    {
        var (status, _) = await Harness.RouteAsync(SampleData.LiisaMobile, SampleData.ServiceDeskNumber, key: RoutingHarness.EnreachKey + "x");

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task WebexKey_Should_NotOpenSmartRouting()
    {
        var (status, _) = await Harness.RouteAsync(SampleData.LiisaMobile, SampleData.ServiceDeskNumber, key: RoutingHarness.WebexKey);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Theory]
    [InlineData("enreach:" + RoutingHarness.EnreachKey, HttpStatusCode.OK)]
    [InlineData(":" + RoutingHarness.EnreachKey, HttpStatusCode.OK)]
    [InlineData(RoutingHarness.EnreachKey + ":nope", HttpStatusCode.Unauthorized)]
    public async Task BasicCredentials_Should_TakeTheKeyAsThePassword(string credentials, HttpStatusCode expected)
    {
        var (status, _) = await Harness.PostAsync($"{{\"anum\":\"{SampleData.LiisaMobile}\",\"bnum\":\"{SampleData.ServiceDeskNumber}\"}}", key: null,
            headers: h => h.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials))));

        Assert.Equal(expected, status);
    }

    [Fact]
    public async Task WebexWithoutItsBearerKey_Should_Get401()
    {
        var missing = await Harness.WebexAsync(SampleData.LiisaMobile, key: null);
        var enreachs = await Harness.WebexAsync(SampleData.LiisaMobile, key: RoutingHarness.EnreachKey);

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (missing.Status, enreachs.Status));
    }

    [Fact]
    public async Task Log_Should_NeverHoldAKey()
    {
        await Harness.RouteAsync(SampleData.LiisaMobile, SampleData.ServiceDeskNumber);
        await Harness.RouteAsync(SampleData.LiisaMobile, SampleData.ServiceDeskNumber, key: "a-wrong-key-of-some-length");
        await Harness.WebexAsync(SampleData.LiisaMobile);

        Assert.NotEmpty(Harness.Log.Lines);
        Assert.DoesNotContain(RoutingHarness.EnreachKey, Harness.Log.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(RoutingHarness.WebexKey, Harness.Log.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("a-wrong-key-of-some-length", Harness.Log.Text, StringComparison.Ordinal);
    }
}

/// <summary>Rotating a key: both keys work while Enreach moves to the new one, then the old one is refused.</summary>
public sealed class ApiKeyRotationTests
{
    private const string OldKey = "old-key-0123456789abcdef";
    private const string NewKey = "new-key-0123456789abcdef";

    [Fact]
    public async Task TwoKeys_Should_BothBeAccepted()
    {
        await using var harness = await RoutingHarness.StartAsync(enreachKeys: [OldKey, NewKey]);

        var old = await harness.RouteAsync(SampleData.LiisaMobile, SampleData.ServiceDeskNumber, key: OldKey);
        var @new = await harness.RouteAsync(SampleData.LiisaMobile, SampleData.ServiceDeskNumber, key: NewKey);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (old.Status, @new.Status));
    }

    [Fact]
    public async Task RotatedOutKey_Should_Get401()
    {
        await using var harness = await RoutingHarness.StartAsync(enreachKeys: [NewKey]);

        var (status, _) = await harness.RouteAsync(SampleData.LiisaMobile, SampleData.ServiceDeskNumber, key: OldKey);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public void KeysFromTheEnvironmentAndASecretsFile_Should_AllBeAccepted()
    {
        var file = Path.Combine(Path.GetTempPath(), $"vfd-keys-{Guid.NewGuid():N}");
        File.WriteAllText(file, NewKey + "\n");
        try
        {
            var environment = new Dictionary<string, string?>
            {
                [ApiKeySource.SmartRoutingVariable] = $" {OldKey} ,",
                [ApiKeySource.SmartRoutingVariable + ApiKeySource.FileSuffix] = file,
            };

            var keys = ApiKeySource.Read(ApiKeySource.SmartRoutingVariable, name => environment.GetValueOrDefault(name));

            Assert.Equal((2, true, true, false), (keys.Count, keys.Matches(OldKey), keys.Matches(NewKey), keys.Matches(OldKey + NewKey)));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void ShortKey_Should_BeRefusedWithoutShowingIt()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ApiKeySource.Read(ApiKeySource.WebexVariable, name => name == ApiKeySource.WebexVariable ? "tooshort" : null));

        Assert.Equal($"Key 1 of {ApiKeySource.WebexVariable} is shorter than 16 characters or holds a space: use a long random key (e.g. openssl rand -hex 32).", error.Message);
    }
}
