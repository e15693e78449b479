using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using VoiceForD365.LocalOrg.Samples;
using VoiceForD365.RoutingService;
using VoiceForD365.WebApiClient;

namespace VoiceForD365.Cli.Demo.Scenarios;

/// <summary>
/// The routing service as `vfd route` runs it, against the demo's organization served as a Dataverse Web API: Enreach's
/// SmartRouting requests for a VIP caller, an unknown caller and a call the loop guard keeps where it is, and the Webex
/// IVR lookup of a caller with an active case, all over loopback HTTP with the service's own keys.
/// </summary>
public sealed partial class RoutingScenario : IDemoScenario
{
    private const string UnknownNumber = "+358 50 111 2223";

    public string Name => "routing";

    public string Title => "Smart routing and the Webex IVR lookup";

    public string Summary => "Enreach SmartRouting and the Webex IVR lookup answered by the routing service from the rules in Dynamics";

    public int Order => 90;

    public IReadOnlyList<Type> Requires => [typeof(SampleDataScenario)];

    public string ReadMore => "Smart routing and the Webex IVR lookup (SPEC C7)";

    public void Run(DemoContext context) => RunAsync(context).GetAwaiter().GetResult();

    private static async Task RunAsync(DemoContext context)
    {
        var output = context.Output;
        var detail = context.Detail;
        using var dataverse = LocalOrgServer.LocalOrgServer.Start(context.Organization);
        var connection = DataverseConnectionString.Parse(dataverse.ConnectionString);
        var options = new RoutingServiceOptions();
        using var client = RoutingHosting.CreateClient(connection, options);
        // Keys of the demo's own, as VFD_ROUTING_API_KEYS and VFD_WEBEX_API_KEYS would hold them; never shown.
        var enreachKey = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        var webexKey = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        using var log = new StringWriter();
        await using var server = await RoutingServer.StartAsync(new RoutingServiceSetup
        {
            Dynamics = client,
            OrganizationUrl = connection.Url,
            Options = options,
            SmartRoutingKeys = ApiKeyRing.Of([enreachKey], "the demo"),
            WebexKeys = ApiKeyRing.Of([webexKey], "the demo"),
        }, new RoutingServerOptions { Port = 0, Loggers = [new CommandLogProvider(log)] });
        await server.FirstRuleReadAsync();
        using var http = new HttpClient();
        output.WriteLine($"  Routing service (what vfd route runs) on {server.BaseUrl} against this organization over its Web API: {server.RuleCount} active routing rules");

        var liisa = context.Sample.Contacts[0];
        var vip = await RouteAsync(context, http, server, log, enreachKey, "(a) VIP caller", $"{liisa.Name} ({SampleData.LiisaMobile})", SampleData.LiisaMobile, SampleData.ServiceDeskNumber);
        if (context.Verbose) await RouteAsync(context, http, server, log, enreachKey, "(a) again:", $"{liisa.Name}, now in the cache,", SampleData.LiisaMobile, SampleData.ServiceDeskNumber);
        var unknown = await RouteAsync(context, http, server, log, enreachKey, "(b) Unknown caller", UnknownNumber, UnknownNumber, SampleData.ServiceDeskNumber);
        var loop = await RouteAsync(context, http, server, log, enreachKey, "(c) Loop guard:", $"{liisa.Name}, whose rule sends her to the VIP queue,", SampleData.LiisaMobile, SampleData.VipQueueNumber);

        var before = server.DataverseRequests;
        using var lookup = new HttpRequestMessage(HttpMethod.Get, new Uri(server.WebexUrl + "?ani=" + Uri.EscapeDataString(SampleData.ErikMobile)));
        lookup.Headers.Authorization = new AuthenticationHeaderValue("Bearer", webexKey);
        using var response = await http.SendAsync(lookup);
        var body = await response.Content.ReadAsStringAsync();
        var answer = JsonDocument.Parse(body).RootElement;
        string Text(string name) => answer.GetProperty(name).GetString() ?? "";
        var priority = answer.GetProperty("queuePriority").GetInt32();
        output.WriteLine($"  (d) Webex lookup GET {server.WebexUrl.AbsolutePath}?ani={SampleData.ErikMobile}: {(int)response.StatusCode} {Text("customerType")} {Text("customerName")}, "
            + $"case {Text("caseNumber")} \"{Text("caseTitle")}\" ({Text("casePriority")} priority), queue priority {priority}");
        output.WriteLine($"      screen pop: {Text("screenPopUrl")}");
        detail.WriteLine($"      the answer: {body}");
        detail.WriteLine($"      {DemoRunner.Plural((int)(server.DataverseRequests - before), "Dataverse request")}; service log: {LogLine(log, "Webex caller")}");
        context.Conclude($"VIP caller routed ({vip}), unknown caller {unknown}, loop guard {loop}; Webex: case {Text("caseNumber")}, queue priority {priority}, its screen pop");
    }

    /// <summary>POST /smartrouting as Enreach sends it; writes the answer (and with --verbose the service's log line and the Dataverse requests) and returns it in short.</summary>
    private static async Task<string> RouteAsync(DemoContext context, HttpClient http, RoutingServer server, StringWriter log, string key, string label, string who, string anum, string bnum)
    {
        var callId = "demo-" + Guid.NewGuid().ToString("N")[..8];
        using var request = new HttpRequestMessage(HttpMethod.Post, server.SmartRoutingUrl)
        {
            Content = new StringContent(JsonSerializer.Serialize(new { anum, bnum, extradata = new { CallId = callId, IsInternalCaller = false } }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(ApiKeyAuthenticationHandler.EnreachKeyHeader, key);
        var before = server.DataverseRequests;
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var line = LogLine(log, callId);
        var outcome = Outcome().Match(line);
        var why = outcome.Groups["outcome"].Value switch
        {
            "Routed" when Rule().Match(line) is { Success: true } rule => $"rule '{rule.Groups[1].Value}'",
            "NoRuleApplies" => "no rule applies: Enreach routes the call as it would without us",
            "LoopPrevented" => "that is the number called, so the call stays where it is",
            var other => other,
        };
        var status = (int)response.StatusCode;
        context.Output.WriteLine($"  {label} {who} calls {bnum}: {status}{(body.Length == 0 ? "" : " " + body)} ({why})");
        context.Detail.WriteLine($"      {DemoRunner.Plural((int)(server.DataverseRequests - before), "Dataverse request")}; service log: {line}");
        return body.Length == 0 ? status.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{status} to {JsonDocument.Parse(body).RootElement.GetProperty("InitialTarget").GetString()}";
    }

    /// <summary>The service's last log line that holds <paramref name="marker"/>, without its time.</summary>
    private static string LogLine(StringWriter log, string marker) =>
        log.ToString().Split('\n').Select(l => l.TrimEnd('\r')).LastOrDefault(l => l.Contains(marker, StringComparison.Ordinal)) is { } line
            ? line[(line.IndexOf(' ') + 1)..]
            : "(none)";

    [GeneratedRegex(@"\((?<outcome>[A-Za-z]+): ")]
    private static partial Regex Outcome();

    [GeneratedRegex(@"rule '([^']*)'")]
    private static partial Regex Rule();
}
