using Microsoft.Xrm.Sdk;
using VoiceForD365.Core.Callbacks;
using VoiceForD365.Core.PhoneCalls;
using VoiceForD365.Core.Schema;
using VoiceForD365.Core.Settings;
using VoiceForD365.Emulator;
using VoiceForD365.Tests.PhoneCalls;
using Xunit;

namespace VoiceForD365.Tests.CallbackSync;

/// <summary>SPEC C6 through <see cref="Core.Callbacks.CallbackSync.Run"/> on the local organization and the Enreach emulator over HTTP.</summary>
public sealed class CallbackSyncTests
{
    [Fact]
    public async Task RequestInsideTheAgeWindow_Should_BeLoggedOnceAsAnOpenCallbackPhoneCallOfTheCallerAndThenClosed()
    {
        await using var rig = await CallbackSyncRig.StartAsync();
        var contact = rig.Rig.Contact("Maija Meikäläinen", "+358 40 123 4567");
        var list = rig.Emulator.Callbacks.AddList("Support callbacks");
        var queue = rig.Queue("Support callbacks");
        var profile = rig.Profile("Support", list.Id, queue);
        var voicemail = Guid.NewGuid();
        var request = rig.Request(list.Id, TimeSpan.FromMinutes(30), voicemail: voicemail);

        var first = rig.Run();
        var second = rig.Run();

        Assert.True(first.Succeeded, first.ToString());
        Assert.Equal((1, 1), (first.Created, first.Closed));
        var call = rig.CallbackOf(request);
        Assert.Equal(CallType.Callback, call.GetAttributeValue<OptionSetValue>(PhoneCall.CallType).Value);
        Assert.Equal(profile, call.GetAttributeValue<EntityReference>(PhoneCall.CallbackProfileId).Id);
        Assert.Equal(PhoneCall.StateOpen, call.GetAttributeValue<OptionSetValue>(PhoneCall.StateCode).Value);
        Assert.Equal(("Please call me about the invoice", SyncRig.Customer), (call.GetAttributeValue<string>(PhoneCall.Description), call.GetAttributeValue<string>(PhoneCall.PhoneNumber)));
        Assert.Equal(new Uri(rig.Emulator.ApiEndpoint, $"calls/recordings/{voicemail:D}").AbsoluteUri, call.GetAttributeValue<string>(PhoneCall.RecordingUrl));
        var to = Assert.Single(call.GetAttributeValue<EntityCollection>(PhoneCall.To).Entities);
        Assert.Equal(contact.Id, to.GetAttributeValue<EntityReference>(ActivityParty.PartyId).Id);
        Assert.True(rig.IsClosed(request));
        // The next run finds the request closed: nothing to do, no Dataverse query for it.
        Assert.True(second.Succeeded, second.ToString());
        Assert.Equal((0, 0, 1), (second.Created, second.Decisions.Count, second.AlreadyClosed));
        Assert.Single(rig.Callbacks());
    }

    [Fact]
    public async Task RequestsOutsideTheAgeWindow_Should_NeitherBeLoggedNorClosed()
    {
        await using var rig = await CallbackSyncRig.StartAsync();
        var list = rig.Emulator.Callbacks.AddList("Support callbacks");
        rig.Profile("Support", list.Id, rig.Queue("Support"), unit: AgeTimeUnit.Minutes, age: 45);
        var inside = rig.Request(list.Id, TimeSpan.FromMinutes(44));
        var outside = rig.Request(list.Id, TimeSpan.FromMinutes(46));

        var summary = rig.Run();

        Assert.Equal(1, summary.Created);
        Assert.Equal([inside.Id.ToString("D")], rig.Callbacks().Select(c => c.GetAttributeValue<string>(PhoneCall.CallbackRequestId)));
        Assert.True(rig.IsClosed(inside));
        Assert.False(rig.IsClosed(outside));
    }

    [Fact]
    public async Task ApiUserRule_Should_HaveTheShippedProcessGiveTheSyncedPhoneCallToTheApplicationUserInTheProfilesQueueWithItsSubject()
    {
        await using var rig = await CallbackSyncRig.StartAsync();
        var list = rig.Emulator.Callbacks.AddList("Sales callbacks");
        var queue = rig.Queue("Sales callbacks");
        rig.Profile("Sales", list.Id, queue, OwnershipRule.ApiUser, subject: "Call back a sales lead");
        var request = rig.Request(list.Id, TimeSpan.FromMinutes(5), number: "+358 9 555 0100");

        rig.Run();

        var call = rig.CallbackOf(request);
        Assert.Equal(rig.ApiApplicationUser.Id, call.GetAttributeValue<EntityReference>(PhoneCall.OwnerId).Id);
        Assert.Equal("Call back a sales lead", call.GetAttributeValue<string>(PhoneCall.Subject));
        Assert.Equal([queue], rig.QueuesOf(call.Id));
        // Unknown caller: an unresolved party with the number.
        var to = Assert.Single(call.GetAttributeValue<EntityCollection>(PhoneCall.To).Entities);
        Assert.Equal(("+358 9 555 0100", null), (to.GetAttributeValue<string>(ActivityParty.AddressUsed), to.GetAttributeValue<EntityReference>(ActivityParty.PartyId)));
    }

    [Fact]
    public async Task OwnerOfQueueRule_Should_HaveTheShippedProcessGiveTheSyncedPhoneCallToTheQueuesOwnerWithTheSettingsSubject()
    {
        await using var rig = await CallbackSyncRig.StartAsync();
        rig.Rig.Set(SettingNames.CallbackRequestDefaultSubject, "Customer asked for a call back");
        var list = rig.Emulator.Callbacks.AddList("Bo's callbacks");
        var queue = rig.Queue("Bo's callbacks", rig.Rig.Bo);
        rig.Profile("Bo", list.Id, queue, OwnershipRule.OwnerOfQueue);
        var request = rig.Request(list.Id, TimeSpan.FromMinutes(5));

        rig.Run();

        var call = rig.CallbackOf(request);
        Assert.Equal(rig.Rig.Bo.Id, call.GetAttributeValue<EntityReference>(PhoneCall.OwnerId).Id);
        Assert.Equal("Customer asked for a call back", call.GetAttributeValue<string>(PhoneCall.Subject));
        Assert.Equal([queue], rig.QueuesOf(call.Id));
    }

    [Fact]
    public async Task CloseFailing_Should_BeRetriedByTheNextRunWithoutASecondPhoneCall()
    {
        await using var rig = await CallbackSyncRig.StartAsync();
        var list = rig.Emulator.Callbacks.AddList("Support callbacks");
        rig.Profile("Support", list.Id, rig.Queue("Support"));
        var request = rig.Request(list.Id, TimeSpan.FromMinutes(5));
        rig.Emulator.Faults.ServerError(times: 3, only: EnreachEmulatorEndpoint.CloseCallbackRequest);

        var failed = rig.Run();
        var retried = rig.Run();

        Assert.Equal(PhoneCallSyncStatus.CallsFailed, failed.Status);
        Assert.Equal((1, 1, 0), (failed.Created, failed.CloseFailed, failed.Closed));
        Assert.Contains("the next run retries the close only", Assert.Single(failed.Decisions).ToString());
        Assert.True(retried.Succeeded, retried.ToString());
        Assert.Equal((0, 1, 1), (retried.Created, retried.AlreadyLogged, retried.Closed));
        Assert.True(rig.IsClosed(request));
        Assert.Single(rig.Callbacks());
    }

    [Fact]
    public async Task DeactivatedProfile_Should_StopBeingSyncedAtTheNextRefresh()
    {
        await using var rig = await CallbackSyncRig.StartAsync();
        var list = rig.Emulator.Callbacks.AddList("Support callbacks");
        var profile = rig.Profile("Support", list.Id, rig.Queue("Support"));
        rig.Run();
        rig.Deactivate(profile);
        var beforeRefresh = rig.Request(list.Id, TimeSpan.FromMinutes(1));

        var cached = rig.Run();
        rig.Cache.RefreshNow();
        var afterRefresh = rig.Request(list.Id, TimeSpan.FromSeconds(30));
        var refreshed = rig.Run();

        Assert.Equal((1, false), (cached.Created, cached.Refreshed));
        Assert.Equal((0, 0, true), (refreshed.Created, refreshed.Profiles, refreshed.Refreshed));
        Assert.True(rig.IsClosed(beforeRefresh));
        Assert.False(rig.IsClosed(afterRefresh));
    }

    [Fact]
    public async Task ProfileCache_Should_ReadProfilesAgainOnlyAfterTheRefreshInterval()
    {
        await using var rig = await CallbackSyncRig.StartAsync();
        var list = rig.Emulator.Callbacks.AddList("Support callbacks");
        var queue = rig.Queue("Support");
        rig.Profile("Support", list.Id, queue);

        var first = rig.Run();
        var other = rig.Emulator.Callbacks.AddList("Sales callbacks");
        rig.Profile("Sales", other.Id, queue);
        rig.Rig.Advance(TimeSpan.FromMinutes(59));
        var cached = rig.Run();
        rig.Rig.Advance(TimeSpan.FromMinutes(1));
        var refreshed = rig.Run();

        Assert.Equal((true, 1), (first.Refreshed, first.Profiles));
        Assert.Equal((false, 1), (cached.Refreshed, cached.Profiles));
        Assert.Equal((true, 2), (refreshed.Refreshed, refreshed.Profiles));
        Assert.True(cached.DataverseRequests < first.DataverseRequests, cached + " / " + first);
    }

    [Fact]
    public async Task RequestClosedInEnreachBeforeItWasLogged_Should_NotBeLogged()
    {
        await using var rig = await CallbackSyncRig.StartAsync();
        var list = rig.Emulator.Callbacks.AddList("Support callbacks");
        rig.Profile("Support", list.Id, rig.Queue("Support"));
        var handled = rig.Request(list.Id, TimeSpan.FromMinutes(5));
        rig.Rig.Enreach.CloseCallbackRequest(list.Id, handled.Id);

        var summary = rig.Run();

        Assert.Equal((0, 1), (summary.Created, summary.AlreadyClosed));
        Assert.Empty(rig.Callbacks());
    }

    [Fact]
    public async Task SeveralCustomersWithTheNumber_Should_FollowTheMultipleMatchSettingsOfThePhoneCallSync()
    {
        await using var rig = await CallbackSyncRig.StartAsync();
        var maija = rig.Rig.Contact("Maija", SyncRig.Customer);
        rig.Rig.Account("Contoso", SyncRig.Customer);
        var list = rig.Emulator.Callbacks.AddList("Support callbacks");
        rig.Profile("Support", list.Id, rig.Queue("Support"));
        var request = rig.Request(list.Id, TimeSpan.FromMinutes(5));

        rig.Rig.Set(SettingNames.EnableMultipleMatchCreate, "False");
        var skipped = rig.Run();
        rig.Rig.Set(SettingNames.MultipleMatchesPickFirst, "True");
        rig.Cache.RefreshNow();
        var picked = rig.Run();

        var decision = Assert.Single(skipped.Decisions);
        Assert.Equal(CallbackOutcome.Skipped, decision.Outcome);
        Assert.Contains("neither MultipleMatchesPickFirst nor EnableMultipleMatchCreate", decision.Reason);
        Assert.Equal((1, 1), (picked.Created, picked.Closed));
        var to = Assert.Single(rig.CallbackOf(request).GetAttributeValue<EntityCollection>(PhoneCall.To).Entities);
        Assert.Equal(maija.Id, to.GetAttributeValue<EntityReference>(ActivityParty.PartyId).Id);
    }

    [Fact]
    public async Task Run_Should_RecordItsSummaryAsACallbackSyncRunAndHoldItsOwnLease()
    {
        await using var rig = await CallbackSyncRig.StartAsync();
        var list = rig.Emulator.Callbacks.AddList("Support callbacks");
        rig.Profile("Support", list.Id, rig.Queue("Support"));
        rig.Request(list.Id, TimeSpan.FromMinutes(5));
        rig.Request(list.Id, TimeSpan.FromMinutes(4), number: null);

        var summary = rig.Run();
        // The phone call sync's lease is another row: both run in the same minute.
        var calls = rig.Rig.Run();

        Assert.True(calls.Succeeded, calls.ToString());
        var record = Assert.Single(rig.CallbackRuns());
        Assert.Equal(summary.RunId, record.Id);
        Assert.Equal((SyncRunKind.Callback, SyncRunStatus.Succeeded), (record.GetAttributeValue<OptionSetValue>(SyncRun.Kind).Value, record.GetAttributeValue<OptionSetValue>(SyncRun.Status).Value));
        Assert.Equal((2, 2, 0, 3), (record.GetAttributeValue<int>(SyncRun.Created), record.GetAttributeValue<int>(SyncRun.Closed), record.GetAttributeValue<int>(SyncRun.CloseFailed),
            record.GetAttributeValue<int>(SyncRun.EnreachRequests)));
        Assert.Contains("a hidden number", record.GetAttributeValue<string>(SyncRun.Decisions));
    }

    [Fact]
    public async Task LeaseHeldByAnotherWorker_Should_SyncNothingUntilItExpires()
    {
        await using var rig = await CallbackSyncRig.StartAsync();
        var list = rig.Emulator.Callbacks.AddList("Support callbacks");
        rig.Profile("Support", list.Id, rig.Queue("Support"));
        var request = rig.Request(list.Id, TimeSpan.FromMinutes(5));
        rig.Service.Create(new Entity(SyncState.EntityName)
        {
            [SyncState.Name] = Core.Callbacks.CallbackSync.JobName, [SyncState.LeaseOwner] = "worker-2", [SyncState.LeaseExpires] = rig.Now.AddMinutes(3),
        });

        var held = rig.Run(worker: "worker-1");
        rig.Rig.Advance(TimeSpan.FromMinutes(4));
        var expired = rig.Run(worker: "worker-1");

        Assert.Equal(PhoneCallSyncStatus.LeaseHeld, held.Status);
        Assert.Contains("worker-2", held.Message);
        Assert.True(expired.Succeeded, expired.ToString());
        Assert.Equal(1, expired.Created);
        Assert.Single(rig.Callbacks());
        Assert.True(rig.IsClosed(request));
    }
}
