using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using VoiceForD365.Core.Schema;
using VoiceForD365.Core.Settings;
using VoiceForD365.LocalOrg;
using VoiceForD365.LocalOrg.Samples;
using VoiceForD365.Workflows;

namespace VoiceForD365.Tests.Callbacks;

/// <summary>
/// A local organization with the Workflows assembly registered (so the solution's process is imported and activated),
/// and builders for application users, users, teams, queues, callback profiles, settings and phone calls.
/// </summary>
public sealed class CallbackOrg
{
    public CallbackOrg(bool runAsyncJobsAutomatically = true)
    {
        Org = new LocalOrganization(new LocalOrganizationOptions
        {
            WorkflowAssemblies = [WorkflowAssembly],
            RunAsyncJobsAutomatically = runAsyncJobsAutomatically,
        });
    }

    public static System.Reflection.Assembly WorkflowAssembly => typeof(WorkflowActivityBase).Assembly;

    public LocalOrganization Org { get; }

    public IOrganizationService Service => Org.Service;

    public OrganizationBuilder Builder => Org.Builder;

    /// <summary>An application user (applicationid set) holding the Voice ApiUser role, directly or through a team.</summary>
    public Guid ApiUser(string name = "Voice API", bool disabled = false, bool throughTeam = false)
    {
        var user = Builder.CreateUser(
            new Entity(SystemUser.EntityName) { [SystemUser.FullName] = name, [SystemUser.ApplicationId] = Guid.NewGuid(), [SystemUser.IsDisabled] = disabled },
            throughTeam ? [] : [Role.VoiceApiUser]);
        if (throughTeam) Builder.AddToTeam(Builder.CreateTeam(name + " team", Role.VoiceApiUser), user);
        return user.Id;
    }

    public Guid User(string name, bool disabled = false) =>
        Builder.CreateUser(new Entity(SystemUser.EntityName) { [SystemUser.FullName] = name, [SystemUser.InternalEmailAddress] = name.ToLowerInvariant().Replace(' ', '.') + "@contoso.test", [SystemUser.IsDisabled] = disabled }).Id;

    public void GiveRole(Guid userId, string role) => Builder.AssignRoles(UserRef(userId), role);

    public Guid Team(string name) => Builder.CreateTeam(name).Id;

    public Guid Queue(string name, EntityReference? owner = null)
    {
        var queue = new Entity(Core.Schema.Queue.EntityName) { [Core.Schema.Queue.Name] = name };
        if (owner != null) queue[Core.Schema.Queue.OwnerId] = owner;
        return Service.Create(queue);
    }

    public Guid Profile(string name, Guid? queue, int? rule, int? unit = AgeTimeUnit.Minutes, int? age = 10, string? subject = null, bool active = true)
    {
        var id = Service.Create(new Entity(CallbackProfile.EntityName)
        {
            [CallbackProfile.Name] = name,
            [CallbackProfile.CallbackListId] = "list-" + name.ToLowerInvariant().Replace(' ', '-'),
            [CallbackProfile.QueueId] = queue is { } q ? new EntityReference(Core.Schema.Queue.EntityName, q) : null,
            [CallbackProfile.OwnershipRule] = rule is { } r ? new OptionSetValue(r) : null,
            [CallbackProfile.AgeTimeUnit] = unit is { } u ? new OptionSetValue(u) : null,
            [CallbackProfile.CallbackAge] = age,
            [CallbackProfile.PhoneCallSubject] = subject,
        });
        if (!active) Service.Update(new Entity(CallbackProfile.EntityName, id) { [CallbackProfile.StateCode] = new OptionSetValue(1), [CallbackProfile.StatusCode] = new OptionSetValue(2) });
        return id;
    }

    public void Setting(string name, string? value, bool active = true)
    {
        var id = Service.Create(new Entity(VoiceSetting.EntityName) { [VoiceSetting.Name] = name, [VoiceSetting.GroupName] = SettingGroups.CallbackSync, [VoiceSetting.Value] = value });
        if (!active) Service.Update(new Entity(VoiceSetting.EntityName, id) { ["statecode"] = new OptionSetValue(1), ["statuscode"] = new OptionSetValue(2) });
    }

    /// <summary>Creates a callback phone call, as the callback sync does (as the administrator here).</summary>
    public Guid PhoneCall(Guid? profile, string subject = "+358 40 123 4567")
    {
        var call = new Entity(Core.Schema.PhoneCall.EntityName)
        {
            [Core.Schema.PhoneCall.Subject] = subject,
            [Core.Schema.PhoneCall.PhoneNumber] = "+358401234567",
            [Core.Schema.PhoneCall.CallType] = new OptionSetValue(CallType.Callback),
        };
        if (profile is { } p) call[Core.Schema.PhoneCall.CallbackProfileId] = new EntityReference(CallbackProfile.EntityName, p);
        return Service.Create(call);
    }

    public Entity Call(Guid id) => Service.Retrieve(Core.Schema.PhoneCall.EntityName, id, new ColumnSet(true));

    public EntityReference? OwnerOf(Guid call) => Call(call).GetAttributeValue<EntityReference>(Core.Schema.PhoneCall.OwnerId);

    public string? SubjectOf(Guid call) => Call(call).GetAttributeValue<string>(Core.Schema.PhoneCall.Subject);

    /// <summary>The queues the phone call is in (its queue items).</summary>
    public IReadOnlyList<Guid> QueuesOf(Guid call)
    {
        var query = new QueryExpression(QueueItem.EntityName) { ColumnSet = new ColumnSet(QueueItem.QueueId) };
        query.Criteria.AddCondition(QueueItem.ObjectId, ConditionOperator.Equal, call);
        return Service.RetrieveMultiple(query).Entities.Select(e => e.GetAttributeValue<EntityReference>(QueueItem.QueueId).Id).ToList();
    }

    public static EntityReference UserRef(Guid id) => new(SystemUser.EntityName, id);

    public static EntityReference TeamRef(Guid id) => new(Core.Schema.Team.EntityName, id);

    public static EntityReference ProfileRef(Guid id) => new(CallbackProfile.EntityName, id);

    public static EntityReference CallRef(Guid id) => new(Core.Schema.PhoneCall.EntityName, id);

    /// <summary>Every trace line and system job message: what an administrator could read.</summary>
    public string AllText() => string.Join("\n", Org.Traces.Select(t => t.Text).Concat(Org.SystemJobs.Select(j => j.Message ?? "")));
}
