using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using VoiceForD365.Core.Callbacks;
using VoiceForD365.Core.Enreach;
using VoiceForD365.Core.Schema;
using VoiceForD365.Emulator;
using VoiceForD365.Tests.PhoneCalls;
using Xunit;

namespace VoiceForD365.Tests.CallbackSync;

/// <summary>
/// The callback sync's world: the phone call sync's rig (settings, users, number keys, emulator, one clock) with the
/// shipped callback process, an application user holding the Voice ApiUser role, queues, profiles and the emulator's
/// callback lists and requests.
/// </summary>
public sealed class CallbackSyncRig : IAsyncDisposable
{
    private CallbackSyncRig(SyncRig rig)
    {
        Rig = rig;
        ApiApplicationUser = rig.Org.Builder.CreateUser(
            new Entity(SystemUser.EntityName) { [SystemUser.FullName] = "Voice Integration", [SystemUser.ApplicationId] = Guid.NewGuid() }, [Role.VoiceApiUser]);
    }

    public SyncRig Rig { get; }

    public IOrganizationService Service => Rig.Service;

    public EnreachEmulator Emulator => Rig.Emulator;

    public DateTime Now => Rig.Now;

    public EntityReference ApiApplicationUser { get; }

    public CallbackSyncCache Cache { get; } = new();

    public static async Task<CallbackSyncRig> StartAsync(DateTime? now = null)
    {
        var clock = new TestClock(now ?? SyncRig.Morning);
        var emulator = await EnreachEmulator.StartAsync(new EnreachEmulatorOptions { Clock = clock });
        return new CallbackSyncRig(SyncRig.On(emulator, clock, ownsEmulator: true, workflows: true));
    }

    /// <summary>A new organization beside the same emulator and clock (for crash tests: one per crash).</summary>
    public static CallbackSyncRig On(EnreachEmulator emulator, TestClock clock, EnreachClient enreach) => new(SyncRig.On(emulator, clock, enreach: enreach, workflows: true));

    public Guid Queue(string name, EntityReference? owner = null)
    {
        var queue = new Entity(Core.Schema.Queue.EntityName) { [Core.Schema.Queue.Name] = name };
        if (owner != null) queue[Core.Schema.Queue.OwnerId] = owner;
        return Service.Create(queue);
    }

    /// <summary>A profile on <paramref name="list"/> (the text list id, as profiles of the first version hold it).</summary>
    public Guid Profile(string name, Guid list, Guid queue, int rule = OwnershipRule.ApiUser, int unit = AgeTimeUnit.Hours, int age = 2, string? subject = null) =>
        Service.Create(new Entity(CallbackProfile.EntityName)
        {
            [CallbackProfile.Name] = name,
            [CallbackProfile.CallbackListId] = list.ToString("D"),
            [CallbackProfile.QueueId] = new EntityReference(Core.Schema.Queue.EntityName, queue),
            [CallbackProfile.OwnershipRule] = new OptionSetValue(rule),
            [CallbackProfile.AgeTimeUnit] = new OptionSetValue(unit),
            [CallbackProfile.CallbackAge] = age,
            [CallbackProfile.PhoneCallSubject] = subject,
        });

    public void Deactivate(Guid profile) =>
        Service.Update(new Entity(CallbackProfile.EntityName, profile) { [CallbackProfile.StateCode] = new OptionSetValue(1), [CallbackProfile.StatusCode] = new OptionSetValue(2) });

    /// <summary>A request on <paramref name="list"/>, made <paramref name="ago"/> before now.</summary>
    public EnreachEmulatorCallbackRequest Request(Guid list, TimeSpan ago, string? number = SyncRig.Customer, string? note = "Please call me about the invoice", Guid? voicemail = null)
    {
        var request = new EnreachEmulatorCallbackRequest
        {
            Id = Rig.Id(), ListId = list, ContactNumber = number, Created = Now - ago, Note = note, VoicemailRecordingId = voicemail,
        };
        Emulator.Callbacks.Add(request);
        return request;
    }

    public CallbackSyncOptions Options(string worker = "worker-1", int maxOperations = 1000) => new()
    {
        WorkerId = worker,
        Cache = Cache,
        UtcNow = () => Rig.Clock.UtcNow,
        MaxOperationsPerBatch = maxOperations,
        Trace = line => { lock (Rig.Traces) Rig.Traces.Add(line); },
    };

    public CallbackSyncSummary Run(IOrganizationService? service = null, IEnreachClient? enreach = null, string worker = "worker-1", int maxOperations = 1000) =>
        Core.Callbacks.CallbackSync.Run(service ?? Service, enreach ?? Rig.Enreach, Options(worker, maxOperations));

    /// <summary>The phone calls of the callback sync (those with a request id).</summary>
    public List<Entity> Callbacks()
    {
        var query = new QueryExpression(PhoneCall.EntityName) { ColumnSet = new ColumnSet(true) };
        query.Criteria.AddCondition(PhoneCall.CallbackRequestId, ConditionOperator.NotNull);
        return Service.RetrieveMultiple(query).Entities.ToList();
    }

    public Entity CallbackOf(EnreachEmulatorCallbackRequest request) =>
        Assert.Single(Callbacks(), c => c.GetAttributeValue<string>(PhoneCall.CallbackRequestId) == request.Id.ToString("D"));

    public bool IsClosed(EnreachEmulatorCallbackRequest request) => Emulator.Callbacks.Find(request.Id)!.Status == EnreachEmulatorCallbacks.Closed;

    public IReadOnlyList<Guid> QueuesOf(Guid call)
    {
        var query = new QueryExpression(QueueItem.EntityName) { ColumnSet = new ColumnSet(QueueItem.QueueId) };
        query.Criteria.AddCondition(QueueItem.ObjectId, ConditionOperator.Equal, call);
        return Service.RetrieveMultiple(query).Entities.Select(e => e.GetAttributeValue<EntityReference>(QueueItem.QueueId).Id).ToList();
    }

    public List<Entity> CallbackRuns()
    {
        var query = new QueryExpression(SyncRun.EntityName) { ColumnSet = new ColumnSet(true) };
        query.Criteria.AddCondition(SyncRun.Job, ConditionOperator.Equal, Core.Callbacks.CallbackSync.JobName);
        query.Orders.Add(new OrderExpression(SyncRun.Started, OrderType.Ascending));
        return Service.RetrieveMultiple(query).Entities.ToList();
    }

    public ValueTask DisposeAsync() => Rig.DisposeAsync();
}
