using Microsoft.Xrm.Sdk;
using VoiceForD365.Core.PhoneCalls;
using VoiceForD365.Core.Schema;
using VoiceForD365.Core.Settings;
using Xunit;

namespace VoiceForD365.Tests.PhoneCalls;

/// <summary>A phone call the agent's phone widget logged for the same call is completed and keyed, not duplicated.</summary>
public sealed class WidgetMergeTests
{
    /// <summary>A phone call as the widget creates it when the agent answers: the agent's, the number as dialled locally, no Enreach key.</summary>
    private static Guid WidgetCall(SyncRig rig, EntityReference agent, string number = "040 123 4567", DateTime? actualStart = null)
    {
        var call = new Entity(PhoneCall.EntityName)
        {
            [PhoneCall.Subject] = "Customer asked about the invoice",
            [PhoneCall.Description] = "Promised a credit note.",
            [PhoneCall.PhoneNumber] = number,
            [PhoneCall.OwnerId] = agent,
        };
        if (actualStart != null) call[PhoneCall.ActualStart] = actualStart.Value;
        return rig.Service.Create(call);
    }

    [Fact]
    public async Task WidgetsOpenCallForTheSameCall_Should_BeCompletedAndKeyedKeepingTheAgentsSubject()
    {
        await using var rig = await SyncRig.StartAsync();
        var widget = WidgetCall(rig, rig.Anna);
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
        var widget = WidgetCall(rig, rig.Anna);
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
        WidgetCall(rig, rig.Anna, actualStart: start.AddSeconds(40));
        var late = rig.Direct(start: start, seconds: 60);

        var narrow = rig.Run();
        rig.Set(SettingNames.CallStartMargin, "60");
        WidgetCall(rig, rig.Bo, actualStart: start.AddSeconds(40));
        var wide = rig.Direct(user: SyncRig.BoId, start: start, seconds: 60);
        rig.Run(PhoneCallSyncMode.Retro);

        Assert.Equal(1, narrow.Created);
        Assert.NotNull(rig.PhoneCallOf(late));
        Assert.Equal(SyncRig.BoId.ToString("D"), rig.PhoneCallOf(wide)[PhoneCall.EnreachAgentId]);
        Assert.Equal(3, rig.PhoneCalls().Count);
    }

    [Fact]
    public async Task AnotherAgentsWidgetCall_Should_NotBeMerged()
    {
        await using var rig = await SyncRig.StartAsync();
        WidgetCall(rig, rig.Bo);
        rig.Direct(start: rig.Now.AddSeconds(-5), seconds: 60);
        rig.Advance(TimeSpan.FromMinutes(2));

        var summary = rig.Run();

        Assert.Equal((1, 0), (summary.Created, summary.Merged));
        Assert.Equal(2, rig.PhoneCalls().Count);
    }
}
