using Microsoft.Xrm.Sdk;
using VoiceForD365.Core.PhoneCalls;
using VoiceForD365.Core.Schema;
using VoiceForD365.Core.Settings;
using VoiceForD365.Emulator;
using Xunit;

namespace VoiceForD365.Tests.PhoneCalls;

/// <summary>What is logged and what is not: classification, length, the Process* settings, queue calls, transfers, owners.</summary>
public sealed class PhoneCallDecisionTests
{
    [Theory]
    [InlineData(EnreachEmulatorClassification.Private)]
    [InlineData(EnreachEmulatorClassification.Unclassified)]
    public async Task CallNotClassifiedWork_Should_BeSkippedSayingItsClassification(EnreachEmulatorClassification classification)
    {
        await using var rig = await SyncRig.StartAsync();
        rig.Direct(classification: classification);

        var summary = rig.Run();

        Assert.Empty(rig.PhoneCalls());
        var decision = Assert.Single(summary.Decisions);
        Assert.Equal((PhoneCallOutcome.Skipped, PhoneCallSkipReason.NotWork), (decision.Outcome, decision.SkipReason));
        Assert.Contains("skipped: classified " + classification + " in Voice Center: only Work calls are logged", decision.ToString());
    }

    [Fact]
    public async Task CallShorterThanCallDurationLimit_Should_BeSkippedAndOneAsLongAsItLogged()
    {
        await using var rig = await SyncRig.StartAsync();
        rig.Set(SettingNames.CallDurationLimit, "10");
        rig.Direct(seconds: 9);
        var long10 = rig.Direct(seconds: 10);

        var summary = rig.Run();

        Assert.Equal(long10.CallId.ToString("D"), Assert.Single(rig.PhoneCalls())[PhoneCall.EnreachCallId]);
        Assert.Equal(1, summary.SkippedFor(PhoneCallSkipReason.TooShort));
        Assert.Contains("lasted 9 s, shorter than CallDurationLimit (10 s)", summary.Decisions.Single(d => d.Outcome == PhoneCallOutcome.Skipped).Reason);
    }

    [Fact]
    public async Task ShortCallWithTheDefaultLimit_Should_BeLogged()
    {
        await using var rig = await SyncRig.StartAsync();
        rig.Direct(seconds: 2);

        Assert.Equal(1, rig.Run().Created);
    }

    [Fact]
    public async Task UnansweredDirectCall_Should_BeSkippedAsNotAnswered()
    {
        await using var rig = await SyncRig.StartAsync();
        rig.Direct(answered: false);

        var summary = rig.Run();

        Assert.Empty(rig.PhoneCalls());
        Assert.Equal(1, summary.SkippedFor(PhoneCallSkipReason.NotAnswered));
    }

    [Fact]
    public async Task ProcessDirectCallsOff_Should_NotReadUserCallsWhenNothingElseNeedsThem()
    {
        await using var rig = await SyncRig.StartAsync();
        rig.Set(SettingNames.ProcessDirectCalls, "False");
        rig.Direct();

        var summary = rig.Run();

        Assert.Empty(rig.PhoneCalls());
        Assert.Equal(0, rig.Emulator.Requests.Count(EnreachEmulatorEndpoint.UserCalls));
        Assert.Equal(0, summary.EnreachRequests);
        Assert.Contains("all off", summary.Message);
    }

    [Fact]
    public async Task ProcessDirectCallsOffAndServiceCallsOn_Should_LogTheQueueCallOnlyAndSkipTheDirectOne()
    {
        await using var rig = await SyncRig.StartAsync();
        rig.Set(SettingNames.ProcessDirectCalls, "False");
        rig.Set(SettingNames.ProcessServiceCalls, "True");
        rig.Direct();
        var queued = rig.Agent(rig.Id(), SyncRig.AnnaId, rig.Now.AddMinutes(-8));

        var summary = rig.Run();

        var phoneCall = Assert.Single(rig.PhoneCalls());
        Assert.Equal(queued.CallId.ToString("D"), phoneCall[PhoneCall.EnreachCallId]);
        Assert.Equal(1, summary.SkippedFor(PhoneCallSkipReason.DirectCallsOff));
    }

    [Fact]
    public async Task AnsweredQueueCall_Should_BeAServiceCallWithItsQueueWhenProcessServiceCallsIsOn()
    {
        await using var rig = await SyncRig.StartAsync();
        rig.Set(SettingNames.ProcessServiceCalls, "True");
        var queued = rig.Agent(rig.Id(), SyncRig.BoId, rig.Now.AddMinutes(-8));

        rig.Run();

        var phoneCall = rig.PhoneCallOf(queued);
        Assert.Equal("Incoming queue call", phoneCall[PhoneCall.Subject]);
        Assert.Equal(CallType.Service, phoneCall.GetAttributeValue<OptionSetValue>(PhoneCall.CallType).Value);
        Assert.Equal("Support", phoneCall[PhoneCall.QueueName]);
        Assert.Equal(rig.Bo.Id, phoneCall.GetAttributeValue<EntityReference>(PhoneCall.OwnerId).Id);
        Assert.Equal(PhoneCall.StatusReceived, phoneCall.GetAttributeValue<OptionSetValue>(PhoneCall.StatusCode).Value);
    }

    [Fact]
    public async Task AnsweredQueueCallWithProcessServiceCallsOff_Should_BeSkipped()
    {
        await using var rig = await SyncRig.StartAsync();
        rig.Agent(rig.Id(), SyncRig.BoId, rig.Now.AddMinutes(-8));

        var summary = rig.Run();

        Assert.Empty(rig.PhoneCalls());
        Assert.Equal(1, summary.SkippedFor(PhoneCallSkipReason.ServiceCallsOff));
    }

    [Fact]
    public async Task ServiceCallInBothEndpoints_Should_BeOnePhoneCallFromTheAgentsEvent()
    {
        await using var rig = await SyncRig.StartAsync();
        rig.Set(SettingNames.ProcessServiceCalls, "True");
        rig.Set(SettingNames.ProcessServiceCallsUnanswered, "True");
        var callId = rig.Id();
        var start = rig.Now.AddMinutes(-9);
        var agent = rig.Agent(callId, SyncRig.AnnaId, start.AddSeconds(20), seconds: 200);
        rig.Queue(callId, start, answeredBy: SyncRig.AnnaId);

        var summary = rig.Run();

        var phoneCall = Assert.Single(rig.PhoneCalls());
        Assert.Equal(agent.StartTime, phoneCall[PhoneCall.ActualStart]);
        Assert.Equal(SyncRig.AnnaId.ToString("D"), phoneCall[PhoneCall.EnreachAgentId]);
        Assert.Equal(1, summary.SkippedFor(PhoneCallSkipReason.AnsweredQueueView));
        Assert.Equal(1, rig.Emulator.Requests.Count(EnreachEmulatorEndpoint.ServiceCalls));
    }

    [Fact]
    public async Task AgentsPrivateEventOfAQueueCall_Should_NotBeLoggedFromTheQueuesView()
    {
        await using var rig = await SyncRig.StartAsync();
        rig.Set(SettingNames.ProcessServiceCalls, "True");
        rig.Set(SettingNames.ProcessServiceCallsUnanswered, "True");
        var callId = rig.Id();
        var start = rig.Now.AddMinutes(-9);
        rig.Agent(callId, SyncRig.AnnaId, start.AddSeconds(20), classification: EnreachEmulatorClassification.Private);
        rig.Queue(callId, start, answeredBy: SyncRig.AnnaId);

        rig.Run();

        Assert.Empty(rig.PhoneCalls());
    }

    [Fact]
    public async Task TransferredQueueCall_Should_BeTwoPhoneCallsOneForEachAgent()
    {
        await using var rig = await SyncRig.StartAsync();
        rig.Set(SettingNames.ProcessServiceCalls, "True");
        var callId = rig.Id();
        var start = rig.Now.AddMinutes(-10);
        var first = rig.Agent(callId, SyncRig.AnnaId, start, seconds: 60);
        var second = rig.Agent(callId, SyncRig.BoId, start.AddSeconds(60), seconds: 120);

        var summary = rig.Run();

        Assert.Equal(2, summary.Created);
        Assert.Equal(rig.Anna.Id, rig.PhoneCallOf(first).GetAttributeValue<EntityReference>(PhoneCall.OwnerId).Id);
        Assert.Equal(rig.Bo.Id, rig.PhoneCallOf(second).GetAttributeValue<EntityReference>(PhoneCall.OwnerId).Id);
        Assert.Equal(2, rig.PhoneCalls().Count(p => p.GetAttributeValue<string>(PhoneCall.EnreachCallId) == callId.ToString("D")));
    }

    [Fact]
    public async Task UnansweredQueueCall_Should_StayOpenForACallBackOwnedByTheFallbackUserKeyedOnTheQueue()
    {
        await using var rig = await SyncRig.StartAsync();
        rig.Set(SettingNames.ProcessServiceCallsUnanswered, "True");
        var missed = rig.Queue(rig.Id(), rig.Now.AddMinutes(-6), answeredBy: null, seconds: 40);

        var summary = rig.Run();

        var phoneCall = rig.PhoneCallOf(missed);
        Assert.Equal(SyncRig.SupportQueueId.ToString("D"), phoneCall[PhoneCall.EnreachAgentId]);
        Assert.Equal((PhoneCall.StateOpen, PhoneCall.StatusOpen), (phoneCall.GetAttributeValue<OptionSetValue>(PhoneCall.StateCode).Value, phoneCall.GetAttributeValue<OptionSetValue>(PhoneCall.StatusCode).Value));
        Assert.Equal(rig.ApiUser.Id, phoneCall.GetAttributeValue<EntityReference>(PhoneCall.OwnerId).Id);
        Assert.Equal("Incoming queue call", phoneCall[PhoneCall.Subject]);
        Assert.Contains("no agent took the call (queue Support); owner is the fallback user Voice API (DefaultCrmAssignee)", Assert.Single(summary.Decisions).Owner);
    }

    [Fact]
    public async Task UnansweredQueueCallWithProcessServiceCallsUnansweredOff_Should_NotBeRead()
    {
        await using var rig = await SyncRig.StartAsync();
        rig.Queue(rig.Id(), rig.Now.AddMinutes(-6), answeredBy: null);

        rig.Run();

        Assert.Empty(rig.PhoneCalls());
        Assert.Equal(0, rig.Emulator.Requests.Count(EnreachEmulatorEndpoint.ServiceCalls));
    }

    [Fact]
    public async Task CallLimitOnTalk_Should_NotSkipAQueueCallNobodyAnswered()
    {
        await using var rig = await SyncRig.StartAsync();
        rig.Set(SettingNames.ProcessServiceCallsUnanswered, "True");
        rig.Set(SettingNames.CallDurationLimit, "60");
        rig.Queue(rig.Id(), rig.Now.AddMinutes(-6), answeredBy: null, seconds: 5);

        Assert.Equal(1, rig.Run().Created);
    }

    [Fact]
    public async Task AgentWithoutADynamicsUser_Should_GiveTheCallToTheFallbackUserAndSaySo()
    {
        await using var rig = await SyncRig.StartAsync();
        var stranger = rig.Id();
        var call = rig.Direct(user: stranger);

        var summary = rig.Run();

        var phoneCall = rig.PhoneCallOf(call);
        Assert.Equal(rig.ApiUser.Id, phoneCall.GetAttributeValue<EntityReference>(PhoneCall.OwnerId).Id);
        Assert.Equal(rig.ApiUser.Id, Assert.Single(phoneCall.GetAttributeValue<EntityCollection>(PhoneCall.To).Entities).GetAttributeValue<EntityReference>(ActivityParty.PartyId).Id);
        Assert.Equal("no Dynamics user with Enreach id " + stranger.ToString("D") + "; owner is the fallback user Voice API (DefaultCrmAssignee)", Assert.Single(summary.Decisions).Owner);
    }

    [Fact]
    public async Task CallOnAUsersMobileWhoseEnreachIdIsUnknown_Should_BeOwnedByTheUserWithThatMobileNumber()
    {
        await using var rig = await SyncRig.StartAsync();
        var carl = rig.User("Carl Berg", enreachId: null, mobile: "+358 50 100 0009");
        var call = rig.Direct(user: rig.Id(), outgoing: true, agentNumber: "00358501000009");

        var summary = rig.Run();

        var phoneCall = rig.PhoneCallOf(call);
        Assert.Equal(carl.Id, phoneCall.GetAttributeValue<EntityReference>(PhoneCall.OwnerId).Id);
        Assert.Equal(carl.Id, Assert.Single(phoneCall.GetAttributeValue<EntityCollection>(PhoneCall.From).Entities).GetAttributeValue<EntityReference>(ActivityParty.PartyId).Id);
        Assert.Contains("owner Carl Berg, whose mobile number is the agent's side of the call (00358501000009)", Assert.Single(summary.Decisions).Owner);
    }

    [Fact]
    public async Task DisabledAgent_Should_GiveTheCallToTheFallbackUser()
    {
        await using var rig = await SyncRig.StartAsync();
        var gone = rig.Id();
        rig.User("Gone User", gone, null, disabled: true);
        var call = rig.Direct(user: gone);

        var summary = rig.Run();

        Assert.Equal(rig.ApiUser.Id, rig.PhoneCallOf(call).GetAttributeValue<EntityReference>(PhoneCall.OwnerId).Id);
        Assert.StartsWith("the Dynamics user Gone User with Enreach id " + gone.ToString("D") + " is disabled", Assert.Single(summary.Decisions).Owner);
    }
}
