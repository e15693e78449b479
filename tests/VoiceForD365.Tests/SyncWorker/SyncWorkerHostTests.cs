using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using VoiceForD365.Core.Schema;
using VoiceForD365.SyncWorker;
using VoiceForD365.Tests.PhoneCalls;
using Xunit;

namespace VoiceForD365.Tests.SyncWorker;

/// <summary>The worker's host: one loop per organization over the Web API, stopped by its token.</summary>
public sealed class SyncWorkerHostTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task TwoOrganizationsStoppedByTheTokenMidRun_Should_LoseNoCallAndLogNoneTwiceWhenTheWorkerStartsAgain()
    {
        await using var north = await ServedSyncRig.StartAsync(ServedSyncRig.Traffic(seed: 11, callsPerHour: 240), slow: TimeSpan.FromMilliseconds(20));
        await using var south = await ServedSyncRig.StartAsync(ServedSyncRig.Traffic(seed: 12, callsPerHour: 240), slow: TimeSpan.FromMilliseconds(20));
        var expectedNorth = await ExpectedKeys(11);
        var expectedSouth = await ExpectedKeys(12);
        var clock = north.Rig.Clock;

        using (var stop = new CancellationTokenSource())
        {
            using var host = Host(clock, "replica-1", north, south);
            var running = host.RunAsync(stop.Token);
            await Until(() => north.Batches >= 3 && south.Batches >= 3, "both organizations to be writing");
            stop.Cancel();
            await running.WaitAsync(Patience);
        }

        foreach (var (org, expected) in new[] { (north, expectedNorth), (south, expectedSouth) })
        {
            Assert.True(org.RunStatuses().SequenceEqual([SyncRunStatus.Stopped]), org.RunMessages());
            Assert.Null(org.Rig.State().GetAttributeValue<string>(SyncState.LeaseOwner));
            var written = org.Keys();
            Assert.InRange(written.Count, 1, expected.Count - 1);
            Assert.Subset(expected.ToHashSet(), written.ToHashSet());
        }

        // Another replica (the lease was released) carries on from the checkpoints, a second later: the run records
        // are ordered by their start, which the frozen clock would otherwise give both runs.
        clock.Advance(TimeSpan.FromSeconds(1));
        using (var stop = new CancellationTokenSource())
        {
            using var host = Host(clock, "replica-2", north, south);
            var running = host.RunAsync(stop.Token);
            await Until(() => north.RunStatuses().Count == 2 && south.RunStatuses().Count == 2, "a second run of each organization");
            stop.Cancel();
            await running.WaitAsync(Patience);
        }

        foreach (var (org, expected) in new[] { (north, expectedNorth), (south, expectedSouth) })
        {
            Assert.True(org.RunStatuses().SequenceEqual([SyncRunStatus.Stopped, SyncRunStatus.Succeeded]), org.RunMessages());
            var written = org.Keys();
            Assert.Equal(written.Count, written.Distinct().Count());
            Assert.Equal(expected.Order(), written.Order());
        }
    }

    /// <summary>What one uninterrupted run logs from the same traffic, in process.</summary>
    private static async Task<List<string>> ExpectedKeys(int seed)
    {
        await using var reference = await ServedSyncRig.StartAsync(ServedSyncRig.Traffic(seed, callsPerHour: 240));
        var summary = reference.Rig.Run();
        Assert.True(summary.Succeeded, summary.ToString());
        Assert.True(summary.Created > 40, summary.ToString());
        return reference.Keys();
    }

    private static IHost Host(TimeProvider clock, string workerId, params ServedSyncRig[] organizations)
    {
        var options = new SyncWorkerOptions { WorkerId = workerId, MaxOperationsPerBatch = 10 };
        foreach (var organization in organizations) options.Organizations.Add(organization.Organization);
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddPhoneCallSyncWorker(options);
        return builder.Build();
    }

    private static async Task Until(Func<bool> condition, string what)
    {
        var started = DateTime.UtcNow;
        while (!condition())
        {
            if (DateTime.UtcNow - started > Patience) throw new TimeoutException("Waited in vain for " + what + ".");
            await Task.Delay(20);
        }
    }
}
