using Microsoft.Xrm.Sdk.Messages;
using VoiceForD365.Core.PhoneCalls;
using VoiceForD365.Core.Schema;
using Xunit;

namespace VoiceForD365.Tests.PhoneCalls;

/// <summary>Two workers, one organization: one runs; a stopped worker's lease expires and another carries on.</summary>
public sealed class SyncLeaseTests
{
    [Fact]
    public async Task WorkerStartingWhileAnotherRuns_Should_NotRunAndSayWhoHoldsTheLease()
    {
        await using var rig = await SyncRig.StartAsync();
        for (var i = 0; i < 4; i++) rig.Direct();
        PhoneCallSyncSummary? second = null;
        var service = new SteppedService(rig.Service, before: request =>
        {
            if (second == null && request is ExecuteMultipleRequest batch && batch.Requests.Any(r => r is ExecuteTransactionRequest)) second = rig.Run(worker: "worker-2");
        });

        var first = rig.Run(service: service);

        Assert.Equal(PhoneCallSyncStatus.Succeeded, first.Status);
        Assert.Equal(PhoneCallSyncStatus.LeaseHeld, second!.Status);
        Assert.StartsWith("Another worker, worker-1, holds the lease until ", second.Message);
        Assert.Equal((0, 0), (second.EnreachRequests, second.Decisions.Count));
        Assert.Null(second.RecordId);
        Assert.Equal(4, rig.PhoneCalls().Count);
        Assert.Single(rig.Runs());
    }

    [Fact]
    public async Task TwoWorkersStartingTogether_Should_RunExactlyOneAtATime()
    {
        await using var rig = await SyncRig.StartAsync();
        for (var round = 0; round < 10; round++)
        {
            for (var i = 0; i < 3; i++) rig.Direct(start: rig.Now.AddMinutes(-3));
            // Both workers have read the state row (no one holds the lease) when they write their lease: the race.
            using var bothRead = new Barrier(2);
            var results = new PhoneCallSyncSummary[2];
            var threads = Enumerable.Range(0, 2).Select(w => new Thread(() =>
            {
                var waited = false;
                var service = new SteppedService(rig.Service, before: request =>
                {
                    if (waited || request is not ExecuteMultipleRequest batch || batch.Requests[0] is not UpdateRequest { Target.LogicalName: SyncState.EntityName }) return;
                    waited = true;
                    bothRead.SignalAndWait();
                });
                results[w] = rig.Run(worker: "worker-" + w, service: service);
            })).ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());

            Assert.Single(results, r => r.Status == PhoneCallSyncStatus.Succeeded);
            Assert.Equal("Another worker took the lease at the same moment: it runs this organization's sync.", Assert.Single(results, r => r.Status == PhoneCallSyncStatus.LeaseHeld).Message);
            rig.Advance(TimeSpan.FromMinutes(1));
        }
        Assert.Equal(30, rig.PhoneCalls().Count);
        Assert.Equal(30, rig.PhoneCalls().Select(p => p.GetAttributeValue<string>(PhoneCall.EnreachCallId)).Distinct().Count());
        Assert.Equal(10, rig.Runs().Count);
    }

    [Fact]
    public async Task LeaseOfAWorkerThatDied_Should_BeTakenByAnotherOnceItExpires()
    {
        await using var rig = await SyncRig.StartAsync();
        rig.Direct();
        // The worker dies as it sends the phone calls, holding the lease: that request and every later one fail.
        var dead = false;
        var dying = new SteppedService(rig.Service, before: request =>
        {
            dead |= request is ExecuteMultipleRequest batch && batch.Requests.Any(r => r is ExecuteTransactionRequest);
            if (dead) throw new CrashException();
        });
        Assert.Equal(PhoneCallSyncStatus.Failed, rig.Run(service: dying).Status);
        Assert.Equal("worker-1", rig.State().GetAttributeValue<string>(SyncState.LeaseOwner));

        var meanwhile = rig.Run(worker: "worker-2");
        rig.Advance(TimeSpan.FromMinutes(5));
        var after = rig.Run(worker: "worker-2");

        Assert.Equal(PhoneCallSyncStatus.LeaseHeld, meanwhile.Status);
        Assert.Equal(PhoneCallSyncStatus.Succeeded, after.Status);
        Assert.Contains("of worker-1, started 2025-01-06 10:00:00 UTC, did not finish; this run carries on from its checkpoints.", after.Message);
        Assert.Single(rig.PhoneCalls());
    }

    [Fact]
    public async Task WorkerWhoseLeaseRanOutMidRun_Should_StopAtTheNextBatchWhileTheOtherLogsTheRestOnce()
    {
        await using var rig = await SyncRig.StartAsync();
        for (var i = 0; i < 6; i++) rig.Direct();
        var batches = 0;
        PhoneCallSyncSummary? other = null;
        var slow = new SteppedService(rig.Service, before: request =>
        {
            if (request is not ExecuteMultipleRequest batch || !batch.Requests.Any(r => r is ExecuteTransactionRequest) || ++batches != 2) return;
            // The first worker hangs for longer than its lease; the second one takes over.
            rig.Advance(TimeSpan.FromMinutes(6));
            other = rig.Run(worker: "worker-2");
        });

        var stalled = PhoneCallSync.Run(slow, rig.Enreach, rig.Options(maxOperations: 4));

        Assert.Equal(PhoneCallSyncStatus.Succeeded, other!.Status);
        Assert.Equal(PhoneCallSyncStatus.Stopped, stalled.Status);
        Assert.Contains("another worker took the lease", stalled.Message);
        // The first batch of worker-1, then all of worker-2; worker-1's second batch met the keys, its third was not sent.
        Assert.Equal((2, 2, 2), (stalled.Created, stalled.AlreadyLogged, stalled.NotWritten));
        Assert.Equal((4, 2), (other.Created, other.AlreadyLogged));
        Assert.Equal(6, rig.PhoneCalls().Count);
        Assert.Equal("worker-2", rig.Runs().Single(r => r.Id == other.RunId).GetAttributeValue<string>(SyncRun.Worker));
    }
}
