using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using VoiceForD365.Core.PhoneCalls;
using VoiceForD365.Core.Schema;
using VoiceForD365.Core.Settings;
using Xunit;

namespace VoiceForD365.Tests.PhoneCalls;

/// <summary>A phone call the agent's phone widget logged for the same call is completed and keyed, not duplicated.</summary>
public sealed class WidgetMergeTests
{
    [Fact]
    public async Task WidgetsOpenCallForTheSameCall_Should_BeCompletedAndKeyedKeepingTheAgentsSubject()
    {
        await using var rig = await SyncRig.StartAsync();
        var widget = rig.WidgetCall(rig.Anna);
        var call = rig.Direct(start: rig.Now.AddSeconds(-5), seconds: 60);
        rig.Advance(TimeSpan.FromMinutes(2));

        var summary = rig.Run();

        var phoneCall = Assert.Single(rig.PhoneCalls());
        Assert.Equal(widget, phoneCall.Id);
        Assert.Equal("Customer asked about the invoice", phoneCall[PhoneCall.Subject]);
        Assert.Equal("Promised a credit note.", phoneCall[PhoneCall.Description]);
        Assert.Equal(call.CallId.ToString("D"), phoneCall[PhoneCall.EnreachCallId]);
        Assert.Equal(call.StartTime, phoneCall[PhoneCall.ActualStart]);
        Assert.Equal(PhoneCall.StatusReceived, phoneCall.GetAttributeValue<OptionSetValue>(PhoneCall.StatusCode).Value);
        var decision = Assert.Single(summary.Decisions);
        Assert.Equal((PhoneCallOutcome.Merged, widget), (decision.Outcome, decision.PhoneCallId));
        Assert.Equal(1, summary.Merged);
    }

    [Fact]
    public async Task WidgetsCallTheAgentCompletedAlready_Should_StillBeTheOnePhoneCall()
    {
        await using var rig = await SyncRig.StartAsync();
        var widget = rig.WidgetCall(rig.Anna);
        rig.Service.Update(new Entity(PhoneCall.EntityName, widget) { [PhoneCall.StateCode] = new OptionSetValue(PhoneCall.StateCompleted), [PhoneCall.StatusCode] = new OptionSetValue(PhoneCall.StatusMade) });
        rig.Direct(start: rig.Now.AddSeconds(-5), seconds: 60);
        rig.Advance(TimeSpan.FromMinutes(2));

        var summary = rig.Run();

        var phoneCall = Assert.Single(rig.PhoneCalls());
        Assert.Equal(1, summary.Merged);
        Assert.Equal((PhoneCall.StateCompleted, PhoneCall.StatusReceived), (phoneCall.GetAttributeValue<OptionSetValue>(PhoneCall.StateCode).Value, phoneCall.GetAttributeValue<OptionSetValue>(PhoneCall.StatusCode).Value));
        Assert.Contains("completed again", summary.Decisions[0].Reason);
    }

    [Fact]
    public async Task WidgetsCallStartedOutsideCallStartMargin_Should_NotBeMergedUntilTheMarginIsWider()
    {
        await using var rig = await SyncRig.StartAsync();
        var start = rig.Now.AddMinutes(-10);
        rig.WidgetCall(rig.Anna, actualStart: start.AddSeconds(40));
        var late = rig.Direct(start: start, seconds: 60);

        var narrow = rig.Run();
        rig.Set(SettingNames.CallStartMargin, "60");
        rig.WidgetCall(rig.Bo, actualStart: start.AddSeconds(40));
        var wide = rig.Direct(user: SyncRig.BoId, start: start, seconds: 60);
        rig.Run(PhoneCallSyncMode.Retro);

        Assert.Equal(1, narrow.Created);
        Assert.NotNull(rig.PhoneCallOf(late));
        Assert.Equal(SyncRig.BoId.ToString("D"), rig.PhoneCallOf(wide)[PhoneCall.EnreachAgentId]);
        Assert.Equal(3, rig.PhoneCalls().Count);
    }

    [Fact]
    public async Task MergedWidgetCallReadAgain_Should_BeAlreadyLogged()
    {
        await using var rig = await SyncRig.StartAsync();
        var widget = rig.WidgetCall(rig.Anna);
        rig.Direct(start: rig.Now.AddSeconds(-5), seconds: 60);
        rig.Advance(TimeSpan.FromMinutes(2));
        rig.Run();

        var again = rig.Run(PhoneCallSyncMode.Retro);

        var decision = Assert.Single(again.Decisions);
        Assert.Equal((PhoneCallOutcome.AlreadyLogged, widget), (decision.Outcome, decision.PhoneCallId));
        Assert.Single(rig.PhoneCalls());
    }

    [Fact]
    public async Task WidgetCallTheAgentEditsWhileTheRunWrites_Should_KeepTheEditAndBeMergedByTheNextRun()
    {
        await using var rig = await SyncRig.StartAsync();
        var widget = rig.WidgetCall(rig.Anna);
        rig.Direct(start: rig.Now.AddSeconds(-5), seconds: 60);
        rig.Advance(TimeSpan.FromMinutes(2));
        var service = new SteppedService(rig.Service, before: request =>
        {
            if (request is ExecuteMultipleRequest { Requests: [UpdateRequest { Target.LogicalName: PhoneCall.EntityName }] })
                rig.Service.Update(new Entity(PhoneCall.EntityName, widget) { [PhoneCall.Description] = "Promised a credit note by Friday." });
        });

        var first = rig.Run(service: service);
        rig.Advance(TimeSpan.FromMinutes(1));
        var second = rig.Run();

        Assert.Equal((PhoneCallSyncStatus.CallsFailed, 1), (first.Status, first.Failed));
        Assert.Equal(1, second.Merged);
        var phoneCall = Assert.Single(rig.PhoneCalls());
        Assert.Equal("Promised a credit note by Friday.", phoneCall[PhoneCall.Description]);
        Assert.Equal(PhoneCall.StateCompleted, phoneCall.GetAttributeValue<OptionSetValue>(PhoneCall.StateCode).Value);
    }

    [Fact]
    public async Task AnotherAgentsWidgetCall_Should_NotBeMerged()
    {
        await using var rig = await SyncRig.StartAsync();
        rig.WidgetCall(rig.Bo);
        rig.Direct(start: rig.Now.AddSeconds(-5), seconds: 60);
        rig.Advance(TimeSpan.FromMinutes(2));

        var summary = rig.Run();

        Assert.Equal((1, 0), (summary.Created, summary.Merged));
        Assert.Equal(2, rig.PhoneCalls().Count);
    }
}
