using Microsoft.Xrm.Sdk;
using VoiceForD365.Core.Schema;
using VoiceForD365.LocalOrg;
using Xunit;

namespace VoiceForD365.Tests.LocalOrg;

/// <summary>What a host reads while requests run on other threads (the demo's measurements, a worker's health page).</summary>
public class ConcurrentReadTests
{
    private const int Accounts = 1_500;

    [Fact]
    public void ReadingTracesJobsAndCountsWhileRequestsRun_Should_SeeConsistentSnapshots()
    {
        // Each create traces from a synchronous step and from the background job it queues.
        var org = new LocalOrganization(new LocalOrganizationOptions { PluginTypes = [typeof(ChattyPlugin)] });
        var failures = new List<Exception>();
        var reads = 0;
        using var done = new ManualResetEventSlim();
        var reader = new Thread(() =>
        {
            while (!done.IsSet)
            {
                try
                {
                    // Enumerating a list another thread appends to throws, or meets nulls in the middle of a resize.
                    var text = 0;
                    foreach (var trace in org.Traces) text += trace.Text.Length;
                    foreach (var job in org.SystemJobs) text += job.Step.Length;
                    foreach (var (message, count) in org.Requests.ByMessage) text += message.Length * count;
                    reads++;
                }
                catch (Exception e)
                {
                    failures.Add(e);
                    if (failures.Count >= 10) return;
                }
            }
        });
        reader.Start();

        for (var i = 0; i < Accounts; i++) org.Service.Create(new Entity(Account.EntityName) { [Account.Name] = "Account " + i });
        done.Set();
        reader.Join();

        Assert.Empty(failures.Select(f => f.GetType().Name + ": " + f.Message));
        Assert.True(reads > 0);
        Assert.Equal(2 * ChattyPlugin.LinesPerStep * Accounts, org.Traces.Count);
        Assert.Equal(Accounts, org.SystemJobs.Count);
        Assert.Equal(Accounts, org.Requests.Of(MessageNames.Create));
    }
}
