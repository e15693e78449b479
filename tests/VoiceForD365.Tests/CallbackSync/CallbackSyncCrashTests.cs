using VoiceForD365.Core.Schema;
using VoiceForD365.Emulator;
using VoiceForD365.Tests.PhoneCalls;
using Xunit;
using Xunit.Abstractions;

namespace VoiceForD365.Tests.CallbackSync;

/// <summary>
/// The worker dies after every step of a callback sync run (each Enreach request, each Dataverse request: carried out,
/// its answer lost), is started again and runs to the end: every request logged once and closed, none logged twice.
/// </summary>
public sealed class CallbackSyncCrashTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task WorkerDyingAfterEveryStep_Should_LoseNoRequestAndLogNoneTwice(int perBatch)
    {
        var clock = new TestClock(SyncRig.Morning);
        await using var emulator = await EnreachEmulator.StartAsync(new EnreachEmulatorOptions { Clock = clock });
        var enreach = SyncRig.ClientOf(emulator);
        var support = emulator.Callbacks.AddList("Support callbacks");
        var sales = emulator.Callbacks.AddList("Sales callbacks");
        var requests = new List<EnreachEmulatorCallbackRequest>();
        var sequence = 0;
        void Request(Guid list, string number) => requests.Add(new EnreachEmulatorCallbackRequest
        {
            Id = new Guid(++sequence, 0, 0x4000, [0x80, 0, 0, 0, 0, 0, 0, 2]), ListId = list, ContactNumber = number, Created = SyncRig.Morning.AddMinutes(-10 + sequence), Note = "note " + sequence,
        });
        Request(support.Id, SyncRig.Customer);
        Request(support.Id, "+358 9 555 0100");
        Request(sales.Id, SyncRig.Customer);

        var steps = 0;
        var crashes = 0;
        for (var step = 1; steps == 0 || step <= steps; step++)
        {
            emulator.Callbacks.Clear();
            emulator.Callbacks.AddList(support.Name, support.Id);
            emulator.Callbacks.AddList(sales.Name, sales.Id);
            foreach (var request in requests) emulator.Callbacks.Add(request);
            var rig = CallbackSyncRig.On(emulator, clock, enreach);
            rig.Rig.Contact("Maija", SyncRig.Customer);
            var queue = rig.Queue("Callbacks");
            rig.Profile("Support", support.Id, queue);
            rig.Profile("Sales", sales.Id, queue);

            if (steps == 0)
            {
                // The run nobody stops: how many steps it takes.
                var counter = new CrashSwitch();
                var clean = rig.Run(new SteppedService(rig.Service, counter), new SteppedEnreach(enreach, counter), maxOperations: perBatch);
                Assert.True(clean.Succeeded, clean.ToString());
                steps = counter.Steps;
                step = 0;
                continue;
            }

            var crash = new CrashSwitch { CrashAt = step };
            rig.Run(new SteppedService(rig.Service, crash), new SteppedEnreach(enreach, crash), maxOperations: perBatch);
            Assert.True(crash.Crashed, "step " + step);
            crashes++;
            // Restarted with the same worker id: it takes its lease back at once.
            clock.Advance(TimeSpan.FromMinutes(1));
            var last = rig.Run(maxOperations: perBatch);
            clock.Advance(TimeSpan.FromMinutes(-1));

            Assert.True(last.Succeeded, "crash after step " + step + ": " + last);
            var logged = rig.Callbacks().Select(c => c.GetAttributeValue<string>(PhoneCall.CallbackRequestId)).OrderBy(id => id).ToList();
            Assert.Equal(requests.Select(r => r.Id.ToString("D")).OrderBy(id => id), logged);
            Assert.All(requests, r => Assert.True(rig.IsClosed(r), "crash after step " + step + ": request " + r.Id + " is not closed"));
        }
        output.WriteLine("{0} steps, {1} crashes", steps, crashes);
        Assert.True(crashes >= 10, crashes + " crashes");
    }
}
