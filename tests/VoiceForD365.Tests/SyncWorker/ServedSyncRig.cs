using Microsoft.Xrm.Sdk;
using VoiceForD365.Core.Schema;
using VoiceForD365.Emulator;
using VoiceForD365.LocalOrg.Samples;
using VoiceForD365.LocalOrgServer;
using VoiceForD365.SyncWorker;
using VoiceForD365.Tests.PhoneCalls;

namespace VoiceForD365.Tests.SyncWorker;

/// <summary>
/// A <see cref="SyncRig"/> (the organization with the installed settings and its agents, the emulator, one clock) as the
/// worker meets it: served over the Dataverse Web API on loopback, its Enreach environment variables pointing at the
/// emulator, optionally with generated traffic of its agents and a customer.
/// </summary>
public sealed class ServedSyncRig : IAsyncDisposable
{
    private ServedSyncRig(SyncRig rig, LocalOrgServer.LocalOrgServer server)
    {
        Rig = rig;
        Server = server;
    }

    public SyncRig Rig { get; }

    public LocalOrgServer.LocalOrgServer Server { get; }

    public string Name => "org-" + Server.BaseUrl.Port;

    public SyncOrganizationOptions Organization => new() { Name = Name, ConnectionString = Server.ConnectionString };

    /// <summary>Traffic of the rig's agents (Anna, Bo) and its Support queue with its customer and unknown callers, from 3 hours before <see cref="SyncRig.Morning"/>.</summary>
    public static EnreachEmulatorTrafficOptions Traffic(int seed, double callsPerHour)
    {
        var traffic = new EnreachEmulatorTrafficOptions { Seed = seed, CallsPerHour = callsPerHour, Start = SyncRig.Morning.AddHours(-3) };
        traffic.Users.Add(new EnreachEmulatorTrafficUser(SyncRig.AnnaId, SyncRig.AnnaMobile));
        traffic.Users.Add(new EnreachEmulatorTrafficUser(SyncRig.BoId, SyncRig.BoMobile));
        traffic.Queues.Add(new EnreachEmulatorTrafficQueue(SyncRig.SupportQueueId, "Support", SyncRig.SupportNumber));
        traffic.CustomerNumbers.Add(SyncRig.Customer);
        return traffic;
    }

    public static async Task<ServedSyncRig> StartAsync(EnreachEmulatorTrafficOptions? traffic = null, TimeSpan? slow = null)
    {
        var rig = await SyncRig.StartAsync(traffic: traffic);
        EnvironmentVariableValues.SetEnreach(rig.Service, rig.Emulator.ApiUserName, rig.Emulator.ApiSecret, rig.Emulator.ApiEndpoint);
        rig.Set(Core.Settings.SettingNames.ProcessServiceCalls, "True");
        var server = await LocalOrgServer.LocalOrgServer.StartAsync(rig.Org);
        if (slow is { } delay) server.Faults.Slow(delay);
        return new ServedSyncRig(rig, server);
    }

    /// <summary>The $batch requests the organization has received (the sync's write batches).</summary>
    public int Batches => Server.Requests.Log.Count(r => r.Method == "POST" && r.PathAndQuery.Contains("$batch", StringComparison.Ordinal));

    /// <summary>The phone calls' keys (CallId/agent), as many as there are phone calls with one.</summary>
    public List<string> Keys() =>
        Rig.PhoneCalls().Where(p => p.Contains(PhoneCall.EnreachCallId))
            .Select(p => p.GetAttributeValue<string>(PhoneCall.EnreachCallId) + "/" + p.GetAttributeValue<string>(PhoneCall.EnreachAgentId)).ToList();

    /// <summary>The run records' statuses, oldest first.</summary>
    public List<int> RunStatuses() => Rig.Runs().Select(r => r.GetAttributeValue<OptionSetValue>(SyncRun.Status).Value).ToList();

    /// <summary>The run records' messages, oldest first (what an assertion on their statuses shows when it fails).</summary>
    public string RunMessages() => string.Join(" | ", Rig.Runs().Select(r => r.GetAttributeValue<string>(SyncRun.Message)));

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        await Rig.DisposeAsync();
    }
}
