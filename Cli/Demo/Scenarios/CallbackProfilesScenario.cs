using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using VoiceForD365.Core.Callbacks;
using VoiceForD365.Core.Schema;
using VoiceForD365.Core.Settings;
using VoiceForD365.Emulator;
using VoiceForD365.SyncWorker;
using VoiceForD365.LocalOrg;
using VoiceForD365.Solution;
using VoiceForD365.Workflows.Callbacks;

namespace VoiceForD365.Cli.Demo.Scenarios;

/// <summary>
/// SPEC C3 and C6: the custom workflow activities and the shipped background process. Enreach's callback lists read
/// through the Callback List virtual table; one callback profile per ownership rule (API User; Owner of Queue with a
/// user-owned queue; Owner of Queue with a team-owned queue), each with its list picked by name; a callback request on
/// each list synced by the callback sync and closed in Enreach, and where each phone call ended up: owner, subject and queue.
/// </summary>
public sealed class CallbackProfilesScenario : IDemoScenario
{
    private const string DefaultSubject = "Callback request from the web";

    public string Name => "callbacks";

    public string Title => "Callback profiles and ownership rules";

    public string Summary => "callback profiles with Enreach lists picked by name; where each ownership rule puts a callback phone call";

    public int Order => 70;

    public IReadOnlyList<Type> Requires => [typeof(EnreachEmulatorScenario), typeof(SampleDataScenario)];

    public string ReadMore => "Callback profiles and ownership rules (SPEC C3)";

    public void Run(DemoContext context)
    {
        var org = context.Organization;
        var service = org.Service;
        var output = context.Output;
        var detail = context.Detail;
        var sample = context.Sample;
        var aino = sample.Users[0];

        // What importing the solution with the Workflows assembly does: the activities and the activated process.
        org.RegisterWorkflowAssembly(typeof(ApplyCallbackProfile).Assembly);
        detail.WriteLine("  Custom workflow activities (assembly VoiceForD365.Workflows):");
        foreach (var activity in org.WorkflowActivities.OrderBy(a => a.Name))
            detail.WriteLine($"    {activity.Group} > {activity.Name}: inputs {Names(activity.Inputs)}; outputs {Names(activity.Outputs)}");
        var process = SolutionProcesses.ApplyCallbackProfileOnCreate;
        detail.WriteLine($"  Process \"{process.Name}\" ({process.UniqueName}, id {process.Id}): background, on create of {process.PrimaryEntity}");
        detail.WriteLine($"    when {PhoneCall.CallbackProfileId} contains data; step {string.Join(", ", process.Steps.Select(s => s.Name))}; {(org.Processes.Any(p => p.Definition.UniqueName == process.UniqueName) ? "activated" : "NOT activated")}");

        var apiUser = DemoApiUser.FindOrCreate(org);
        detail.WriteLine($"  Application user {apiUser.Name} holds the {Role.VoiceApiUser} role (the API User rule's owner).");
        SetDefaultSubject(service);
        detail.WriteLine($"  Setting {SettingNames.CallbackRequestDefaultSubject} = \"{DefaultSubject}\"");
        context.Brief.WriteLine($"  Process \"{process.Name}\": background, on create of a {process.PrimaryEntity} with a callback profile; {(org.Processes.Any(p => p.Definition.UniqueName == process.UniqueName) ? "activated" : "NOT activated")}. " +
            $"Application user {apiUser.Name} holds the {Role.VoiceApiUser} role; setting {SettingNames.CallbackRequestDefaultSubject} = \"{DefaultSubject}\"");

        var lists = ShowCallbackLists(context);

        var webQueue = Queue(service, "Web callbacks", owner: null);
        var ainosQueue = Queue(service, "Aino's callbacks", aino);
        var deskQueue = Queue(service, "Service Desk callbacks", sample.ServiceDeskTeam);
        var profiles = new[]
        {
            Profile(service, "Web callbacks", "Web callbacks", webQueue, OwnershipRule.ApiUser, AgeTimeUnit.Minutes, 10, subject: null),
            Profile(service, "Aino's customers", "Aino's customers", ainosQueue, OwnershipRule.OwnerOfQueue, AgeTimeUnit.Hours, 2, subject: "Call back: Aino's customer"),
            Profile(service, "Service Desk", "Service Desk", deskQueue, OwnershipRule.OwnerOfQueue, AgeTimeUnit.Days, 1, subject: null),
        };
        var now = DateTime.UtcNow;
        context.Brief.WriteLine($"  Enreach's callback lists, read through the Callback List virtual table: {string.Join(", ", lists)}. Callback profiles, each with its list picked by name: {string.Join("; ", profiles.Select(p => $"{p.Name} (list {ListOf(service, p.Id)}): {Label(p.Rule)}" + (p.Rule == OwnershipRule.ApiUser ? "" : $" ({p.QueueOwner})")))}");
        detail.WriteLine();
        detail.WriteLine("  Callback profiles:");
        TextTable.Write(detail, ["profile", "callback list (id and name kept as text)", "ownership rule", "queue (owner)", "subject", "callback requests fetched now"],
            profiles.Select(p => (IReadOnlyList<string>)
            [
                p.Name, ListOf(service, p.Id), Label(p.Rule), $"{p.Queue.Name} ({p.QueueOwner})", p.Subject ?? "(the setting)", Window(CallbackProfileSettings.Load(service, p.Id), now),
            ]), "    ");

        // A caller on each list asks to be called back; the callback sync, as the worker runs it (the application user,
        // the Enreach settings from the environment variables), logs each request and closes it; the process does the rest.
        var enreach = context.Enreach;
        var contacts = sample.Contacts;
        var requests = profiles.Select((p, i) => new EnreachEmulatorCallbackRequest
        {
            Id = new Guid($"d0000000-0000-4000-a000-00000000000{i + 1}"),
            ListId = ListIdOf(service, p.Id),
            ContactNumber = service.Retrieve(Contact.EntityName, contacts[i % contacts.Count].Id, new ColumnSet(Contact.Telephone1)).GetAttributeValue<string>(Contact.Telephone1),
            Created = enreach.UtcNow.AddMinutes(-1 - i),
            Note = "Please call me back",
        }).ToList();
        foreach (var request in requests) enreach.Callbacks.Add(request);
        var jobsBefore = org.SystemJobs.Count;
        using var metrics = new SyncMetrics();
        using var worker = new OrganizationSync(org.OrganizationName, new Uri("http://localhost/" + org.OrganizationName + "/"), org.ServiceAs(apiUser.Id), () => org.Requests.Total,
            new SyncWorkerOptions { WorkerId = "vfd-demo" }, metrics, time: new PhoneCallSyncScenario.FixedTime(enreach.UtcNow));
        var summary = worker.RunCallbacksAsync().GetAwaiter().GetResult();
        if (!summary.Succeeded) throw new InvalidOperationException($"The callback sync did not succeed: {summary.Status}. {summary.Message}");
        var calls = requests.Select(r => summary.Decisions.Single(d => d.RequestId == r.Id).PhoneCallId!.Value).ToList();
        var noProfile = org.ServiceAs(apiUser.Id).Create(new Entity(PhoneCall.EntityName) { [PhoneCall.Subject] = "Outgoing call", [PhoneCall.PhoneNumber] = "+358 40 555 0199" });

        detail.WriteLine();
        output.WriteLine($"  A callback request on each list, synced by the callback sync (as {apiUser.Name}: {DemoRunner.Plural(summary.Created, "phone call")} logged, " +
                         $"{summary.Closed} closed in Enreach), and where the process put each phone call:");
        var jobs = org.SystemJobs.Skip(jobsBefore).ToList();
        TextTable.Write(output, ["profile", "owner", "subject", "queue", "system job", "in Enreach"],
            profiles.Zip(calls, requests).Select(x => (IReadOnlyList<string>)
            [
                x.First.Name, OwnerOf(service, x.Second), SubjectOf(service, x.Second), QueueOf(service, x.Second),
                jobs.FirstOrDefault(j => j.PrimaryEntityId == x.Second) is { } job ? (job.Succeeded ? "succeeded" : "failed: " + job.Message) : "none",
                enreach.Callbacks.Find(x.Third.Id)!.Status,
            ]).Append(
            [
                "(none)", OwnerOf(service, noProfile), SubjectOf(service, noProfile), QueueOf(service, noProfile),
                jobs.Any(j => j.PrimaryEntityId == noProfile) ? "started" : "none (no callback profile)", "-",
            ]), "    ");
        foreach (var decision in summary.Decisions) detail.WriteLine("    " + decision);

        var resolved = org.RunWorkflowActivity<ResolveCallbackOwner>(new Dictionary<string, object?> { ["CallbackProfile"] = new EntityReference(CallbackProfile.EntityName, profiles[2].Id) });
        detail.WriteLine();
        detail.WriteLine($"  Resolve Callback Owner (for admins' own processes) on \"{profiles[2].Name}\": OwnerUser {Show(resolved["OwnerUser"])}, OwnerTeam {Show(resolved["OwnerTeam"])}, OwnerIsTeam {resolved["OwnerIsTeam"]}");
        var placed = calls.Count(call => jobs.Any(j => j.PrimaryEntityId == call && j.Succeeded));
        context.Conclude($"{placed} of {DemoRunner.Plural(calls.Count, "phone call")} with a profile owned, titled and queued by its rule; the one without a profile left alone");
    }

    /// <summary>
    /// Enreach's callback lists as an administrator sees them in the Configurator (Callback Lists): a RetrieveMultiple
    /// on the virtual table, answered by the data provider's plug-ins from the emulator.
    /// </summary>
    private static IReadOnlyList<string> ShowCallbackLists(DemoContext context)
    {
        foreach (var (name, id, description) in DemoEnreach.CallbackLists) context.Enreach.Callbacks.AddList(name, id, description);
        var query = new QueryExpression(CallbackList.EntityName) { ColumnSet = new ColumnSet(CallbackList.Name, CallbackList.Description) };
        query.AddOrder(CallbackList.Name, OrderType.Ascending);
        var lists = context.Organization.Service.RetrieveMultiple(query).Entities;
        context.Detail.WriteLine();
        context.Detail.WriteLine("  Callback lists in Enreach (RetrieveMultiple on the virtual table vfd_callbacklist, answered by its data provider from GET /callbacklists):");
        TextTable.Write(context.Detail, ["list", "Enreach id", "description"],
            lists.Select(l => (IReadOnlyList<string>)[l.GetAttributeValue<string>(CallbackList.Name), l.Id.ToString(), l.GetAttributeValue<string>(CallbackList.Description) ?? ""]), "    ");
        return lists.Select(l => l.GetAttributeValue<string>(CallbackList.Name)).ToList();
    }

    /// <summary>The list whose name is <paramref name="name"/>, found as the profile form's lookup finds it as the administrator types.</summary>
    private static EntityReference PickList(IOrganizationService service, string name)
    {
        var query = new QueryExpression(CallbackList.EntityName) { ColumnSet = new ColumnSet(CallbackList.Name) };
        query.Criteria.AddCondition(CallbackList.Name, ConditionOperator.BeginsWith, name);
        var list = service.RetrieveMultiple(query).Entities.Single(l => l.GetAttributeValue<string>(CallbackList.Name) == name);
        return new EntityReference(CallbackList.EntityName, list.Id) { Name = name };
    }

    private static Guid ListIdOf(IOrganizationService service, Guid profile) =>
        CallbackListIds.Of(service.Retrieve(CallbackProfile.EntityName, profile, new ColumnSet(CallbackListIds.Columns)))!.Value;

    /// <summary>"Web callbacks (c0000000-…-000000000001)": the profile's Callback List Id and Name, which the profile plug-in wrote from the lookup.</summary>
    private static string ListOf(IOrganizationService service, Guid profile)
    {
        var row = service.Retrieve(CallbackProfile.EntityName, profile, new ColumnSet(CallbackProfile.CallbackListId, CallbackProfile.CallbackListName));
        return $"{row.GetAttributeValue<string>(CallbackProfile.CallbackListName)} ({row.GetAttributeValue<string>(CallbackProfile.CallbackListId)})";
    }

    private static string Names(IEnumerable<LocalOrg.Workflows.WorkflowArgumentRegistration> arguments) =>
        string.Join(", ", arguments.Select(a => a.Name + (a.ReferenceTarget is { } t ? $" ({t})" : "") + (a.IsRequired ? " required" : "")));

    private static string Window(CallbackProfileSettings profile, DateTime now)
    {
        var window = profile.TimeWindow(now);
        var unit = profile.AgeUnit.ToString().ToLowerInvariant();
        return $"last {profile.Age} {(profile.Age == 1 ? unit.TrimEnd('s') : unit)}: since {window.Start:yyyy-MM-dd HH:mm} UTC";
    }

    private static string Label(int rule) => CallbackProfileSettings.Label((CallbackOwnershipRule)rule);

    private static string Show(object? value) => value is EntityReference r ? $"{r.Name ?? r.LogicalName} ({r.LogicalName})" : "(empty)";

    private static void SetDefaultSubject(IOrganizationService service)
    {
        var query = new QueryExpression(VoiceSetting.EntityName) { ColumnSet = new ColumnSet(false), TopCount = 1 };
        query.Criteria.AddCondition(VoiceSetting.Name, ConditionOperator.Equal, SettingNames.CallbackRequestDefaultSubject);
        var setting = new Entity(VoiceSetting.EntityName) { [VoiceSetting.Value] = DefaultSubject };
        if (service.RetrieveMultiple(query).Entities.FirstOrDefault() is { } existing)
        {
            setting.Id = existing.Id;
            service.Update(setting);
            return;
        }
        setting[VoiceSetting.Name] = SettingNames.CallbackRequestDefaultSubject;
        setting[VoiceSetting.GroupName] = SettingGroups.CallbackSync;
        service.Create(setting);
    }

    private static EntityReference Queue(IOrganizationService service, string name, EntityReference? owner)
    {
        var queue = new Entity(Core.Schema.Queue.EntityName) { [Core.Schema.Queue.Name] = name };
        if (owner != null) queue[Core.Schema.Queue.OwnerId] = new EntityReference(owner.LogicalName, owner.Id);
        return new EntityReference(Core.Schema.Queue.EntityName, service.Create(queue)) { Name = name };
    }

    private static DemoProfile Profile(IOrganizationService service, string name, string list, EntityReference queue, int rule, int unit, int age, string? subject)
    {
        var id = service.Create(new Entity(CallbackProfile.EntityName)
        {
            [CallbackProfile.Name] = name,
            // Picked by name, as in the profile form's Callback List lookup; the profile plug-in writes its id and name as text.
            [CallbackProfile.CallbackList] = PickList(service, list),
            [CallbackProfile.QueueId] = new EntityReference(queue.LogicalName, queue.Id),
            [CallbackProfile.OwnershipRule] = new OptionSetValue(rule),
            [CallbackProfile.AgeTimeUnit] = new OptionSetValue(unit),
            [CallbackProfile.CallbackAge] = age,
            [CallbackProfile.PhoneCallSubject] = subject,
        });
        var owner = service.Retrieve(Core.Schema.Queue.EntityName, queue.Id, new ColumnSet(Core.Schema.Queue.OwnerId)).GetAttributeValue<EntityReference>(Core.Schema.Queue.OwnerId);
        return new DemoProfile(id, name, queue, rule, subject, NameOf(service, owner));
    }

    private static string OwnerOf(IOrganizationService service, Guid call) =>
        NameOf(service, service.Retrieve(PhoneCall.EntityName, call, new ColumnSet(PhoneCall.OwnerId)).GetAttributeValue<EntityReference>(PhoneCall.OwnerId));

    private static string SubjectOf(IOrganizationService service, Guid call) =>
        service.Retrieve(PhoneCall.EntityName, call, new ColumnSet(PhoneCall.Subject)).GetAttributeValue<string>(PhoneCall.Subject) ?? "";

    private static string QueueOf(IOrganizationService service, Guid call)
    {
        var query = new QueryExpression(QueueItem.EntityName) { ColumnSet = new ColumnSet(QueueItem.QueueId) };
        query.Criteria.AddCondition(QueueItem.ObjectId, ConditionOperator.Equal, call);
        var queues = service.RetrieveMultiple(query).Entities.Select(e => e.GetAttributeValue<EntityReference>(QueueItem.QueueId)).ToList();
        return queues.Count == 0 ? "(none)" : string.Join(", ", queues.Select(q => service.Retrieve(Core.Schema.Queue.EntityName, q.Id, new ColumnSet(Core.Schema.Queue.Name)).GetAttributeValue<string>(Core.Schema.Queue.Name)));
    }

    /// <summary>"Aino Virtanen (user)" or "Service Desk (team)".</summary>
    private static string NameOf(IOrganizationService service, EntityReference? owner)
    {
        if (owner == null) return "(none)";
        var isTeam = owner.LogicalName == Team.EntityName;
        var row = service.Retrieve(owner.LogicalName, owner.Id, new ColumnSet(isTeam ? Team.Name : SystemUser.FullName));
        return $"{row.GetAttributeValue<string>(isTeam ? Team.Name : SystemUser.FullName)} ({(isTeam ? "team" : "user")})";
    }

    private sealed record DemoProfile(Guid Id, string Name, EntityReference Queue, int Rule, string? Subject, string QueueOwner);
}
