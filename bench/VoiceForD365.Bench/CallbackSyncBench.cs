using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Xrm.Sdk;
using VoiceForD365.Core.Callbacks;
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
/// Issue 12's benchmark: the callback sync as the worker runs it (<see cref="OrganizationSync.RunCallbacksAsync"/> over
/// the Web API client, against the local organization served on loopback and the Enreach emulator): 50 active profiles,
/// each on its own list with 100 open requests in its window (5,000 callers, a fifth of them contacts). Runs: the
/// backlog, the same again (everything closed), and a steady minute with one new request per profile. Counts are
/// exact (the server's and the emulator's); simulated time as in <see cref="PhoneCallSyncBench"/>: 50 ms per Enreach
/// request, 5 ms per Dataverse request, 1 ms per record written.
/// </summary>
internal static class CallbackSyncBench
{
    private const int Profiles = 50;
    private const int RequestsPerProfile = 100;
    private const int KnownCallerEvery = 5;
    private static readonly TimeSpan EnreachRequestCost = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan DataverseRequestCost = TimeSpan.FromMilliseconds(5);
    private static readonly TimeSpan RecordCost = TimeSpan.FromMilliseconds(1);
    private static readonly DateTime Morning = new(2025, 1, 6, 10, 0, 0, DateTimeKind.Utc);

    /// <summary>
    /// Dataverse requests a run makes besides the creates: at most 10 whatever the number of requests (state, lease,
    /// environment variables, profiles and settings, the run record), and 7 per 1,000 open requests (the already-logged
    /// query and the caller matcher's three tables, with room for their paging).
    /// </summary>
    private static int OtherRequestsTarget(int open) => 10 + 7 * ((open + 999) / 1000);

    public static IReadOnlyList<string> Run(TextWriter output)
    {
        var clock = new FakeTimeProvider(Morning);
        using var enreach = EnreachEmulator.Start(new EnreachEmulatorOptions { Clock = clock });
        var organization = new LocalOrganization(new LocalOrganizationOptions { PluginTypes = [typeof(NumberKeysOnPhoneChange)], UtcNow = () => clock.GetUtcNow().UtcDateTime });
        var lists = Seed(organization, enreach);
        using var server = LocalOrgServer.LocalOrgServer.Start(organization);
        using var metrics = new SyncMetrics();
        var client = new DataverseWebApiClient(server.ConnectionString);
        var recorder = new WriteRecordingService(client);
        using var sync = new OrganizationSync("bench", client.WebApiUrl, recorder, () => client.HttpRequests, new SyncWorkerOptions { WorkerId = "bench-worker" }, metrics,
            time: clock, ownedService: client);

        var backlog = Measure("backlog", sync, server, enreach, recorder);
        clock.Advance(TimeSpan.FromMinutes(1));
        var again = Measure("again", sync, server, enreach, recorder);
        for (var p = 0; p < Profiles; p++) enreach.Callbacks.Add(Request(lists[p], p, RequestsPerProfile, clock.GetUtcNow().UtcDateTime.AddSeconds(-20)));
        clock.Advance(TimeSpan.FromMinutes(1));
        var steady = Measure("steady minute", sync, server, enreach, recorder);

        output.WriteLine($"Callback sync: {Profiles} active profiles, each on its own Enreach list with {RequestsPerProfile} open requests in its 2-hour window " +
                         $"({Profiles * RequestsPerProfile:N0}; every {KnownCallerEvery}th caller a contact); OrganizationSync over the Web API client against the local organization on 127.0.0.1 and the Enreach emulator");
        output.WriteLine();
        var runs = new[] { backlog, again, steady };
        string[] headers = ["", .. runs.Select(r => r.Name)];
        var rows = new List<string[]>
        {
            Row("logged / already logged / skipped / failed", r => $"{r.Summary.Created:N0} / {r.Summary.AlreadyLogged:N0} / {r.Summary.Skipped:N0} / {r.Summary.Failed:N0}"),
            Row("closed / close failed / already closed", r => $"{r.Summary.Closed:N0} / {r.Summary.CloseFailed:N0} / {r.Summary.AlreadyClosed:N0}"),
            Row("Enreach requests: reads / closes", r => $"{r.EnreachReads:N0} / {r.EnreachCloses:N0}"),
            Row("Dataverse requests (server's count)", r => r.Http.ToString("N0")),
            Row("  $batch of creates", r => r.CreateBatches.ToString("N0")),
            Row("  besides the creates", r => r.OtherRequests.ToString("N0")),
            Row("records written", r => r.RecordsWritten.ToString("N0")),
            Row("real time (loopback, in-memory Dataverse)", r => $"{r.Real.TotalMilliseconds:N0} ms"),
            Row("simulated = Enreach × 50 ms + Dataverse × 5 ms + records × 1 ms", r => $"{r.Simulated.TotalSeconds:N2} s"),
        };
        var widths = headers.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        string Line(IReadOnlyList<string> cells) => string.Join("  ", cells.Select((c, i) => i == 0 ? c.PadRight(widths[i]) : c.PadLeft(widths[i]))).TrimEnd();
        output.WriteLine(Line(headers));
        output.WriteLine(Line(widths.Select(w => new string('-', w)).ToList()));
        foreach (var row in rows) output.WriteLine(Line(row));

        var failures = new List<string>();
        output.WriteLine();
        output.WriteLine("Targets:");
        Check(output, failures, backlog.Summary.Succeeded && backlog.Summary.Created == Profiles * RequestsPerProfile && backlog.Summary.Closed == backlog.Summary.Created,
            $"backlog: {backlog.Summary.Created:N0} logged and {backlog.Summary.Closed:N0} closed of {Profiles * RequestsPerProfile:N0} ({backlog.Summary.Status})");
        foreach (var run in runs)
            Check(output, failures, run.OtherRequests <= OtherRequestsTarget(run.Summary.Decisions.Count),
                $"{run.Name}: {run.OtherRequests} Dataverse requests besides the creates for {run.Summary.Decisions.Count:N0} open requests (target at most {OtherRequestsTarget(run.Summary.Decisions.Count)}: 10 + 7 per 1,000)");
        Check(output, failures, again.Summary.Created == 0 && again.CreateBatches == 0 && again.EnreachCloses == 0 && again.EnreachReads == Profiles,
            $"again: {again.Summary.Created} logged, {again.EnreachCloses} closes, {again.EnreachReads} reads (one per profile)");
        Check(output, failures, steady.Summary.Created == Profiles && steady.EnreachCloses == Profiles && steady.Simulated < TimeSpan.FromSeconds(60),
            $"steady minute: {steady.Summary.Created} logged, {steady.EnreachCloses} closed, simulated {steady.Simulated.TotalSeconds:N2} s (target under 60 s: it fits the minute)");
        output.WriteLine($"  note  backlog: one close per request (Enreach has no bulk close that we know of): {backlog.EnreachCloses:N0} closes are {backlog.EnreachCloses * EnreachRequestCost.TotalSeconds:N0} s of the simulated time.");
        return failures;

        string[] Row(string label, Func<RunResult, string> cell) => [label, .. runs.Select(cell)];
    }

    private static Guid[] Seed(LocalOrganization organization, EnreachEmulator enreach)
    {
        var service = organization.Service;
        foreach (var setting in SettingCatalog.All)
            service.Create(new Entity(VoiceSetting.EntityName) { [VoiceSetting.Name] = setting.Name, [VoiceSetting.GroupName] = setting.Group, [VoiceSetting.Value] = setting.DefaultValue.Length == 0 ? null : setting.DefaultValue });
        EnvironmentVariableValues.SetEnreach(service, enreach.ApiUserName, enreach.ApiSecret, enreach.ApiEndpoint);
        var queue = service.Create(new Entity(Queue.EntityName) { [Queue.Name] = "Callbacks" });
        var lists = new Guid[Profiles];
        for (var p = 0; p < Profiles; p++)
        {
            lists[p] = enreach.Callbacks.AddList("List " + p).Id;
            service.Create(new Entity(CallbackProfile.EntityName)
            {
                [CallbackProfile.Name] = "Profile " + p,
                [CallbackProfile.CallbackListId] = lists[p].ToString("D"),
                [CallbackProfile.QueueId] = new EntityReference(Queue.EntityName, queue),
                [CallbackProfile.OwnershipRule] = new OptionSetValue(OwnershipRule.ApiUser),
                [CallbackProfile.AgeTimeUnit] = new OptionSetValue(AgeTimeUnit.Hours),
                [CallbackProfile.CallbackAge] = 2,
            });
            for (var r = 0; r < RequestsPerProfile; r++)
            {
                var request = Request(lists[p], p, r, Morning.AddMinutes(-100 + r));
                enreach.Callbacks.Add(request);
                if (r % KnownCallerEvery == 0) service.Create(new Entity(Contact.EntityName) { [Contact.LastName] = "Caller " + p + "-" + r, [Contact.Telephone1] = request.ContactNumber });
            }
        }
        return lists;
    }

    private static EnreachEmulatorCallbackRequest Request(Guid list, int profile, int index, DateTime created) => new()
    {
        Id = new Guid(profile * 1000 + index + 1, 0, 0x4000, [0x80, 0, 0, 0, 0, 0, 0, 3]),
        ListId = list,
        ContactNumber = "+35840" + (1_000_000 + profile * 1000 + index).ToString(System.Globalization.CultureInfo.InvariantCulture),
        Created = created,
        Note = "Call me back, please",
    };

    private static RunResult Measure(string name, OrganizationSync sync, LocalOrgServer.LocalOrgServer server, EnreachEmulator enreach, WriteRecordingService recorder)
    {
        server.Requests.Reset();
        enreach.Requests.Reset();
        recorder.Reset();
        var watch = Stopwatch.StartNew();
        var summary = sync.RunCallbacksAsync().GetAwaiter().GetResult();
        watch.Stop();
        var endpoints = enreach.Requests.Log.Select(r => r.Endpoint).ToList();
        return new RunResult(name, summary, server.Requests.Log.Count, endpoints.Count(e => e == EnreachEmulatorEndpoint.CallbackRequests),
            endpoints.Count(e => e == EnreachEmulatorEndpoint.CloseCallbackRequest), endpoints.Count, recorder.PhoneCallBatches.Count, recorder.Writes, watch.Elapsed);
    }

    private static void Check(TextWriter output, List<string> failures, bool passed, string text)
    {
        output.WriteLine($"  {(passed ? "PASS" : "FAIL")}  {text}");
        if (!passed) failures.Add("Callback sync, " + text);
    }

    private sealed record RunResult(string Name, CallbackSyncSummary Summary, int Http, int EnreachReads, int EnreachCloses, int Enreach, int CreateBatches, int RecordsWritten, TimeSpan Real)
    {
        public int OtherRequests => Http - CreateBatches;

        public TimeSpan Simulated => EnreachRequestCost * Enreach + DataverseRequestCost * Http + RecordCost * RecordsWritten;
    }
}
