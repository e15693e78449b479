using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using VoiceForD365.Core.PhoneCalls;
using VoiceForD365.Core.Schema;
using VoiceForD365.Core.Settings;
using VoiceForD365.Emulator;
using VoiceForD365.LocalOrgServer;
using VoiceForD365.WebApiClient;
using Xunit;

namespace VoiceForD365.Tests.PhoneCalls;

/// <summary>Enreach and Dataverse failing: no partial run, the checkpoint where it was, the lease released, and the next run logs everything once.</summary>
public sealed class SyncFaultTests
{
    [Theory]
    [InlineData("credentials refused")]
    [InlineData("server errors past the retries")]
    [InlineData("truncated JSON")]
    public async Task EnreachFailing_Should_FailTheRunWritingNothingAndKeepingTheCheckpoint(string fault)
    {
        await using var rig = await SyncRig.StartAsync();
        rig.Run();
        var checkpoint = rig.State().GetAttributeValue<DateTime>(SyncState.Checkpoint);
        rig.Advance(TimeSpan.FromMinutes(1));
        rig.Direct(start: rig.Now.AddMinutes(-3), seconds: 60);
        switch (fault)
        {
            case "credentials refused": rig.Emulator.Faults.Unauthorized(times: 1); break;
            case "server errors past the retries": rig.Emulator.Faults.ServerError(times: 3, statusCode: 503, only: EnreachEmulatorEndpoint.UserCalls); break;
            default: rig.Emulator.Faults.Malformed(times: 1, only: EnreachEmulatorEndpoint.UserCalls); break;
        }

        var failed = rig.Run();

        Assert.Equal(PhoneCallSyncStatus.Failed, failed.Status);
        Assert.StartsWith("Enreach: ", failed.Message);
        Assert.Empty(rig.PhoneCalls());
        var state = rig.State();
        Assert.Equal(checkpoint, state.GetAttributeValue<DateTime>(SyncState.Checkpoint));
        Assert.Null(state.GetAttributeValue<string>(SyncState.LeaseOwner));
        Assert.Equal(SyncRunStatus.Failed, rig.Runs().Single(r => r.Id == failed.RunId).GetAttributeValue<OptionSetValue>(SyncRun.Status).Value);

        rig.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, rig.Run().Created);
    }

    [Fact]
    public async Task EnreachServerErrorWithinTheRetries_Should_BeRetriedAndTheRunSucceed()
    {
        await using var rig = await SyncRig.StartAsync();
        rig.Direct();
        rig.Emulator.Faults.ServerError(times: 2, statusCode: 503, only: EnreachEmulatorEndpoint.UserCalls);

        var summary = rig.Run();

        Assert.Equal((PhoneCallSyncStatus.Succeeded, 1), (summary.Status, summary.Created));
        Assert.Equal(3, rig.Emulator.Requests.Log.Count(r => r.Endpoint == EnreachEmulatorEndpoint.UserCalls));
    }

    [Fact]
    public async Task ServiceCallsFailingAfterTheUserCallsWereRead_Should_WriteNoneOfTheWindow()
    {
        await using var rig = await SyncRig.StartAsync();
        rig.Set(SettingNames.ProcessServiceCallsUnanswered, "True");
        rig.Direct();
        rig.Queue(rig.Id(), rig.Now.AddMinutes(-6), answeredBy: null);
        rig.Emulator.Faults.ServerError(times: null, only: EnreachEmulatorEndpoint.ServiceCalls);

        var failed = rig.Run();

        Assert.Equal(PhoneCallSyncStatus.Failed, failed.Status);
        Assert.Empty(rig.PhoneCalls());
        Assert.Null(rig.State().GetAttributeValue<DateTime?>(SyncState.Checkpoint));
        rig.Emulator.Faults.Clear();
        Assert.Equal(2, rig.Run().Created);
        Assert.Equal(2, rig.PhoneCalls().Count);
    }

    [Fact]
    public async Task ServiceProtectionOnTheBatch_Should_BeWaitedOutAndEveryCallLoggedOnce()
    {
        await using var rig = await SyncRig.StartAsync();
        for (var i = 0; i < 5; i++) rig.Direct();
        await using var server = LocalOrgServer.LocalOrgServer.Start(rig.Org);
        using var client = new DataverseWebApiClient(server.ConnectionString);
        var service = new SteppedService(client, before: request =>
        {
            if (request is ExecuteMultipleRequest batch && batch.Requests.Any(r => r is ExecuteTransactionRequest)) server.Faults.TooManyRequests(times: 2, retryAfter: TimeSpan.Zero);
        });

        var summary = rig.Run(service: service);

        Assert.Equal(PhoneCallSyncStatus.Succeeded, summary.Status);
        Assert.Equal(5, summary.Created);
        Assert.Equal(5, rig.PhoneCalls().Count);
        Assert.Equal(2, server.Requests.Log.Count(r => r.Status == 429));
    }

    [Fact]
    public async Task ServiceProtectionBeyondTheRetryBudget_Should_FailTheRunAndTheNextRunLogsEveryCallOnce()
    {
        await using var rig = await SyncRig.StartAsync();
        for (var i = 0; i < 5; i++) rig.Direct();
        await using var server = LocalOrgServer.LocalOrgServer.Start(rig.Org);
        using var client = new DataverseWebApiClient(server.ConnectionString, new DataverseWebApiClientOptions { RetryBudget = TimeSpan.FromSeconds(30) });
        var armed = true;
        var service = new SteppedService(client, before: request =>
        {
            if (armed && request is ExecuteMultipleRequest batch && batch.Requests.Any(r => r is ExecuteTransactionRequest))
            {
                armed = false;
                server.Faults.TooManyRequests(times: 1, retryAfter: TimeSpan.FromMinutes(5));
            }
        });

        var failed = rig.Run(service: service);
        rig.Advance(TimeSpan.FromMinutes(1));
        var next = rig.Run(service: service);

        Assert.Equal(PhoneCallSyncStatus.Failed, failed.Status);
        Assert.Contains("300", failed.Message);
        Assert.Equal(5, failed.Failed);
        Assert.Equal(PhoneCallSyncStatus.Succeeded, next.Status);
        Assert.Equal(5, next.Created);
        Assert.Equal(5, rig.PhoneCalls().Count);
        Assert.Equal(5, rig.PhoneCalls().Select(p => p.GetAttributeValue<string>(PhoneCall.EnreachCallId)).Distinct().Count());
    }

    [Fact]
    public async Task PhoneCallDataverseRefuses_Should_FailAloneHoldTheCheckpointAtItAndBeRetried()
    {
        await using var rig = await SyncRig.StartAsync();
        rig.Direct();
        var refused = rig.Direct(seconds: 200);
        rig.Direct();
        var service = new SteppedService(rig.Service, before: request =>
        {
            // A subject too long for the column: Dataverse's validation error, for this call only.
            if (request is ExecuteMultipleRequest batch)
                foreach (var unit in batch.Requests.OfType<ExecuteTransactionRequest>())
                {
                    var create = (CreateRequest)unit.Requests[0];
                    if (create.Target.GetAttributeValue<string>(PhoneCall.EnreachCallId) == refused.CallId.ToString("D")) create.Target[PhoneCall.Subject] = new string('x', 500);
                }
        });

        var first = rig.Run(service: service);
        var held = rig.State().GetAttributeValue<DateTime>(SyncState.Checkpoint);
        rig.Advance(TimeSpan.FromMinutes(1));
        var second = rig.Run();

        Assert.Equal(PhoneCallSyncStatus.CallsFailed, first.Status);
        Assert.Equal((2, 1), (first.Created, first.Failed));
        Assert.Contains("Dataverse refused it, and nothing of it was written: A validation error occurred.", first.Decisions.Single(d => d.Outcome == PhoneCallOutcome.Failed).Reason);
        Assert.Equal(refused.Modified, held);
        // Read again from the held checkpoint (less the overlap): the refused event, not those logged before it.
        Assert.Equal((1, 0), (second.Created, second.AlreadyLogged));
        Assert.Equal(3, rig.PhoneCalls().Count);
    }
}
