using System.Globalization;
using System.Web;
using Microsoft.Xrm.Sdk;
using VoiceForD365.Core.PhoneCalls;
using VoiceForD365.Core.Schema;
using VoiceForD365.Core.Settings;
using VoiceForD365.Emulator;
using Xunit;

namespace VoiceForD365.Tests.PhoneCalls;

/// <summary>How far back each run reads: checkpoint and overlap, ExecutionInterval, RunInDebugMode, the nightly retro; late and changed events.</summary>
public sealed class SyncWindowTests
{
    private static (string From, string To) Window(EnreachEmulatorRequest request, string from, string to)
    {
        var query = HttpUtility.ParseQueryString(request.Query);
        return (query[from]!, query[to]!);
    }

    private static string Text(DateTime time) => time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static List<EnreachEmulatorRequest> CallRequests(SyncRig rig) => rig.Emulator.Requests.Log.Where(r => r.Endpoint == EnreachEmulatorEndpoint.UserCalls).ToList();

    [Fact]
    public async Task FirstRun_Should_ReadWhatChangedInTheLastExecutionIntervalMinutes()
    {
        await using var rig = await SyncRig.StartAsync();
        rig.Set(SettingNames.ExecutionInterval, "30");

        var summary = rig.Run();

        var request = Assert.Single(CallRequests(rig));
        Assert.Equal((Text(rig.Now.AddMinutes(-30)), Text(rig.Now)), Window(request, "ModifiedAfter", "ModifiedBefore"));
        Assert.Equal((rig.Now.AddMinutes(-30), rig.Now), (summary.WindowFrom, summary.WindowTo));
        Assert.Equal(PhoneCallSyncKind.Continuous, summary.Kind);
    }

    [Fact]
    public async Task NextRun_Should_ReadFromTheCheckpointLessTheOverlap()
    {
        await using var rig = await SyncRig.StartAsync();
        rig.Run();
        var checkpoint = rig.Now;
        rig.Advance(TimeSpan.FromSeconds(75));

        rig.Run();

        Assert.Equal(checkpoint, rig.State().GetAttributeValue<DateTime>(SyncState.Checkpoint).AddSeconds(-75));
        Assert.Equal((Text(checkpoint.AddSeconds(-60)), Text(rig.Now)), Window(CallRequests(rig)[1], "ModifiedAfter", "ModifiedBefore"));
    }

    [Fact]
    public async Task RunAfterALongPause_Should_ReadNoMoreThanExecutionIntervalBack()
    {
        await using var rig = await SyncRig.StartAsync();
        rig.Run();
        rig.Advance(TimeSpan.FromHours(5));

        rig.Run();

        Assert.Equal(Text(rig.Now.AddMinutes(-120)), Window(CallRequests(rig)[1], "ModifiedAfter", "ModifiedBefore").From);
    }

    [Fact]
    public async Task RunInDebugMode_Should_ReadFortyFiveDaysInWindowsOfAtMostThirtyOneDays()
    {
        await using var rig = await SyncRig.StartAsync();
        rig.Set(SettingNames.RunInDebugMode, "True");
        rig.Set(SettingNames.ProcessServiceCallsUnanswered, "True");
        var old = rig.Direct(start: rig.Now.AddDays(-40));

        var summary = rig.Run();

        Assert.Equal(PhoneCallSyncKind.Debug, summary.Kind);
        var windows = CallRequests(rig).Select(r => Window(r, "ModifiedAfter", "ModifiedBefore")).ToList();
        Assert.Equal([(Text(rig.Now.AddDays(-45)), Text(rig.Now.AddDays(-14))), (Text(rig.Now.AddDays(-14)), Text(rig.Now))], windows);
        Assert.Equal(2, rig.Emulator.Requests.Count(EnreachEmulatorEndpoint.ServiceCalls));
        Assert.Equal(4, summary.EnreachRequests);
        Assert.NotNull(rig.PhoneCallOf(old));
    }

    [Fact]
    public async Task EventEnreachShowsAfterTheRunWithAnEarlierModifiedTime_Should_BeLoggedByTheNextRunThroughTheOverlap()
    {
        await using var rig = await SyncRig.StartAsync();
        rig.Run();
        // Post-processing: the event is stamped 20 s before the first run's end, but Enreach shows it only afterwards.
        var late = rig.Direct(start: rig.Now.AddMinutes(-3), seconds: 150);
        Assert.True(late.Modified < rig.Now);
        rig.Advance(TimeSpan.FromMinutes(1));

        var summary = rig.Run();

        Assert.Equal(1, summary.Created);
        Assert.NotNull(rig.PhoneCallOf(late));
    }

    [Fact]
    public async Task EventThatAppearsLate_Should_BeLoggedByTheRunThatSeesIt()
    {
        await using var rig = await SyncRig.StartAsync();
        var late = rig.Direct(start: rig.Now.AddMinutes(-4), seconds: 60, delay: TimeSpan.FromMinutes(5));
        Assert.Equal(0, rig.Run().Created);
        rig.Advance(TimeSpan.FromMinutes(3));

        rig.Run();

        Assert.NotNull(rig.PhoneCallOf(late));
    }

    [Fact]
    public async Task EventReclassifiedFromPrivateToWork_Should_BeLoggedWhenTheCorrectionIsRead()
    {
        await using var rig = await SyncRig.StartAsync();
        var call = rig.Direct(classification: EnreachEmulatorClassification.Private);
        Assert.Equal(1, rig.Run().SkippedFor(PhoneCallSkipReason.NotWork));
        rig.Add(call with { Classification = EnreachEmulatorClassification.Work, Modified = rig.Now.AddSeconds(30) });
        rig.Advance(TimeSpan.FromMinutes(1));

        var summary = rig.Run();

        Assert.Equal(1, summary.Created);
        Assert.NotNull(rig.PhoneCallOf(call));
    }

    [Fact]
    public async Task EventWhoseDurationEnreachCorrects_Should_StayOnePhoneCall()
    {
        await using var rig = await SyncRig.StartAsync();
        var call = rig.Direct(seconds: 100);
        rig.Run();
        rig.Add(call with { DurationSeconds = 130, Modified = rig.Now.AddSeconds(30) });
        rig.Advance(TimeSpan.FromMinutes(1));

        var summary = rig.Run();

        Assert.Equal(1, summary.AlreadyLogged);
        Assert.Single(rig.PhoneCalls());
    }

    [Fact]
    public async Task NightlyRetro_Should_RunOnceBetween2200And2330AndLogWhatTheContinuousRunsMissed()
    {
        await using var rig = await SyncRig.StartAsync(new DateTime(2025, 1, 6, 21, 0, 0, DateTimeKind.Utc));
        rig.Run();
        var moment = rig.State().GetAttributeValue<DateTime>(SyncState.NextRetro);
        Assert.InRange(moment, new DateTime(2025, 1, 6, 22, 0, 0), new DateTime(2025, 1, 6, 23, 30, 0).AddTicks(-1));
        // Started 20 hours ago and read by no continuous run: the worker was down then.
        var missed = rig.Direct(start: new DateTime(2025, 1, 6, 2, 0, 0, DateTimeKind.Utc));
        rig.Clock.Set(moment.AddMinutes(1));

        var retro = rig.Run();
        rig.Advance(TimeSpan.FromMinutes(1));
        var after = rig.Run();

        Assert.Equal(PhoneCallSyncKind.Retro, retro.Kind);
        Assert.Equal((moment.AddMinutes(1).AddHours(-24), moment.AddMinutes(1)), (retro.WindowFrom, retro.WindowTo));
        var request = rig.Emulator.Requests.Log.Last(r => r.Endpoint == EnreachEmulatorEndpoint.UserCalls && r.Query.Contains("StartTime"));
        Assert.Equal((Text(moment.AddMinutes(1).AddHours(-24)), Text(moment.AddMinutes(1))), Window(request, "StartTime", "EndTime"));
        Assert.NotNull(rig.PhoneCallOf(missed));
        Assert.Equal(PhoneCallSyncKind.Continuous, after.Kind);
        var tomorrow = rig.State().GetAttributeValue<DateTime>(SyncState.NextRetro);
        Assert.InRange(tomorrow, new DateTime(2025, 1, 7, 22, 0, 0), new DateTime(2025, 1, 7, 23, 30, 0).AddTicks(-1));
        Assert.Equal(SyncRunKind.Retro, rig.Runs().Single(r => r.Id == retro.RunId).GetAttributeValue<OptionSetValue>(SyncRun.Kind).Value);
    }

    [Fact]
    public void RetroMoments_Should_DifferFromNightToNightWithinTheWindow()
    {
        var organization = Guid.NewGuid();
        var moments = Enumerable.Range(0, 30).Select(day => new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(day)).Select(night => PhoneCallSync.RetroMoment(night, organization)).ToList();

        Assert.All(moments, m => Assert.InRange(m.TimeOfDay, TimeSpan.FromHours(22), TimeSpan.FromMinutes(23 * 60 + 30) - TimeSpan.FromTicks(1)));
        Assert.True(moments.Select(m => m.TimeOfDay).Distinct().Count() > 20);
        Assert.Equal(moments, Enumerable.Range(0, 30).Select(day => new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(day)).Select(night => PhoneCallSync.RetroMoment(night, organization)));
    }

    [Fact]
    public async Task RetroAskedFor_Should_ReadThePast24HoursAndLeaveTheNightlyScheduleAlone()
    {
        await using var rig = await SyncRig.StartAsync();
        rig.Run();
        var scheduled = rig.State().GetAttributeValue<DateTime>(SyncState.NextRetro);
        var yesterday = rig.Direct(start: rig.Now.AddHours(-23));

        var summary = rig.Run(PhoneCallSyncMode.Retro);

        Assert.Equal(PhoneCallSyncKind.Retro, summary.Kind);
        Assert.NotNull(rig.PhoneCallOf(yesterday));
        Assert.Equal(scheduled, rig.State().GetAttributeValue<DateTime>(SyncState.NextRetro));
        Assert.Null(rig.State().GetAttributeValue<DateTime?>(SyncState.RetroTo));
    }
}
