using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using VoiceForD365.Core.Callbacks;
using VoiceForD365.Core.Schema;
using VoiceForD365.Emulator;
using VoiceForD365.LocalOrg.Samples;
using VoiceForD365.SyncWorker;
using Xunit;

namespace VoiceForD365.Tests.CallbackSync;

/// <summary>The callback sync as the worker runs it (OrganizationSync): logs, the refresh asked of every replica, explain.</summary>
public sealed class CallbackWorkerTests
{
    private static async Task<CallbackSyncRig> StartAsync()
    {
        var rig = await CallbackSyncRig.StartAsync();
        EnvironmentVariableValues.SetEnreach(rig.Service, rig.Emulator.ApiUserName, rig.Emulator.ApiSecret, rig.Emulator.ApiEndpoint);
        return rig;
    }

    private static OrganizationSync Replica(CallbackSyncRig rig, string worker, ILoggerFactory? loggers = null, SyncMetrics? metrics = null) =>
        new("north", new Uri("https://north.crm4.dynamics.com/"), rig.Service, () => rig.Rig.Org.Requests.Total, new SyncWorkerOptions { WorkerId = worker },
            metrics ?? new SyncMetrics(), loggers, rig.Rig.Clock);

    [Fact]
    public async Task CallbackRuns_Should_CountRequestsByOutcomeAndTheRunsAndTheirDurationAsKindCallbackInTheMeter()
    {
        await using var rig = await StartAsync();
        var list = rig.Emulator.Callbacks.AddList("Support callbacks");
        rig.Profile("Support", list.Id, rig.Queue("Support"));
        rig.Request(list.Id, TimeSpan.FromMinutes(5));
        // Refused, not retried within the run: the close fails and the next run retries it.
        rig.Emulator.Faults.Forbidden(times: 1, only: EnreachEmulatorEndpoint.CloseCallbackRequest);
        using var provider = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meters = provider.GetRequiredService<IMeterFactory>();
        using var requests = new MetricCollector<long>(meters, SyncMetrics.MeterName, "vfd.sync.callback.requests");
        using var runs = new MetricCollector<long>(meters, SyncMetrics.MeterName, "vfd.sync.runs");
        using var duration = new MetricCollector<double>(meters, SyncMetrics.MeterName, "vfd.sync.run.duration");
        using var sync = Replica(rig, "worker-1", metrics: new SyncMetrics(meters));

        var failed = await sync.RunCallbacksAsync();
        var retried = await sync.RunCallbacksAsync();

        Assert.Equal((1, 1, 1, 1), (failed.Created, failed.CloseFailed, retried.AlreadyLogged, retried.Closed));
        Assert.Equal(new[] { "created", "close_failed", "already_logged", "closed" },
            requests.GetMeasurementSnapshot().Select(m => { Assert.Equal((1L, "north"), (m.Value, (string?)m.Tags["organization"])); return (string?)m.Tags["outcome"]; }));
        Assert.Equal(new[] { "callback/calls_failed", "callback/succeeded" },
            runs.GetMeasurementSnapshot().Select(m => $"{m.Tags["kind"]}/{m.Tags["status"]}"));
        Assert.Equal(new[] { (failed.Duration.TotalSeconds, "callback"), (retried.Duration.TotalSeconds, "callback") },
            duration.GetMeasurementSnapshot().Select(m => (m.Value, m.Tags["kind"] as string ?? "")));
    }

    [Fact]
    public async Task CallbackRun_Should_LogItsSummaryAndEachDecisionAsStructuredEvents()
    {
        await using var rig = await StartAsync();
        var list = rig.Emulator.Callbacks.AddList("Support callbacks");
        rig.Profile("Support", list.Id, rig.Queue("Support"));
        var request = rig.Request(list.Id, TimeSpan.FromMinutes(5));
        var logs = new FakeLogCollector();
        using var loggers = LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(logs)));
        using var sync = Replica(rig, "worker-1", loggers);

        var summary = await sync.RunCallbacksAsync();

        Assert.True(summary.Succeeded, summary.ToString());
        Assert.True(rig.IsClosed(request));
        var ended = Assert.Single(logs.GetSnapshot(), r => r.Id.Name == "CallbackRunEnded");
        Assert.Contains("north: callback run Succeeded: 1 profile(s), 1 logged, 0 already logged, 0 skipped, 0 failed, 1 closed, 0 close(s) failed", ended.Message);
        var decision = Assert.Single(logs.GetSnapshot(), r => r.Category == OrganizationSync.DecisionsLogCategory);
        Assert.Equal("north: " + Assert.Single(summary.Decisions), decision.Message);
        Assert.Contains(request.Id.ToString("D"), decision.Message);
    }

    [Fact]
    public async Task RefreshAskedThroughOneReplica_Should_HaveAnotherReplicaReadTheProfilesAgainAtItsNextRun()
    {
        await using var rig = await StartAsync();
        var queue = rig.Queue("Support");
        var support = rig.Emulator.Callbacks.AddList("Support callbacks");
        rig.Profile("Support", support.Id, queue);
        using var worker = Replica(rig, "worker-1");
        using var cli = Replica(rig, "vfd-sync");
        var first = await worker.RunCallbacksAsync();
        var sales = rig.Emulator.Callbacks.AddList("Sales callbacks");
        rig.Profile("Sales", sales.Id, queue);
        var request = rig.Request(sales.Id, TimeSpan.FromMinutes(1));
        rig.Rig.Advance(TimeSpan.FromMinutes(1));
        var cached = await worker.RunCallbacksAsync();

        await cli.RefreshCallbackProfilesAsync();
        rig.Rig.Advance(TimeSpan.FromMinutes(1));
        var refreshed = await worker.RunCallbacksAsync();

        Assert.Equal((1, 1), (first.Profiles, cached.Profiles));
        Assert.Equal((2, true, 1), (refreshed.Profiles, refreshed.Refreshed, refreshed.Created));
        Assert.True(rig.IsClosed(request));
    }

    [Fact]
    public async Task ExplainOfACallbackRequest_Should_SayWhatTheSyncDidAndWouldDo()
    {
        await using var rig = await StartAsync();
        var list = rig.Emulator.Callbacks.AddList("Support callbacks");
        rig.Profile("Support", list.Id, rig.Queue("Support"));
        var open = rig.Request(list.Id, TimeSpan.FromMinutes(5));
        using var sync = Replica(rig, "worker-1");

        var before = await sync.ExplainCallbackAsync(open.Id);
        await sync.RunCallbacksAsync();
        var after = await sync.ExplainCallbackAsync(open.Id);
        var unknown = await sync.ExplainCallbackAsync(Guid.NewGuid());

        var decision = Assert.Single(before.Decisions);
        Assert.Equal((CallbackOutcome.Created, false), (decision.Outcome, decision.Applied));
        Assert.Contains("would be logged: open phone call 'Callback request'", decision.ToString());
        Assert.Empty(before.LoggedPhoneCalls);
        Assert.Empty(after.Decisions);
        Assert.Contains(rig.CallbackOf(open).Id.ToString("D"), Assert.Single(after.LoggedPhoneCalls));
        Assert.Contains("closed in Enreach: the sync does nothing with it", after.ToString());
        Assert.Contains("No active profile's list has request", Assert.Single(unknown.Notes));
    }
}
