using System.Net;
using System.Text;
using VoiceForD365.Cli.Route;
using VoiceForD365.Cli.Serve;
using VoiceForD365.LocalOrg.Samples;
using VoiceForD365.RoutingService;
using Xunit;

namespace VoiceForD365.Tests.Routing;

/// <summary>`vfd route` against `vfd serve`'s organization: its address first, the sample callers routed, the keys only from the environment.</summary>
public sealed class RouteCommandTests : IDisposable
{
    private const string EnreachKey = "route-test-enreach-key-0123456789";

    private readonly ServedOrganization _served = ServedOrganization.Start(new ServeOptions { Port = 0 });

    private string Connection => _served.Server.ConnectionString;

    [Fact]
    public async Task RouteAgainstVfdServe_Should_PrintItsAddressFirst_RouteTheSampleCallers_AndStopOnRequest()
    {
        var output = new StringWriter();
        var lines = TextWriter.Synchronized(output);
        using var stop = new CancellationTokenSource();
        var environment = Environment(("VFD_ROUTING_API_KEYS", EnreachKey));
        var run = Task.Run(() => RouteCommand.Run(new RouteOptions { Connection = Connection, Port = 0 }, environment, lines, lines, stop.Token));
        var started = await WaitForAsync(lines, output, "Press Ctrl-C to stop.");

        var first = started.Split('\n')[0].TrimEnd('\r');
        Assert.Matches(@"^Routing service: http://127\.0\.0\.1:\d+/ \(POST /smartrouting, GET /webex/caller\?ani=…, GET /health\)$", first);
        Assert.Contains("Keys:            SmartRouting 1 key (VFD_ROUTING_API_KEYS), Webex none (the endpoint refuses every request)", started);
        Assert.Contains("Routing rules:   4 active, read again every 60 s", started);
        var address = new Uri(first["Routing service: ".Length..first.IndexOf(' ', "Routing service: ".Length)]);
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(address, "smartrouting"))
        {
            Content = new StringContent($"{{\"anum\":\"{SampleData.PekkaMobile}\",\"bnum\":\"{SampleData.ServiceDeskNumber}\",\"extradata\":{{\"CallId\":\"cli-1\"}}}}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(ApiKeyAuthenticationHandler.EnreachKeyHeader, EnreachKey);
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var logged = await WaitForAsync(lines, output, "SmartRouting cli-1 ");
        await stop.CancelAsync();
        var exitCode = await run.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal((HttpStatusCode.OK, $"{{\"InitialTarget\":\"{SampleData.SalesNumber}\"}}"), (response.StatusCode, body));
        Assert.Contains("(Routed: rule 'Leads to sales'", logged);
        Assert.DoesNotContain(EnreachKey, Read(lines, output));
        Assert.Equal(0, exitCode);
        Assert.Matches(@"Stopped after \d+ Dataverse requests for calls\.\r?\n$", Read(lines, output));
    }

    [Fact]
    public void RouteWithoutKeys_Should_ExitOneNamingTheVariables()
    {
        var (exitCode, error) = RunToTheEnd(Environment());

        Assert.Equal(1, exitCode);
        Assert.Contains("No API keys: set VFD_ROUTING_API_KEYS", error);
        Assert.Contains("VFD_WEBEX_API_KEYS_FILE", error);
    }

    [Fact]
    public void RouteWithAShortKey_Should_ExitOneWithoutShowingIt()
    {
        var (exitCode, error) = RunToTheEnd(Environment(("VFD_WEBEX_API_KEYS", "short-key")));

        Assert.Equal(1, exitCode);
        Assert.Contains("Key 1 of VFD_WEBEX_API_KEYS is shorter than 16 characters", error);
        Assert.DoesNotContain("short-key", error);
    }

    [Fact]
    public void RouteWithoutAConnection_Should_ExitOneSayingHowToGiveIt()
    {
        using var error = new StringWriter();

        var exitCode = RouteCommand.Run(new RouteOptions { Connection = null, Port = 0 }, Environment(("VFD_ROUTING_API_KEYS", EnreachKey)), TextWriter.Null, error, CancellationToken.None);

        Assert.Equal(1, exitCode);
        Assert.Contains("--connection", error.ToString());
        Assert.Contains("VFD_CONNECTION", error.ToString());
    }

    public void Dispose() => _served.Dispose();

    private (int ExitCode, string Error) RunToTheEnd(Func<string, string?> environment)
    {
        using var error = new StringWriter();
        var exitCode = RouteCommand.Run(new RouteOptions { Connection = Connection, Port = 0 }, environment, TextWriter.Null, error, CancellationToken.None);
        return (exitCode, error.ToString());
    }

    private static Func<string, string?> Environment(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;

    private static string Read(TextWriter synchronized, StringWriter inner)
    {
        lock (synchronized) return inner.ToString();
    }

    /// <summary>The output once it holds <paramref name="text"/> (at most 30 s).</summary>
    private static async Task<string> WaitForAsync(TextWriter synchronized, StringWriter inner, string text)
    {
        for (var waited = 0; waited < 300; waited++)
        {
            var now = Read(synchronized, inner);
            if (now.Contains(text, StringComparison.Ordinal)) return now;
            await Task.Delay(100);
        }
        throw new TimeoutException($"vfd route wrote no '{text}' in 30 s:\n{Read(synchronized, inner)}");
    }
}
