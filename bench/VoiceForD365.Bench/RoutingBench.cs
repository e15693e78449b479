using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Xrm.Sdk;
using VoiceForD365.Core.Schema;
using VoiceForD365.LocalOrg;
using VoiceForD365.LocalOrg.Samples;
using VoiceForD365.Plugins.Numbers;
using VoiceForD365.Plugins.Routing;
using VoiceForD365.RoutingService;
using VoiceForD365.WebApiClient;

namespace VoiceForD365.Bench;

/// <summary>
/// Issue 13's load benchmark: the routing service (what `vfd route` hosts) on loopback against the local organization
/// served as a Dataverse Web API, driven open-loop at a fixed rate of SmartRouting requests (1,000 a second for 30 s by
/// default). Two phases: a warm cache (the callers repeat, 1 in 100 requests is a first-time caller), and Dynamics
/// hanging (every Dataverse request held until the client gives up, and a cache that knows no caller). Reports p50,
/// p99 and max latency (from the moment a request was due, so a late send counts against the service), errors (a
/// transport failure, no answer within Enreach's 5 s, a status or body other than the caller's) and Dataverse requests
/// per routing decision, and checks the targets.
/// </summary>
internal static class RoutingBench
{
    private const string EnreachKey = "bench-enreach-key-0123456789abcdef";
    private const int GeneratedCallers = 1_000;
    private const int VipShare = 4; // every 4th generated contact works for Contoso, a preferred customer
    private const int UnknownCallers = 100;
    private const int FirstTimeCallerEvery = 100;
    private const int MaxOutstanding = 4_000;

    private static readonly TimeSpan EnreachTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan P99Target = TimeSpan.FromMilliseconds(50);

    /// <summary>How hard and how long each phase runs.</summary>
    public sealed record Load(int RequestsPerSecond, int Seconds)
    {
        public static Load Full { get; } = new(1_000, 30);

        public static Load Quick { get; } = new(1_000, 5);

        public int Requests => RequestsPerSecond * Seconds;
    }

    /// <summary>Runs both phases, writes the report and returns the failed targets (empty when all pass).</summary>
    public static IReadOnlyList<string> Run(TextWriter output, Load load)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(load.RequestsPerSecond, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(load.RequestsPerSecond, 5_000);
        ArgumentOutOfRangeException.ThrowIfLessThan(load.Seconds, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(load.Seconds, 120);
        return RunAsync(output, load).GetAwaiter().GetResult();
    }

    private static async Task<IReadOnlyList<string>> RunAsync(TextWriter output, Load load)
    {
        var organization = new LocalOrganization(new LocalOrganizationOptions { PluginTypes = [typeof(NumberKeysOnPhoneChange), typeof(RoutingRuleValidation)] });
        var sample = SampleData.Seed(organization.Service);
        var population = Seed(organization, sample);
        using var dataverse = LocalOrgServer.LocalOrgServer.Start(organization);
        var options = new RoutingServiceOptions();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1_024, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            Timeout = EnreachTimeout,
        };

        output.WriteLine($"Routing service over HTTP on 127.0.0.1 against the local organization served as a Web API: {load.RequestsPerSecond:N0} SmartRouting requests a second for {load.Seconds} s a phase, "
            + $"{Environment.ProcessorCount} processors, {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC (client, service and organization in one process); budget {options.BudgetMilliseconds:N0} ms, caller cache {options.CallerCacheSeconds} s");
        output.WriteLine($"Callers: {population.Count:N0} numbers that repeat ({GeneratedCallers:N0} generated contacts, every {VipShare}th of Contoso, a preferred customer; the sample's {population.Count - GeneratedCallers - UnknownCallers} callers; {UnknownCallers} unknown numbers), "
            + $"and in the warm phase 1 request in {FirstTimeCallerEvery} from a first-time caller (a number never seen).");
        output.WriteLine();

        // Phase 1: every caller once (the cache warms; not measured), then the load.
        var warm = await StartAsync(dataverse, options);
        Result warmRun;
        WarmUp warmUp;
        await using (warm.Server)
        using (warm.Client)
        {
            warmUp = await WarmUpAsync(http, warm.Server, population);
            warmRun = await DriveAsync(http, warm.Server, load, i => i % FirstTimeCallerEvery == FirstTimeCallerEvery - 1
                ? new Call($"+358 50 8{i:D6}", HttpStatusCode.NoContent, "", FirstTime: true)
                : warmUp.Expected[population[Spread(i, population.Count)]]);
        }

        // Phase 2: a service that knows no caller yet, and a Dynamics that answers nothing (after the rules were read).
        var hanging = await StartAsync(dataverse, options);
        Result hangingRun;
        await using (hanging.Server)
        using (hanging.Client)
        {
            dataverse.Faults.Slow(TimeSpan.FromMinutes(10));
            hangingRun = await DriveAsync(http, hanging.Server, load, i => new Call(population[Spread(i, population.Count)], HttpStatusCode.NoContent, ""));
            dataverse.Faults.Clear();
        }

        Print(output, warmUp, warmRun, hangingRun);
        var failures = new List<string>();
        output.WriteLine();
        output.WriteLine("Targets:");
        var budget = TimeSpan.FromMilliseconds(options.BudgetMilliseconds);
        Check(output, failures, warmRun.Errors == 0, $"warm cache: {warmRun.Errors:N0} errors (target 0){warmRun.ErrorSamples}");
        Check(output, failures, warmRun.P99 < P99Target, $"warm cache: p99 {Ms(warmRun.P99)} ms (target under {P99Target.TotalMilliseconds:N0} ms)");
        Check(output, failures, warmRun.PerDecision < 0.1, $"warm cache: {warmRun.PerDecision:N3} Dataverse requests per routing decision (target under 0.1, well under one)");
        Check(output, failures, hangingRun.Errors == 0, $"Dynamics hanging: {hangingRun.Errors:N0} errors, every answer a 204 (target 0){hangingRun.ErrorSamples}");
        Check(output, failures, hangingRun.Max < budget + TimeSpan.FromMilliseconds(250),
            $"Dynamics hanging: max {Ms(hangingRun.Max)} ms (target within the {budget.TotalMilliseconds:N0} ms budget, +250 ms for HTTP and scheduling; Enreach waits 5,000 ms)");
        return failures;
    }

    /// <summary>1,000 generated contacts (every 4th of Contoso) besides the sample's callers; the numbers that repeat, in a fixed order.</summary>
    private static List<string> Seed(LocalOrganization organization, SampleData sample)
    {
        var contoso = sample.Accounts.Single(a => a.Name == "Contoso Oy");
        for (var i = 0; i < GeneratedCallers; i++)
        {
            var contact = SampleData.GeneratedContact(i);
            if (i % VipShare == 0) contact[Contact.ParentCustomerId] = new EntityReference(Account.EntityName, contoso.Id);
            organization.Service.Create(contact);
        }
        var numbers = Enumerable.Range(0, GeneratedCallers).Select(i => SampleData.GeneratedContact(i).GetAttributeValue<string>(Contact.Telephone1)).ToList();
        numbers.AddRange([SampleData.LiisaMobile, SampleData.ErikMobile, SampleData.PekkaMobile, SampleData.HelsinkiSwitchboardPrefix + " 1000", "+46 8 5550 1000"]);
        numbers.AddRange(Enumerable.Range(0, UnknownCallers).Select(i => $"+358 50 9{i:D6}"));
        return numbers;
    }

    private static async Task<(RoutingServer Server, DataverseWebApiClient Client)> StartAsync(LocalOrgServer.LocalOrgServer dataverse, RoutingServiceOptions options)
    {
        var connection = DataverseConnectionString.Parse(dataverse.ConnectionString);
        var client = RoutingHosting.CreateClient(connection, options);
        var server = await RoutingServer.StartAsync(new RoutingServiceSetup
        {
            Dynamics = client,
            OrganizationUrl = connection.Url,
            Options = options,
            SmartRoutingKeys = ApiKeyRing.Of([EnreachKey], "bench"),
        }, new RoutingServerOptions { Port = 0 });
        await server.FirstRuleReadAsync();
        if (server.RuleCount is null) throw new InvalidOperationException("The routing service could not read the rules.");
        return (server, client);
    }

    /// <summary>Each caller once, 8 at a time: what they are answered is what the load expects of them.</summary>
    private static async Task<WarmUp> WarmUpAsync(HttpClient http, RoutingServer server, IReadOnlyList<string> population)
    {
        var expected = new ConcurrentDictionary<string, Call>(StringComparer.Ordinal);
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(population, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (number, cancel) =>
        {
            using var response = await http.SendAsync(Request(server, number), cancel);
            expected[number] = new Call(number, response.StatusCode, await response.Content.ReadAsStringAsync(cancel));
        });
        return new WarmUp(expected, server.DataverseRequests, watch.Elapsed);
    }

    /// <summary>
    /// Sends request i at start + i / rate whatever became of the earlier ones (open loop), and times each from when it
    /// was due to its last byte. Bounded: the schedule's requests, at most <see cref="MaxOutstanding"/> at once (one more
    /// is an error, not a wait), each given up after Enreach's 5 s.
    /// </summary>
    private static async Task<Result> DriveAsync(HttpClient http, RoutingServer server, Load load, Func<int, Call> callOf)
    {
        var count = load.Requests;
        var latencies = new double[count];
        var failures = new string?[count];
        var firstTime = new bool[count];
        var routed = 0;
        var outstanding = 0;
        var tasks = new List<Task>(count);
        var requestsBefore = server.DataverseRequests;
        var tick = Stopwatch.Frequency / (double)load.RequestsPerSecond;
        var clock = Stopwatch.StartNew();
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            var due = start + (long)(i * tick);
            while (Stopwatch.GetTimestamp() < due) await Task.Delay(1);
            if (Volatile.Read(ref outstanding) >= MaxOutstanding)
            {
                failures[i] = $"not sent: {MaxOutstanding:N0} requests still without an answer";
                continue;
            }
            Interlocked.Increment(ref outstanding);
            var index = i;
            tasks.Add(Task.Run(async () =>
            {
                var call = callOf(index);
                firstTime[index] = call.FirstTime;
                try
                {
                    using var response = await http.SendAsync(Request(server, call.Number));
                    var body = await response.Content.ReadAsStringAsync();
                    latencies[index] = Stopwatch.GetElapsedTime(due).TotalMilliseconds;
                    if (response.StatusCode == HttpStatusCode.OK) Interlocked.Increment(ref routed);
                    if (response.StatusCode != call.Status || body != call.Body)
                        failures[index] = $"{call.Number}: {(int)response.StatusCode} {body} (expected {(int)call.Status} {call.Body})";
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    latencies[index] = Stopwatch.GetElapsedTime(due).TotalMilliseconds;
                    failures[index] = $"{call.Number}: {(e is TaskCanceledException ? $"no answer within {EnreachTimeout.TotalSeconds:0} s" : e.Message)}";
                }
                finally
                {
                    Interlocked.Decrement(ref outstanding);
                }
            }));
        }
        var sending = clock.Elapsed;
        await Task.WhenAll(tasks);
        var answered = Enumerable.Range(0, count).Where(i => failures[i] is null || !failures[i]!.StartsWith("not sent", StringComparison.Ordinal)).ToList();
        var errors = failures.Where(f => f is not null).ToList();
        return new Result(count, sending, Latencies.Of(answered.Select(i => latencies[i])), Latencies.Of(answered.Where(i => firstTime[i]).Select(i => latencies[i])),
            answered.Count(i => latencies[i] >= 1_000), errors.Count, errors.Count == 0 ? "" : "; e.g. " + string.Join("; ", errors.Take(3)), routed, server.DataverseRequests - requestsBefore);
    }

    private static HttpRequestMessage Request(RoutingServer server, string anum)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, server.SmartRoutingUrl)
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes($"{{\"anum\":\"{anum}\",\"bnum\":\"{SampleData.ServiceDeskNumber}\",\"extradata\":{{\"IsInternalCaller\":false}}}}")),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add(ApiKeyAuthenticationHandler.EnreachKeyHeader, EnreachKey);
        return request;
    }

    /// <summary>The caller of request i: every number of the population in turn, in a scattered order (7,919 is prime).</summary>
    private static int Spread(int i, int count) => (int)((long)i * 7_919 % count);

    private static void Print(TextWriter output, WarmUp warmUp, Result warm, Result hanging)
    {
        output.WriteLine($"Warm-up (not measured): {warmUp.Expected.Count:N0} callers once each in {warmUp.Elapsed.TotalSeconds:N1} s, {warmUp.DataverseRequests:N0} Dataverse requests "
            + $"({warmUp.DataverseRequests / (double)warmUp.Expected.Count:N2} per new caller); {warmUp.Expected.Values.Count(c => c.Status == HttpStatusCode.OK):N0} of them routed (200), the others 204.");
        output.WriteLine();
        string[] headers = ["phase", "requests", "sent/s", "errors", "200 routed", "p50 ms", "p99 ms", "max ms", "Dataverse requests", "per decision"];
        var rows = new[] { ("warm cache", warm), ("Dynamics hanging", hanging) }.Select(r => new[]
        {
            r.Item1,
            r.Item2.Requests.ToString("N0"),
            (r.Item2.Requests / r.Item2.Sending.TotalSeconds).ToString("N0"),
            r.Item2.Errors.ToString("N0"),
            r.Item2.Routed.ToString("N0"),
            Ms(r.Item2.All.P50),
            Ms(r.Item2.All.P99),
            Ms(r.Item2.All.Max),
            r.Item2.DataverseRequests.ToString("N0"),
            r.Item2.PerDecision.ToString("N3"),
        }).ToList();
        BenchTable.Write(output, headers, rows);
        output.WriteLine();
        var first = warm.FirstTime;
        output.WriteLine($"Of the warm phase, the {first.Count:N0} first-time callers (each a lookup in Dynamics): p50 {Ms(first.P50)} ms, p99 {Ms(first.P99)} ms, max {Ms(first.Max)} ms.");
        output.WriteLine($"Of the hanging phase, {hanging.OverOneSecond:N0} answers took over a second: the calls whose lookup asked Dynamics and waited the budget (until the circuit opened, and at each half-open try); "
            + "the others were answered at once, as the circuit was open or the lookup queue full.");
        output.WriteLine("Latency from when a request was due to its answer's last byte. Dataverse requests: those the service made for calls (each query of a lookup, also one given up at the budget); the rule refreshes are not counted.");
    }

    private static string Ms(TimeSpan time) => time.TotalMilliseconds.ToString(time.TotalMilliseconds < 10 ? "N2" : "N1");

    private static void Check(TextWriter output, List<string> failures, bool passed, string target)
    {
        output.WriteLine($"  {(passed ? "PASS" : "FAIL")}  {target}");
        if (!passed) failures.Add(target);
    }

    /// <summary>A request's caller and the answer it must get.</summary>
    private sealed record Call(string Number, HttpStatusCode Status, string Body, bool FirstTime = false);

    private sealed record WarmUp(IReadOnlyDictionary<string, Call> Expected, long DataverseRequests, TimeSpan Elapsed);

    private sealed record Result(int Requests, TimeSpan Sending, Latencies All, Latencies FirstTime, int OverOneSecond, int Errors, string ErrorSamples, int Routed, long DataverseRequests)
    {
        public double PerDecision => DataverseRequests / (double)Requests;

        public TimeSpan P99 => All.P99;

        public TimeSpan Max => All.Max;
    }

    /// <summary>p50, p99 and max of some answers' latencies (ms).</summary>
    private sealed record Latencies(int Count, TimeSpan P50, TimeSpan P99, TimeSpan Max)
    {
        public static Latencies Of(IEnumerable<double> milliseconds)
        {
            var sorted = milliseconds.Order().ToArray();
            TimeSpan At(double share) => sorted.Length == 0 ? TimeSpan.Zero : TimeSpan.FromMilliseconds(sorted[Math.Max(0, (int)Math.Ceiling(share * sorted.Length) - 1)]);
            return new Latencies(sorted.Length, At(0.50), At(0.99), At(1));
        }
    }
}
