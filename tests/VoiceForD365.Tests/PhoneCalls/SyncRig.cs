using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using VoiceForD365.Core.Enreach;
using VoiceForD365.Core.PhoneCalls;
using VoiceForD365.Core.Schema;
using VoiceForD365.Core.Settings;
using VoiceForD365.Emulator;
using VoiceForD365.LocalOrg;
using VoiceForD365.Plugins.Numbers;
using VoiceForD365.Plugins.Settings;
using VoiceForD365.Tests.Enreach;

namespace VoiceForD365.Tests.PhoneCalls;

/// <summary>
/// The phone call sync's world in a test: a local organization with the settings the package installs, agents with
/// Enreach ids and mobile numbers and the fallback user; the Enreach emulator on loopback with its own clock; a client
/// on it; and one clock for all three. Calls are added to the emulator one by one (<see cref="Add"/>) or generated.
/// </summary>
public sealed class SyncRig : IAsyncDisposable
{
    /// <summary>Monday 2025-01-06 10:00 UTC: far from the nightly retro.</summary>
    public static readonly DateTime Morning = new(2025, 1, 6, 10, 0, 0, DateTimeKind.Utc);

    public static readonly Guid AnnaId = new("a0000000-0000-4000-8000-00000000000a");
    public static readonly Guid BoId = new("b0000000-0000-4000-8000-00000000000b");
    public static readonly Guid ApiUserEnreachId = new("f0000000-0000-4000-8000-00000000000f");
    public static readonly Guid SupportQueueId = new("c0000000-0000-4000-8000-00000000000c");
    public const string AnnaMobile = "+358501000001";
    public const string BoMobile = "+358501000002";
    public const string SupportNumber = "+358101000100";
    public const string Customer = "+358401234567";

    private int _sequence;

    private readonly bool _ownsEmulator;

    private SyncRig(TestClock clock, LocalOrganization org, EnreachEmulator emulator, EnreachClient enreach, bool ownsEmulator)
    {
        _ownsEmulator = ownsEmulator;
        Clock = clock;
        Org = org;
        Emulator = emulator;
        Enreach = enreach;
    }

    /// <summary>The product's Enreach client on the emulator; its waits between retries take no time.</summary>
    public static EnreachClient ClientOf(EnreachEmulator emulator) =>
        new(new EnreachSettings
        {
            ApiUserName = emulator.ApiUserName,
            ApiSecret = emulator.ApiSecret,
            EndpointOverride = emulator.ApiEndpoint,
            DiscoveryUrl = emulator.DiscoveryUrl,
            RequestTimeout = TimeSpan.FromSeconds(5),
            TotalBudget = TimeSpan.FromSeconds(20),
            MaxAttempts = 3,
            InitialBackoff = TimeSpan.FromSeconds(1),
        }, new SocketsHttpHandler(), null, new FakeClock());

    public TestClock Clock { get; }

    public DateTime Now => Clock.UtcNow;

    public LocalOrganization Org { get; }

    public IOrganizationService Service => Org.Service;

    public EnreachEmulator Emulator { get; }

    public EnreachClient Enreach { get; }

    public EntityReference Anna { get; private set; } = null!;

    public EntityReference Bo { get; private set; } = null!;

    /// <summary>The API user: its Enreach id is DefaultCrmAssignee, so it owns the calls of people who are not Dynamics users.</summary>
    public EntityReference ApiUser { get; private set; } = null!;

    public List<string> Traces { get; } = new();

    /// <summary>An organization with the installed settings and the three users, and an emulator, both at <paramref name="now"/>.</summary>
    public static async Task<SyncRig> StartAsync(DateTime? now = null, EnreachEmulatorTrafficOptions? traffic = null, bool settingValidation = true)
    {
        var clock = new TestClock(now ?? Morning);
        var emulator = await EnreachEmulator.StartAsync(new EnreachEmulatorOptions { Clock = clock, Traffic = traffic });
        return On(emulator, clock, settingValidation, ownsEmulator: true);
    }

    /// <summary>A new organization (settings and users) beside an emulator that runs on <paramref name="clock"/> and outlives the rig.</summary>
    /// <param name="workflows">With the Workflows assembly, so the shipped callback process applies profiles to new phone calls.</param>
    public static SyncRig On(EnreachEmulator emulator, TestClock clock, bool settingValidation = true, bool ownsEmulator = false, EnreachClient? enreach = null, bool workflows = false)
    {
        var org = new LocalOrganization(new LocalOrganizationOptions
        {
            PluginTypes = settingValidation ? [typeof(VoiceSettingValidation), typeof(NumberKeysOnPhoneChange)] : [typeof(NumberKeysOnPhoneChange)],
            UtcNow = () => clock.UtcNow,
            WorkflowAssemblies = workflows ? [Callbacks.CallbackOrg.WorkflowAssembly] : [],
        });
        var rig = new SyncRig(clock, org, emulator, enreach ?? ClientOf(emulator), ownsEmulator);
        rig.Seed();
        return rig;
    }

    private void Seed()
    {
        foreach (var setting in SettingCatalog.All)
        {
            Service.Create(new Entity(VoiceSetting.EntityName)
            {
                [VoiceSetting.Name] = setting.Name,
                [VoiceSetting.GroupName] = setting.Group,
                [VoiceSetting.Value] = setting.Name == SettingNames.DefaultCrmAssignee ? ApiUserEnreachId.ToString() : setting.DefaultValue.Length == 0 ? null : setting.DefaultValue,
            });
        }
        Anna = User("Anna Virtanen", AnnaId, AnnaMobile);
        Bo = User("Bo Lindqvist", BoId, BoMobile);
        ApiUser = User("Voice API", ApiUserEnreachId, null);
    }

    public EntityReference User(string name, Guid? enreachId, string? mobile, bool disabled = false)
    {
        var user = Org.Builder.CreateUser(new Entity(SystemUser.EntityName)
        {
            [SystemUser.FullName] = name,
            [SystemUser.InternalEmailAddress] = name.ToLowerInvariant().Replace(' ', '.') + "@contoso.test",
            [SystemUser.EnreachUserId] = EnreachUserIdColumn.Value(enreachId),
            [SystemUser.MobilePhone] = mobile,
            [SystemUser.IsDisabled] = disabled,
        });
        return new EntityReference(SystemUser.EntityName, user.Id) { Name = name };
    }

    /// <summary>A contact with a business phone (the number key plug-in sets its key).</summary>
    public EntityReference Contact(string name, string phone, string column = Core.Schema.Contact.Telephone1)
    {
        var id = Service.Create(new Entity(Core.Schema.Contact.EntityName) { [Core.Schema.Contact.FullName] = name, [Core.Schema.Contact.LastName] = name, [column] = phone });
        return new EntityReference(Core.Schema.Contact.EntityName, id) { Name = name };
    }

    public EntityReference Account(string name, string phone)
    {
        var id = Service.Create(new Entity(Core.Schema.Account.EntityName) { [Core.Schema.Account.Name] = name, [Core.Schema.Account.Telephone1] = phone });
        return new EntityReference(Core.Schema.Account.EntityName, id) { Name = name };
    }

    public EntityReference Lead(string name, string phone)
    {
        var id = Service.Create(new Entity(Core.Schema.Lead.EntityName) { [Core.Schema.Lead.FullName] = name, [Core.Schema.Lead.LastName] = name, [Core.Schema.Lead.MobilePhone] = phone });
        return new EntityReference(Core.Schema.Lead.EntityName, id) { Name = name };
    }

    /// <summary>Sets a PhoneCallSync setting's value (null: empty, the default applies).</summary>
    public void Set(string name, string? value)
    {
        var query = new QueryExpression(VoiceSetting.EntityName) { ColumnSet = new ColumnSet(false) };
        query.Criteria.AddCondition(VoiceSetting.Name, ConditionOperator.Equal, name);
        var row = Service.RetrieveMultiple(query).Entities.Single();
        Service.Update(new Entity(VoiceSetting.EntityName, row.Id) { [VoiceSetting.Value] = value });
    }

    public void Advance(TimeSpan time) => Clock.Advance(time);

    public PhoneCallSyncOptions Options(string worker = "worker-1", PhoneCallSyncMode mode = PhoneCallSyncMode.Scheduled, int maxOperations = PhoneCallSyncOptions.MaxBatchOperations) => new()
    {
        WorkerId = worker,
        Mode = mode,
        UtcNow = () => Clock.UtcNow,
        MaxOperationsPerBatch = maxOperations,
        Trace = line => { lock (Traces) Traces.Add(line); },
    };

    public PhoneCallSyncSummary Run(PhoneCallSyncMode mode = PhoneCallSyncMode.Scheduled, IOrganizationService? service = null, IEnreachClient? enreach = null, string worker = "worker-1") =>
        PhoneCallSync.Run(service ?? Service, enreach ?? Enreach, Options(worker, mode));

    /// <summary>An answered direct call of Anna's with a customer, as Enreach shows it <paramref name="delay"/> after it ended (10 s).</summary>
    public EnreachEmulatorCall Direct(Guid? user = null, bool outgoing = false, string other = Customer, int seconds = 125, DateTime? start = null,
        EnreachEmulatorClassification classification = EnreachEmulatorClassification.Work, bool answered = true, string? agentNumber = null, TimeSpan? delay = null)
    {
        var started = start ?? Now.AddMinutes(-5).AddSeconds(_sequence);
        var agentSide = agentNumber ?? "+35810" + (2000000 + _sequence);
        return Add(new EnreachEmulatorCall
        {
            Id = Id(),
            CallId = Id(),
            View = EnreachEmulatorCallView.User,
            UserId = user ?? AnnaId,
            Outgoing = outgoing,
            Answered = answered,
            ANum = outgoing ? agentSide : other,
            BNum = outgoing ? other : agentSide,
            StartTime = started,
            DurationSeconds = answered ? seconds : 0,
            Classification = classification,
            RecordingIds = [Id()],
            Modified = started.AddSeconds(seconds + 10) + (delay ?? TimeSpan.Zero),
        });
    }

    /// <summary>An agent's part of a queue call (CallId shared with the queue's view).</summary>
    public EnreachEmulatorCall Agent(Guid callId, Guid user, DateTime start, int seconds = 200, EnreachEmulatorClassification classification = EnreachEmulatorClassification.Work) =>
        Add(new EnreachEmulatorCall
        {
            Id = Id(),
            CallId = callId,
            View = EnreachEmulatorCallView.User,
            UserId = user,
            QueueId = SupportQueueId,
            QueueName = "Support",
            ANum = Customer,
            BNum = SupportNumber,
            StartTime = start,
            DurationSeconds = seconds,
            Classification = classification,
            Modified = start.AddSeconds(seconds + 10),
        });

    /// <summary>The queue's view of a call: answered by <paramref name="answeredBy"/>, or by nobody.</summary>
    public EnreachEmulatorCall Queue(Guid callId, DateTime start, Guid? answeredBy, int seconds = 230) =>
        Add(new EnreachEmulatorCall
        {
            Id = Id(),
            CallId = callId,
            View = EnreachEmulatorCallView.Queue,
            UserId = answeredBy,
            QueueId = SupportQueueId,
            QueueName = "Support",
            Answered = answeredBy != null,
            ANum = Customer,
            BNum = SupportNumber,
            StartTime = start,
            DurationSeconds = seconds,
            Classification = null,
            Modified = start.AddSeconds(seconds + 10),
        });

    /// <summary>
    /// A phone call as the agent's widget creates it when the agent answers: the agent's, the number as dialled
    /// locally, no Enreach key (with <paramref name="id"/>: the same in every organization of a test).
    /// </summary>
    public Guid WidgetCall(EntityReference agent, string number = "040 123 4567", DateTime? actualStart = null, Guid? id = null)
    {
        var call = new Entity(PhoneCall.EntityName, id ?? Guid.Empty)
        {
            [PhoneCall.Subject] = "Customer asked about the invoice",
            [PhoneCall.Description] = "Promised a credit note.",
            [PhoneCall.PhoneNumber] = number,
            [PhoneCall.OwnerId] = agent,
        };
        if (actualStart != null) call[PhoneCall.ActualStart] = actualStart.Value;
        return Service.Create(call);
    }

    public EnreachEmulatorCall Add(EnreachEmulatorCall call)
    {
        Emulator.Calls.Add(call);
        return call;
    }

    /// <summary>A GUID unique in the rig, readable in failures.</summary>
    public Guid Id() => new(Interlocked.Increment(ref _sequence), 0, 0x4000, [0x80, 0, 0, 0, 0, 0, 0, 1]);

    public List<Entity> PhoneCalls()
    {
        var query = new QueryExpression(PhoneCall.EntityName) { ColumnSet = new ColumnSet(true) };
        query.Orders.Add(new OrderExpression(PhoneCall.ActualStart, OrderType.Ascending));
        return Service.RetrieveMultiple(query).Entities.ToList();
    }

    public Entity PhoneCallOf(EnreachEmulatorCall call) =>
        PhoneCalls().Single(p => p.GetAttributeValue<string>(PhoneCall.EnreachCallId) == call.CallId.ToString("D") &&
                                 p.GetAttributeValue<string>(PhoneCall.EnreachAgentId) == (call.UserId ?? call.QueueId)!.Value.ToString("D"));

    public Entity State()
    {
        var query = new QueryExpression(SyncState.EntityName) { ColumnSet = new ColumnSet(true) };
        query.Criteria.AddCondition(SyncState.Name, ConditionOperator.Equal, PhoneCallSync.JobName);
        return Service.RetrieveMultiple(query).Entities.Single();
    }

    /// <summary>The phone call sync's run records (the callback sync's have their own job name).</summary>
    public List<Entity> Runs()
    {
        var query = new QueryExpression(SyncRun.EntityName) { ColumnSet = new ColumnSet(true) };
        query.Criteria.AddCondition(SyncRun.Job, ConditionOperator.Equal, PhoneCallSync.JobName);
        query.Orders.Add(new OrderExpression(SyncRun.Started, OrderType.Ascending));
        return Service.RetrieveMultiple(query).Entities.ToList();
    }

    public ValueTask DisposeAsync() => _ownsEmulator ? Emulator.DisposeAsync() : ValueTask.CompletedTask;
}
