using Microsoft.Xrm.Sdk;
using VoiceForD365.Core.Enreach;
using VoiceForD365.Core.PhoneCalls;
using VoiceForD365.Core.Schema;
using VoiceForD365.Core.Settings;
using VoiceForD365.Emulator;
using Xunit;

namespace VoiceForD365.Tests.PhoneCalls;

/// <summary>What a logged phone call holds: subject, direction, number, times, type, queue, recording, audit, owner, parties, state.</summary>
public sealed class PhoneCallWritingTests
{
    [Fact]
    public async Task AnsweredIncomingDirectCall_Should_BeLoggedOnceAsAReceivedPhoneCallOfTheAgent()
    {
        await using var rig = await SyncRig.StartAsync();
        var call = rig.Direct(seconds: 125);

        var summary = rig.Run();

        Assert.Equal(PhoneCallSyncStatus.Succeeded, summary.Status);
        Assert.Equal(1, summary.Created);
        var phoneCall = Assert.Single(rig.PhoneCalls());
        Assert.Equal("Incoming direct call", phoneCall[PhoneCall.Subject]);
        Assert.False(phoneCall.GetAttributeValue<bool>(PhoneCall.DirectionCode));
        Assert.Equal(SyncRig.Customer, phoneCall[PhoneCall.PhoneNumber]);
        Assert.Equal(call.StartTime, phoneCall[PhoneCall.ActualStart]);
        Assert.Equal(call.StartTime.AddSeconds(125), phoneCall[PhoneCall.ActualEnd]);
        Assert.Equal(3, phoneCall[PhoneCall.ActualDurationMinutes]);
        Assert.Equal(CallType.Direct, phoneCall.GetAttributeValue<OptionSetValue>(PhoneCall.CallType).Value);
        Assert.Equal(new Uri(rig.Emulator.ApiEndpoint, "calls/recordings/" + call.RecordingIds[0].ToString("D")).AbsoluteUri, phoneCall[PhoneCall.RecordingUrl]);
        Assert.Equal(call.CallId.ToString("D"), phoneCall[PhoneCall.EnreachCallId]);
        Assert.Equal(SyncRig.AnnaId.ToString("D"), phoneCall[PhoneCall.EnreachAgentId]);
        Assert.Contains("\"CallId\":\"" + call.CallId.ToString("D") + "\"", phoneCall.GetAttributeValue<string>(PhoneCall.EnreachApiAudit));
        Assert.Equal(rig.Anna.Id, phoneCall.GetAttributeValue<EntityReference>(PhoneCall.OwnerId).Id);
        Assert.Equal(rig.Anna.Id, Party(phoneCall, PhoneCall.To).GetAttributeValue<EntityReference>(ActivityParty.PartyId).Id);
        Assert.Equal(SyncRig.Customer, Party(phoneCall, PhoneCall.From)[ActivityParty.AddressUsed]);
        Assert.Equal((PhoneCall.StateCompleted, PhoneCall.StatusReceived), State(phoneCall));
    }

    [Fact]
    public async Task AnsweredOutgoingDirectCall_Should_BeAMadePhoneCallFromTheAgentWithTheOutgoingSubject()
    {
        await using var rig = await SyncRig.StartAsync();
        rig.Direct(outgoing: true);

        rig.Run();

        var phoneCall = Assert.Single(rig.PhoneCalls());
        Assert.Equal("Outgoing direct call", phoneCall[PhoneCall.Subject]);
        Assert.True(phoneCall.GetAttributeValue<bool>(PhoneCall.DirectionCode));
        Assert.Equal(rig.Anna.Id, Party(phoneCall, PhoneCall.From).GetAttributeValue<EntityReference>(ActivityParty.PartyId).Id);
        Assert.Equal(SyncRig.Customer, Party(phoneCall, PhoneCall.To)[ActivityParty.AddressUsed]);
        Assert.Equal((PhoneCall.StateCompleted, PhoneCall.StatusMade), State(phoneCall));
    }

    [Fact]
    public async Task SubjectSettings_Should_BeTheSubjectsOfDirectAndQueueCalls()
    {
        await using var rig = await SyncRig.StartAsync();
        rig.Set(SettingNames.IncomingDirectCallSubject, "Call from a customer");
        rig.Set(SettingNames.OutgoingDirectCallSubject, "Call to a customer");
        rig.Set(SettingNames.IncomingQueueCallSubject, "Support line");
        rig.Set(SettingNames.ProcessServiceCalls, "True");
        var incoming = rig.Direct();
        var outgoing = rig.Direct(outgoing: true);
        var queued = rig.Agent(rig.Id(), SyncRig.BoId, rig.Now.AddMinutes(-8));

        rig.Run();

        Assert.Equal("Call from a customer", rig.PhoneCallOf(incoming)[PhoneCall.Subject]);
        Assert.Equal("Call to a customer", rig.PhoneCallOf(outgoing)[PhoneCall.Subject]);
        Assert.Equal("Support line", rig.PhoneCallOf(queued)[PhoneCall.Subject]);
    }

    [Fact]
    public async Task EnableAuditOff_Should_KeepOnlyTheCallIdInTheAudit()
    {
        await using var rig = await SyncRig.StartAsync();
        rig.Set(SettingNames.EnableAudit, "False");
        var call = rig.Direct();

        rig.Run();

        Assert.Equal("CallId is " + call.CallId.ToString("D"), Assert.Single(rig.PhoneCalls())[PhoneCall.EnreachApiAudit]);
    }

    [Fact]
    public async Task SameEventsReadAgain_Should_CreateNothingAndSayAlreadyLogged()
    {
        await using var rig = await SyncRig.StartAsync();
        rig.Direct();
        rig.Direct(outgoing: true);
        rig.Run();

        var second = rig.Run(PhoneCallSyncMode.Retro);

        Assert.Equal(2, rig.PhoneCalls().Count);
        Assert.Equal(0, second.Created);
        Assert.Equal(2, second.AlreadyLogged);
        Assert.All(second.Decisions, d => Assert.Contains("has this call event's key", d.Reason));
    }

    private static Entity Party(Entity phoneCall, string column) => Assert.Single(phoneCall.GetAttributeValue<EntityCollection>(column).Entities);

    private static (int, int) State(Entity phoneCall) =>
        (phoneCall.GetAttributeValue<OptionSetValue>(PhoneCall.StateCode).Value, phoneCall.GetAttributeValue<OptionSetValue>(PhoneCall.StatusCode).Value);
}
