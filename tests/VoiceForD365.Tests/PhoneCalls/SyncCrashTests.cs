using System.Diagnostics;
using Microsoft.Xrm.Sdk;
using VoiceForD365.Core.Enreach;
using VoiceForD365.Core.PhoneCalls;
using VoiceForD365.Core.Schema;
using VoiceForD365.Core.Settings;
using VoiceForD365.Emulator;
using VoiceForD365.LocalOrg;
using Xunit;
using Xunit.Abstractions;

namespace VoiceForD365.Tests.PhoneCalls;

/// <summary>
/// The worker dies after every step of a run (each Enreach read, each Dataverse request: carried out, its answer lost),
/// is started again and may die again, then runs to the end: no call is lost, none is logged twice.
/// </summary>
public sealed class SyncCrashTests(ITestOutputHelper output)
{
    /// <summary>A run of the traffic that is stopped nowhere: what every organization must end with.</summary>
    private sealed class Scenario
    {
        public required string Name { get; init; }

        public required DateTime Now { get; init; }

        /// <summary>When the first block of calls starts.</summary>
        public required DateTime Traffic { get; init; }

        public TimeSpan Spacing { get; init; } = TimeSpan.FromMinutes(1);

        public int Blocks { get; init; } = 4;

        /// <summary>
        /// Operations per batch: a call created and completed takes 2, an open call or a merge 1, so 2 sends a batch
        /// per phone call and 4 packs some together.
        /// </summary>
        public int MaxOperations { get; init; }

        public bool Debug { get; init; }

        /// <summary>A run this long before <see cref="Now"/>, before the calls: the crashed run starts from its checkpoint.</summary>
        public TimeSpan? RunBefore { get; init; }

        public override string ToString() => Name + ", " + MaxOperations + " operations a batch";
    }

    private static readonly Guid LocalOrgId = new LocalOrganization().OrganizationId;

    private static readonly DateTime Retro = PhoneCallSync.RetroMoment(SyncRig.Morning.Date, LocalOrgId);

    /// <summary>
    /// Small scenarios, many of them: a crash test costs the square of a run's steps. Each kind of run with batches of
    /// one phone call, of one or two, of up to two, of two or three.
    /// </summary>
    private static readonly Scenario[] Scenarios = new[] { 2, 3, 4, 5 }.SelectMany(operations => new Scenario[]
    {
        // The first run ever: the past ExecutionInterval (120 minutes) by modification.
        new() { Name = "first run", Now = SyncRig.Morning, Traffic = SyncRig.Morning.AddMinutes(-100), MaxOperations = operations },
        // The usual run: from the last run's checkpoint, less the overlap.
        new() { Name = "continuous", Now = SyncRig.Morning, Traffic = SyncRig.Morning.AddMinutes(-9), RunBefore = TimeSpan.FromMinutes(10), MaxOperations = operations },
        // The nightly retro: the past 24 hours by start, calls too old for a continuous run; progress kept per batch.
        new() { Name = "retro", Now = Retro.AddMinutes(1), Traffic = Retro.AddHours(-20), Spacing = TimeSpan.FromHours(3), MaxOperations = operations },
        // RunInDebugMode: 45 days in two windows, a checkpoint between them.
        new() { Name = "debug", Now = SyncRig.Morning, Traffic = SyncRig.Morning.AddDays(-44), Spacing = TimeSpan.FromDays(10), Debug = true, MaxOperations = operations },
    }).ToArray();

    [Fact]
    public async Task WorkerDyingAfterEveryStep_Should_LoseNoCallAndLogNoneTwice()
    {
        var crashes = 0;
        var watch = Stopwatch.StartNew();
        foreach (var scenario in Scenarios)
        {
            var (steps, injected) = await CrashAfterEveryStepAsync(scenario);
            output.WriteLine("{0}: {1} steps, {2} crashes, {3:0.0} s", scenario, steps, injected, watch.Elapsed.TotalSeconds);
            crashes += injected;
        }
        Assert.True(crashes >= 1000, crashes + " crashes injected, fewer than 1,000");
    }

    /// <summary>For each step k of the run: a new organization, a run that dies after step k, a restarted one that dies again somewhere, a last one.</summary>
    private async Task<(int Steps, int Crashes)> CrashAfterEveryStepAsync(Scenario scenario)
    {
        var clock = new TestClock(scenario.Now);
        await using var emulator = await EnreachEmulator.StartAsync(new EnreachEmulatorOptions { Clock = clock });
        var enreach = SyncRig.ClientOf(emulator);

        var reference = Organization(scenario, emulator, clock, enreach);
        var widgets = Traffic(scenario, reference);
        var clean = new CrashSwitch();
        var summary = Run(reference, clean, "worker-1", scenario);
        Assert.True(summary.Succeeded, summary.ToString());
        var expected = Logged(reference);
        // Per block: a direct call in and one out, a queue call, a queue call nobody answered, a transfer (two agents); a private call and the queue's view skipped.
        Assert.Equal(6 * scenario.Blocks, expected.Count);
        Assert.Equal(widgets, summary.Merged);

        var crashes = 0;
        for (var step = 1; step <= clean.Steps; step++)
        {
            var rig = Organization(scenario, emulator, clock, enreach);
            var first = new CrashSwitch { CrashAt = step };
            Run(rig, first, "worker-1", scenario);
            Assert.True(first.Crashed, scenario + ": step " + step);
            // Restarted: with the same worker id it takes its lease back at once; another worker waits until the lease expires.
            var worker = step % 2 == 0 ? "worker-1" : "worker-2";
            clock.Advance(worker == "worker-1" ? TimeSpan.FromMinutes(1) : TimeSpan.FromMinutes(5.5));
            var second = new CrashSwitch { CrashAt = 1 + step * 7 % clean.Steps };
            Run(rig, second, worker, scenario);
            clock.Advance(TimeSpan.FromMinutes(1));
            var last = Run(rig, new CrashSwitch(), worker, scenario);

            var at = scenario + ", crash after step " + step + (second.Crashed ? " and after step " + second.CrashAt + " of the restarted run" : "");
            Assert.True(last.Succeeded, at + ": " + last);
            var logged = Logged(rig);
            var lost = expected.Except(logged).ToList();
            var twice = logged.GroupBy(l => l).Where(g => g.Count() > 1).Select(g => g.Key).Concat(logged.Except(expected)).ToList();
            Assert.True(lost.Count == 0 && twice.Count == 0 && logged.Count == expected.Count,
                at + ": lost " + string.Join("; ", lost) + " / logged twice or otherwise " + string.Join("; ", twice));
            crashes += 1 + (second.Crashed ? 1 : 0);
        }
        return (clean.Steps, crashes);
    }

    private static PhoneCallSyncSummary Run(SyncRig rig, CrashSwitch crash, string worker, Scenario scenario) =>
        PhoneCallSync.Run(new SteppedService(rig.Service, crash), new SteppedEnreach(rig.Enreach, crash), rig.Options(worker, maxOperations: scenario.MaxOperations));

    /// <summary>
    /// A new organization at the scenario's start: the settings, a customer, the widget calls of its agents (their ids
    /// the same in each) and the run before, if any.
    /// </summary>
    private static SyncRig Organization(Scenario scenario, EnreachEmulator emulator, TestClock clock, EnreachClient enreach)
    {
        clock.Set(scenario.Now - (scenario.RunBefore ?? TimeSpan.Zero));
        var rig = SyncRig.On(emulator, clock, enreach: enreach);
        rig.Set(SettingNames.ProcessServiceCalls, "True");
        rig.Set(SettingNames.ProcessServiceCallsUnanswered, "True");
        if (scenario.Debug) rig.Set(SettingNames.RunInDebugMode, "True");
        rig.Contact("Maija Meikäläinen", SyncRig.Customer);
        for (var block = 0; block < scenario.Blocks; block += 2)
        {
            var widget = rig.WidgetCall(rig.Anna, actualStart: Start(scenario, block).AddSeconds(3), id: new Guid(block + 1, 0, 0x4000, [0x80, 0, 0, 0, 0, 0, 0, 2]));
            // Every other one the agent completed already: the merge opens and completes it again in one transaction.
            if (block % 4 == 2)
                rig.Service.Update(new Entity(PhoneCall.EntityName, widget) { [PhoneCall.StateCode] = new OptionSetValue(PhoneCall.StateCompleted), [PhoneCall.StatusCode] = new OptionSetValue(PhoneCall.StatusMade) });
        }
        if (scenario.RunBefore != null)
        {
            Assert.Empty(rig.Run().Decisions);
            clock.Set(scenario.Now);
        }
        return rig;
    }

    /// <summary>The calls of the scenario, added to the emulator once; returns how many of them the widget logged too.</summary>
    private static int Traffic(Scenario scenario, SyncRig rig)
    {
        var widgets = 0;
        for (var block = 0; block < scenario.Blocks; block++)
        {
            var start = Start(scenario, block);
            rig.Direct(start: start, seconds: 40);
            if (block % 2 == 0) widgets++;
            rig.Direct(user: SyncRig.BoId, outgoing: true, start: start.AddSeconds(2), seconds: 30);
            rig.Direct(start: start.AddSeconds(4), classification: EnreachEmulatorClassification.Private);
            var queued = rig.Id();
            rig.Agent(queued, SyncRig.BoId, start.AddSeconds(6), seconds: 20);
            rig.Queue(queued, start.AddSeconds(6), answeredBy: SyncRig.BoId, seconds: 25);
            rig.Queue(rig.Id(), start.AddSeconds(8), answeredBy: null, seconds: 15);
            var transferred = rig.Id();
            rig.Agent(transferred, SyncRig.AnnaId, start.AddSeconds(10), seconds: 15);
            rig.Agent(transferred, SyncRig.BoId, start.AddSeconds(25), seconds: 15);
        }
        return widgets;
    }

    private static DateTime Start(Scenario scenario, int block) => scenario.Traffic + scenario.Spacing * block;

    /// <summary>What the organization holds: one line per phone call (its key, or the widget's id; state, owner, the call's start), sorted.</summary>
    private static List<string> Logged(SyncRig rig)
    {
        var owners = new Dictionary<Guid, string> { [rig.Anna.Id] = "Anna", [rig.Bo.Id] = "Bo", [rig.ApiUser.Id] = "API user" };
        return rig.PhoneCalls().Select(p =>
        {
            var key = p.GetAttributeValue<string>(PhoneCall.EnreachCallId) + "/" + p.GetAttributeValue<string>(PhoneCall.EnreachAgentId);
            var widget = p.GetAttributeValue<string>(PhoneCall.Subject) == "Customer asked about the invoice" ? " widget " + p.Id.ToString("D") : "";
            return string.Format(System.Globalization.CultureInfo.InvariantCulture, "{0}{1} state {2}/{3} owner {4} at {5:s}", key, widget,
                p.GetAttributeValue<OptionSetValue>(PhoneCall.StateCode).Value, p.GetAttributeValue<OptionSetValue>(PhoneCall.StatusCode).Value,
                owners[p.GetAttributeValue<EntityReference>(PhoneCall.OwnerId).Id], p.GetAttributeValue<DateTime?>(PhoneCall.ActualStart));
        }).Order(StringComparer.Ordinal).ToList();
    }
}
