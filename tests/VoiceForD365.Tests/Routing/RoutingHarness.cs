using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Xrm.Sdk;
using VoiceForD365.Core.Schema;
using VoiceForD365.LocalOrg;
using VoiceForD365.LocalOrg.Samples;
using VoiceForD365.Plugins.Numbers;
using VoiceForD365.Plugins.Routing;
using VoiceForD365.RoutingService;
using VoiceForD365.WebApiClient;
using Xunit;

namespace VoiceForD365.Tests.Routing;

/// <summary>
/// The routing service as it runs in production, on loopback: the local organization with the sample data (and the
/// number key and routing rule plug-ins) served as a Dataverse Web API, the service talking to it through the product's
/// Web API client, and an HTTP client for Enreach's and Webex's requests.
/// </summary>
public sealed class RoutingHarness : IAsyncDisposable
{
    public const string EnreachKey = "enreach-key-0123456789abcdef";
    public const string WebexKey = "webex-key-0123456789abcdef";

    private DateTime _now = new(2025, 3, 1, 8, 0, 0, DateTimeKind.Utc);

    private RoutingHarness(bool validation)
    {
        Org = new LocalOrganization(new LocalOrganizationOptions
        {
            // Without the validation plug-in, as an organization where rules came in past it (an import that bypassed plug-ins).
            PluginTypes = validation ? [typeof(NumberKeysOnPhoneChange), typeof(RoutingRuleValidation)] : [typeof(NumberKeysOnPhoneChange)],
            UtcNow = () => _now,
        });
        Sample = SampleData.Seed(Org.Service);
        Dataverse = LocalOrgServer.LocalOrgServer.Start(Org);
    }

    public LocalOrganization Org { get; }

    public SampleData Sample { get; }

    public LocalOrgServer.LocalOrgServer Dataverse { get; }

    public RoutingServer Routing { get; private set; } = null!;

    public LogCapture Log { get; } = new();

    public HttpClient Http { get; } = new();

    private DataverseWebApiClient Client { get; set; } = null!;

    /// <summary>Starts the service with the sample data (changed by <paramref name="seed"/>) and waits for it to read the rules.</summary>
    public static async Task<RoutingHarness> StartAsync(Action<RoutingServiceOptions>? configure = null, string[]? enreachKeys = null, string[]? webexKeys = null,
        Action<RoutingHarness>? seed = null, bool validation = true)
    {
        var harness = new RoutingHarness(validation);
        seed?.Invoke(harness);
        var options = new RoutingServiceOptions { BreakerBreakSeconds = 1, BreakerSamplingSeconds = 30 };
        configure?.Invoke(options);
        var connection = DataverseConnectionString.Parse(harness.Dataverse.ConnectionString);
        harness.Client = RoutingHosting.CreateClient(connection, options);
        harness.Routing = await RoutingServer.StartAsync(new RoutingServiceSetup
        {
            Dynamics = harness.Client,
            OrganizationUrl = connection.Url,
            Options = options,
            SmartRoutingKeys = ApiKeyRing.Of(enreachKeys ?? [EnreachKey], "test"),
            WebexKeys = ApiKeyRing.Of(webexKeys ?? [WebexKey], "test"),
        }, new RoutingServerOptions { Port = 0, Loggers = [harness.Log] });
        await harness.Routing.FirstRuleReadAsync();
        return harness;
    }

    /// <summary>Moves the local organization's clock on (createdon orders matches and cases).</summary>
    public void Later(int minutes = 1) => _now = _now.AddMinutes(minutes);

    /// <summary>POST /smartrouting as Enreach sends it.</summary>
    public async Task<(HttpStatusCode Status, string Body)> RouteAsync(string anum, string bnum, string? key = EnreachKey, string? callId = null)
    {
        var extra = callId is null ? "" : $",\"extradata\":{{\"CallId\":\"{callId}\",\"IsInternalCaller\":false}}";
        return await PostAsync($"{{\"anum\":\"{anum}\",\"bnum\":\"{bnum}\"{extra}}}", key);
    }

    /// <summary>POST /smartrouting with this body, the key in X-Benemen-APIKey (null: none) and other credentials <paramref name="headers"/> adds.</summary>
    public async Task<(HttpStatusCode Status, string Body)> PostAsync(string body, string? key = EnreachKey, string contentType = "application/json",
        Action<HttpRequestHeaders>? headers = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Routing.SmartRoutingUrl) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (key is not null) request.Headers.Add(ApiKeyAuthenticationHandler.EnreachKeyHeader, key);
        headers?.Invoke(request.Headers);
        return await SendAsync(request);
    }

    /// <summary>GET /webex/caller?ani=… with the Webex bearer key.</summary>
    public async Task<(HttpStatusCode Status, JsonElement Json)> WebexAsync(string ani, string? key = WebexKey, bool encode = true)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Routing.WebexUrl + "?ani=" + (encode ? Uri.EscapeDataString(ani) : ani)));
        if (key is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        var (status, body) = await SendAsync(request);
        return (status, body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone());
    }

    public async Task<(HttpStatusCode Status, string Body)> SendAsync(HttpRequestMessage request)
    {
        using var response = await Http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>A routing rule saved as an administrator saves it (through the validation plug-in); the service reads it at once.</summary>
    public async Task<Guid> AddRuleAsync(string name, int order, int callerKind, string initialTarget, string? failTarget = null,
        (string Column, int Operator, string? Value)? condition = null, int? openCase = null, string? calledNumbers = null)
    {
        var id = Org.Service.Create(Rule(name, order, callerKind, initialTarget, failTarget, condition, openCase, calledNumbers));
        Assert.True(await Routing.RefreshRulesAsync());
        return id;
    }

    public static Entity Rule(string name, int order, int callerKind, string initialTarget, string? failTarget = null,
        (string Column, int Operator, string? Value)? condition = null, int? openCase = null, string? calledNumbers = null)
    {
        var rule = new Entity(RoutingRule.EntityName)
        {
            [RoutingRule.Name] = name,
            [RoutingRule.Order] = order,
            [RoutingRule.CallerKind] = new OptionSetValue(callerKind),
            [RoutingRule.InitialTarget] = initialTarget,
            [RoutingRule.FailTarget] = failTarget,
            [RoutingRule.CalledNumbers] = calledNumbers,
        };
        if (condition is { } c)
        {
            rule[RoutingRule.ConditionColumn] = c.Column;
            rule[RoutingRule.ConditionOperator] = new OptionSetValue(c.Operator);
            rule[RoutingRule.ConditionValue] = c.Value;
        }
        if (openCase is not null) rule[RoutingRule.OpenCasePriority] = new OptionSetValue(openCase.Value);
        return rule;
    }

    /// <summary>Sets a Voice for D365 setting (creating it when the organization doesn't have it).</summary>
    public async Task SetSettingAsync(string name, string value)
    {
        Org.Service.Create(new Entity(VoiceSetting.EntityName) { [VoiceSetting.Name] = name, [VoiceSetting.Value] = value });
        Assert.True(await Routing.RefreshRulesAsync());
    }

    public async ValueTask DisposeAsync()
    {
        await Routing.DisposeAsync();
        Client.Dispose();
        Dataverse.Dispose();
        Http.Dispose();
    }
}
