using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using VoiceForD365.Core.Data;
using VoiceForD365.Core.PhoneCalls;
using VoiceForD365.Core.Schema;
using VoiceForD365.Core.Settings;
using VoiceForD365.Emulator;
using VoiceForD365.LocalOrg;
using VoiceForD365.LocalOrg.Samples;
using VoiceForD365.Plugins.Numbers;
using VoiceForD365.SyncWorker;
using VoiceForD365.WebApiClient;

namespace VoiceForD365.Bench;

/// <summary>
/// Issue 11's benchmark: the phone call sync as the worker runs it (<see cref="OrganizationSync"/> over the Web API
/// client, against the local organization served on loopback and the Enreach emulator) on an organization of 200
/// users and 50,000 contacts, accounts and leads. A nightly retro over 24 hours of generated traffic (10,000 calls),
/// the same retro again, and a steady minute of a continuous run with 20 new calls. Request counts are exact (the
/// server's and the emulator's); the simulated time is computed from them (50 ms per Enreach request, 5 ms per
/// Dataverse request, 1 ms per record written; nothing sleeps), the real time is loopback's and the local
/// organization's in-memory work, which those costs stand for.
/// </summary>
internal static class PhoneCallSyncBench
{
    private const int Calls = 10_000;
    private const int Users = 200;
    private const int UsersWithoutDynamicsUser = 5;
    private const int Contacts = 30_000;
    private const int Accounts = 10_000;
    private const int Leads = 10_000;
    private const int Queues = 5;
    private const int SteadyCalls = 20;

    /// <summary>Every 50th lead has a contact's number: a caller with two matches (EnableMultipleMatchCreate logs both).</summary>
    private const int SharedNumberEvery = 50;

    private static readonly TimeSpan EnreachRequestCost = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan DataverseRequestCost = TimeSpan.FromMilliseconds(5);
    private static readonly TimeSpan RecordCost = TimeSpan.FromMilliseconds(1);
    private static readonly TimeSpan SimulatedTarget = TimeSpan.FromSeconds(60);
    private const double OtherRequestsPerCallTarget = 0.01;

    /// <summary>The nightly retro's moment: 22:00 UTC on Tuesday 2025-01-07, after a day of traffic.</summary>
    private static readonly DateTime Night = new(2025, 1, 7, 22, 0, 0, DateTimeKind.Utc);

    public static IReadOnlyList<string> Run(TextWriter output)
    {
        var clock = new FakeTimeProvider(Night);
        var world = World.Create();
        using var enreach = EnreachEmulator.Start(world.EnreachOptions(clock));
        var seeding = Stopwatch.StartNew();
        var organization = new LocalOrganization(new LocalOrganizationOptions
        {
            PluginTypes = [typeof(NumberKeysOnPhoneChange)],
            UtcNow = () => clock.GetUtcNow().UtcDateTime,
        });
        world.Seed(organization, enreach);
        seeding.Stop();
        var seedingRequests = organization.Requests.Total;
        using var server = LocalOrgServer.LocalOrgServer.Start(organization);

        var window = (From: Night.AddHours(-24), To: Night);
        var generated = world.Traffic.Between(window.From, window.To);
        var inWindow = generated.Select(c => c.CallId).Distinct().Count();

        // The worker's OrganizationSync on the Web API client, as OrganizationSync.Connect makes it, with the bench's recorder between.
        using var metrics = new SyncMetrics();
        var client = new DataverseWebApiClient(server.ConnectionString);
        var recorder = new WriteRecordingService(client);
        using var sync = new OrganizationSync("bench", client.WebApiUrl, recorder, () => client.HttpRequests, new SyncWorkerOptions { WorkerId = "bench-worker" }, metrics,
            time: clock, ownedService: client);

        var retro = Measure("retro", sync, PhoneCallSyncMode.Retro, server, enreach, recorder);
        var phoneCallsAfterRetro = PhoneCalls(organization);
        var again = Measure("retro again", sync, PhoneCallSyncMode.Retro, server, enreach, recorder);
        var phoneCallsAfterAgain = PhoneCalls(organization);

        // The steady state: from here Enreach shows only the minute's calls. A first continuous run sets the checkpoint,
        // then the minute's 20 calls appear and the next run, a minute later, reads them.
        enreach.Calls.Traffic = null;
        var catchUp = Measure("catch-up", sync, PhoneCallSyncMode.Continuous, server, enreach, recorder);
        enreach.Calls.AddRange(world.SteadyMinute(Night));
        clock.Advance(TimeSpan.FromMinutes(1));
        var steady = Measure("steady minute", sync, PhoneCallSyncMode.Continuous, server, enreach, recorder);

        output.WriteLine($"Phone call sync: {Users} users ({UsersWithoutDynamicsUser} without a Dynamics user), {Contacts + Accounts + Leads:N0} customers ({Contacts:N0} contacts, {Accounts:N0} accounts, {Leads:N0} leads), " +
                         $"{Queues} queues; OrganizationSync over the Web API client against the local organization on 127.0.0.1 and the Enreach emulator");
        output.WriteLine($"Seeding (not measured): {seedingRequests:N0} requests in {seeding.Elapsed.TotalSeconds:N1} s. Traffic: {inWindow:N0} calls ({generated.Count:N0} event versions) start in the retro's 24 hours, " +
                         $"{window.From:yyyy-MM-dd HH:mm} to {window.To:yyyy-MM-dd HH:mm} UTC; those still under way or in post-processing at {Night:HH:mm} are not visible yet (the continuous runs log them).");
        output.WriteLine($"Steady minute: {SteadyCalls} new calls (direct and answered queue calls, Work), after a continuous run ({catchUp.Summary.Status}, {catchUp.Http.Count} Dataverse requests) that set the checkpoint.");
        output.WriteLine();
        var runs = new[] { retro, again, steady };
        Print(output, runs);

        var failures = new List<string>();
        output.WriteLine();
        output.WriteLine("Targets:");
        foreach (var run in new[] { retro, again })
        {
            Check(output, failures, run.Summary.Succeeded, $"{run.Name}: {run.Summary.Status} ({run.Summary.Message})");
            Check(output, failures, run.OtherRequests <= OtherRequestsPerCallTarget * run.CallsRead,
                $"{run.Name}: {run.OtherRequests} Dataverse requests besides the creates for {run.CallsRead:N0} calls: {run.OtherRequestsPerCall:0.0000} per call (target at most {OtherRequestsPerCallTarget})");
            Check(output, failures, run.Simulated < SimulatedTarget, $"{run.Name}: simulated time {run.Simulated.TotalSeconds:N2} s (target under {SimulatedTarget.TotalSeconds:N0} s)");
        }
        Check(output, failures, retro.WriteBatches.Count > 0 && retro.WriteBatches.Max() <= PhoneCallSyncOptions.MaxBatchOperations,
            $"retro: creates in {retro.WriteBatches.Count} $batch requests of at most {PhoneCallSyncOptions.MaxBatchOperations:N0} operations (largest {(retro.WriteBatches.Count == 0 ? 0 : retro.WriteBatches.Max()):N0})");
        Check(output, failures, retro.Summary.Created > 0 && phoneCallsAfterRetro == retro.Summary.Created,
            $"retro: {phoneCallsAfterRetro:N0} phone calls with an Enreach key in the organization for {retro.Summary.Created:N0} created");
        Check(output, failures, again.Summary.Created == 0 && again.WriteBatches.Count == 0 && phoneCallsAfterAgain == phoneCallsAfterRetro && again.Summary.AlreadyLogged == retro.Summary.Created,
            $"retro again: {again.Summary.Created} created in {again.WriteBatches.Count} $batch requests, {again.Summary.AlreadyLogged:N0} already logged (run 1 created {retro.Summary.Created:N0}); {phoneCallsAfterAgain:N0} phone calls");
        Check(output, failures, steady.Summary.Succeeded && steady.Summary.Created == SteadyCalls && steady.WriteBatches.Count == 1,
            $"steady minute: {steady.Summary.Created} phone calls created for the {SteadyCalls} new calls, in {steady.WriteBatches.Count} $batch; {steady.OtherRequests} requests besides the creates (reported, no target)");
        return failures;
    }

    private static RunResult Measure(string name, OrganizationSync sync, PhoneCallSyncMode mode, LocalOrgServer.LocalOrgServer server, EnreachEmulator enreach, WriteRecordingService recorder)
    {
        server.Requests.Reset();
        enreach.Requests.Reset();
        recorder.Reset();
        var watch = Stopwatch.StartNew();
        var summary = sync.RunAsync(mode).GetAwaiter().GetResult();
        watch.Stop();
        return new RunResult(name, summary, server.Requests.Log, enreach.Requests.Log.Select(r => r.Endpoint + " " + r.Method).ToList(), recorder.PhoneCallBatches.ToList(),
            recorder.OtherBatches, recorder.Writes, watch.Elapsed);
    }

    private static int PhoneCalls(LocalOrganization organization)
    {
        var query = new QueryExpression(PhoneCall.EntityName) { ColumnSet = new ColumnSet(false) };
        query.Criteria.AddCondition(PhoneCall.EnreachCallId, ConditionOperator.NotNull);
        query.Orders.Add(new OrderExpression(PhoneCall.PrimaryId, OrderType.Ascending));
        return organization.Service.RetrieveAll(query).Count();
    }

    private static void Print(TextWriter output, IReadOnlyList<RunResult> runs)
    {
        var kinds = runs.SelectMany(r => r.OtherByKind.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        var enreachKinds = runs.SelectMany(r => r.EnreachByEndpoint.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        var rows = new List<string[]>
        {
            Row("calls read (distinct CallIds) / call events", r => $"{r.CallsRead:N0} / {r.Summary.Decisions.Count:N0}"),
            Row("created / already logged / skipped / failed", r => $"{r.Summary.Created:N0} / {r.Summary.AlreadyLogged:N0} / {r.Summary.Skipped:N0} / {r.Summary.Failed:N0}"),
            Row("skipped by reason", r => string.Join(", ", r.Summary.SkippedByReason.OrderBy(p => p.Key).Select(p => $"{p.Key} {p.Value:N0}")) is { Length: > 0 } s ? s : "-"),
            Row("Enreach requests (emulator's counts)", r => r.Enreach.ToString("N0")),
        };
        rows.AddRange(enreachKinds.Select(k => Row("  " + k, r => r.EnreachByEndpoint.GetValueOrDefault(k).ToString("N0"))));
        rows.Add(Row("Dataverse HTTP requests (server's counts)", r => r.Http.Count.ToString("N0")));
        rows.Add(Row("  $batch of phone calls (operations: largest, last)", r => r.WriteBatches.Count == 0 ? "0" : $"{r.WriteBatches.Count} ({r.WriteBatches.Max():N0}, {r.WriteBatches[^1]:N0})"));
        rows.Add(Row("  besides the creates", r => r.OtherRequests.ToString("N0")));
        rows.AddRange(kinds.Select(k => Row("    " + k, r => r.OtherByKind.GetValueOrDefault(k).ToString("N0"))));
        rows.Add(Row("  besides the creates, per call", r => r.CallsRead == 0 ? "-" : r.OtherRequestsPerCall.ToString("0.0000")));
        rows.Add(Row("records written (creates and updates)", r => r.RecordsWritten.ToString("N0")));
        rows.Add(Row("real time (loopback, in-memory Dataverse)", r => $"{r.Real.TotalMilliseconds:N0} ms"));
        rows.Add(Row("simulated = Enreach × 50 ms + Dataverse × 5 ms + records × 1 ms", r => $"{r.Simulated.TotalSeconds:N2} s"));
        string[] headers = ["", .. runs.Select(r => r.Name)];
        var widths = headers.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        string Line(IReadOnlyList<string> cells) => string.Join("  ", cells.Select((c, i) => i == 0 ? c.PadRight(widths[i]) : c.PadLeft(widths[i]))).TrimEnd();
        output.WriteLine(Line(headers));
        output.WriteLine(Line(widths.Select(w => new string('-', w)).ToList()));
        foreach (var row in rows) output.WriteLine(Line(row));

        string[] Row(string label, Func<RunResult, string> cell) => [label, .. runs.Select(cell)];
    }

    private static void Check(TextWriter output, List<string> failures, bool passed, string text)
    {
        output.WriteLine($"  {(passed ? "PASS" : "FAIL")}  {text}");
        if (!passed) failures.Add("Phone call sync, " + text);
    }

    /// <param name="WriteBatches">The operations of each $batch of phone calls.</param>
    /// <param name="StateBatches">The other ExecuteMultiple requests: the sync state's writes.</param>
    /// <param name="RecordsWritten">Creates and updates: each operation of the phone call batches, the state row's writes, the run record.</param>
    private sealed record RunResult(string Name, PhoneCallSyncSummary Summary, IReadOnlyList<LocalOrgServer.LocalOrgServerRequest> Http, IReadOnlyList<string> EnreachRequests,
        IReadOnlyList<int> WriteBatches, int StateBatches, int RecordsWritten, TimeSpan Real)
    {
        public int CallsRead => Summary.Decisions.Select(d => d.CallId).Distinct().Count();

        public int Enreach => EnreachRequests.Count;

        public IReadOnlyDictionary<string, int> EnreachByEndpoint => EnreachRequests.GroupBy(r => r).ToDictionary(g => g.Key, g => g.Count());

        public int OtherRequests => Http.Count - WriteBatches.Count;

        public double OtherRequestsPerCall => CallsRead == 0 ? 0 : (double)OtherRequests / CallsRead;

        /// <summary>The other requests by method and what they address (the entity set, metadata; the $batch requests by what they carry).</summary>
        public IReadOnlyDictionary<string, int> OtherByKind
        {
            get
            {
                var kinds = Http.GroupBy(KindOf).ToDictionary(g => g.Key, g => g.Count());
                // The client sends a query whose URL would be too long inside a $batch too.
                if (kinds.Remove("POST $batch", out var batches))
                {
                    kinds["POST $batch: sync state written and read back"] = StateBatches;
                    kinds["POST $batch: a query too long for a URL"] = batches - WriteBatches.Count - StateBatches;
                }
                return kinds;
            }
        }

        public TimeSpan Simulated => Enreach * EnreachRequestCost + Http.Count * DataverseRequestCost + RecordsWritten * RecordCost;

        private static string KindOf(LocalOrgServer.LocalOrgServerRequest request)
        {
            var path = request.PathAndQuery;
            var start = path.IndexOf(LocalOrgServer.LocalOrgServer.WebApiPath, StringComparison.Ordinal);
            var resource = start < 0 ? path : path[(start + LocalOrgServer.LocalOrgServer.WebApiPath.Length)..];
            var end = resource.IndexOfAny(['?', '(', '/']);
            return request.Method + " " + (end < 0 ? resource : resource[..end]);
        }
    }

    /// <summary>The seeded organization and Enreach: users, queues, customers, the traffic of the retro's day and the steady minute's calls.</summary>
    private sealed class World
    {
        private readonly List<(Guid EnreachId, string Name, string? Mobile)> _users = [];
        private readonly List<EnreachEmulatorTrafficQueue> _queues = [];
        private readonly List<(string Table, string Name, string Number, string Column)> _customers = [];

        private EnreachEmulatorTrafficOptions _traffic = null!;

        public Guid ApiUserId { get; } = Id("api", 0);

        /// <summary>The retro's day of calls, as the emulator serves them.</summary>
        public EnreachEmulatorTraffic Traffic { get; private set; } = null!;

        public static World Create()
        {
            var world = new World();
            var random = new Random(11);
            for (var i = 0; i < Users; i++)
                world._users.Add((Id("user", i), $"Agent {i:D3}", i % 2 == 0 ? $"+35850{2_000_000 + i:D7}" : null));
            for (var i = 0; i < Queues; i++)
                world._queues.Add(new EnreachEmulatorTrafficQueue(Id("queue", i), $"Queue {i + 1}", $"+35810{3_000_000 + i:D7}"));
            var taken = new HashSet<string>(StringComparer.Ordinal);
            string Unique(string prefix)
            {
                string number;
                do number = prefix + random.Next(1_000_000, 10_000_000).ToString(CultureInfo.InvariantCulture);
                while (!taken.Add(number));
                return number;
            }
            for (var i = 0; i < Contacts; i++) world._customers.Add((Contact.EntityName, $"Contact {i:D5}", Unique("+35840"), i % 3 == 0 ? Contact.MobilePhone : Contact.Telephone1));
            for (var i = 0; i < Accounts; i++) world._customers.Add((Account.EntityName, $"Account {i:D5}", Unique("+3589"), Account.Telephone1));
            for (var i = 0; i < Leads; i++)
                world._customers.Add((Lead.EntityName, $"Lead {i:D5}", i % SharedNumberEvery == 0 ? world._customers[i].Number : Unique("+35845"), Lead.MobilePhone));

            var traffic = new EnreachEmulatorTrafficOptions { Seed = 2025, CallsPerHour = Calls / 24.0, Start = Night.AddHours(-24) };
            foreach (var user in world._users) traffic.Users.Add(new EnreachEmulatorTrafficUser(user.EnreachId, user.Mobile));
            foreach (var queue in world._queues) traffic.Queues.Add(queue);
            foreach (var number in world._customers.Select(c => c.Number).Distinct()) traffic.CustomerNumbers.Add(number);
            world._traffic = traffic;
            world.Traffic = new EnreachEmulatorTraffic(traffic);
            return world;
        }

        public EnreachEmulatorOptions EnreachOptions(TimeProvider clock)
        {
            var options = new EnreachEmulatorOptions { Clock = clock, Traffic = _traffic, ApiUserId = ApiUserId };
            foreach (var user in _users) options.Users.Add(new EnreachEmulatorUser(user.EnreachId, user.Name.ToLowerInvariant().Replace(' ', '.') + "@contoso.test"));
            return options;
        }

        /// <summary>The settings the package installs (service calls, answered and unanswered, on), the users, the customers, Enreach's environment variables.</summary>
        public void Seed(LocalOrganization organization, EnreachEmulator enreach)
        {
            var service = organization.Service;
            foreach (var setting in SettingCatalog.All)
            {
                var value = setting.Name switch
                {
                    SettingNames.DefaultCrmAssignee => ApiUserId.ToString("D"),
                    SettingNames.ProcessServiceCalls or SettingNames.ProcessServiceCallsUnanswered => "True",
                    _ => setting.DefaultValue.Length == 0 ? null : setting.DefaultValue,
                };
                service.Create(new Entity(VoiceSetting.EntityName, setting.Id) { [VoiceSetting.Name] = setting.Name, [VoiceSetting.GroupName] = setting.Group, [VoiceSetting.Value] = value });
            }
            organization.Builder.CreateUser(new Entity(SystemUser.EntityName) { [SystemUser.FullName] = "Voice API", [SystemUser.EnreachUserId] = EnreachUserIdColumn.Value(ApiUserId) });
            foreach (var user in _users.Skip(UsersWithoutDynamicsUser))
            {
                organization.Builder.CreateUser(new Entity(SystemUser.EntityName)
                {
                    [SystemUser.FullName] = user.Name,
                    [SystemUser.EnreachUserId] = EnreachUserIdColumn.Value(user.EnreachId),
                    [SystemUser.MobilePhone] = user.Mobile,
                });
            }
            foreach (var (table, name, number, column) in _customers)
            {
                var row = new Entity(table) { [column] = number };
                if (table == Account.EntityName) row[Account.Name] = name;
                else row[table == Contact.EntityName ? Contact.LastName : Lead.LastName] = name;
                service.Create(row);
            }
            EnvironmentVariableValues.SetEnreach(service, enreach.ApiUserName, enreach.ApiSecret, enreach.ApiEndpoint);
        }

        /// <summary>
        /// The steady minute's calls, each appearing (post-processed) in the minute after <paramref name="from"/>: two
        /// minutes long, every fourth an answered queue call (the agent's event and the queue's view), the others direct,
        /// in and out, to customers.
        /// </summary>
        public IEnumerable<EnreachEmulatorCall> SteadyMinute(DateTime from)
        {
            for (var i = 0; i < SteadyCalls; i++)
            {
                var user = _users[(i * 9 + UsersWithoutDynamicsUser) % Users];
                var customer = _customers[i * 2_503 % _customers.Count].Number;
                var start = from.AddSeconds(-130 + 3 * i);
                var call = new EnreachEmulatorCall
                {
                    Id = Id("steady-event", i),
                    CallId = Id("steady-call", i),
                    UserId = user.EnreachId,
                    StartTime = start,
                    DurationSeconds = 120,
                    Modified = start.AddSeconds(130),
                    Outgoing = i % 4 != 3 && i % 2 == 0,
                    ANum = customer,
                    BNum = "+35810" + (1_000_000 + i).ToString(CultureInfo.InvariantCulture),
                };
                if (i % 4 != 3)
                {
                    yield return call.Outgoing ? call with { ANum = call.BNum, BNum = customer } : call;
                    continue;
                }
                var queue = _queues[i % Queues];
                yield return call with { QueueId = queue.Id, QueueName = queue.Name, BNum = queue.Number };
                yield return call with { Id = Id("steady-queue", i), View = EnreachEmulatorCallView.Queue, QueueId = queue.Id, QueueName = queue.Name, BNum = queue.Number, Classification = null };
            }
        }

        private static Guid Id(string kind, int number) =>
            new(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes($"{kind}:{number}")));
    }
}
