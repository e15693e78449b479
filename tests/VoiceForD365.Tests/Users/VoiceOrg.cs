using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using VoiceForD365.Core.Schema;
using VoiceForD365.Emulator;
using VoiceForD365.LocalOrg;
using VoiceForD365.LocalOrg.Samples;
using VoiceForD365.Plugins;

namespace VoiceForD365.Tests.Users;

/// <summary>A local organization with our plug-ins, configured to reach an Enreach emulator, and builders for users, roles and teams.</summary>
public sealed class VoiceOrg
{
    public VoiceOrg(EnreachEmulator enreach, TimeSpan? timeBudget = null)
    {
        Enreach = enreach;
        Org = new LocalOrganization(new LocalOrganizationOptions { PluginAssemblies = [typeof(PluginBase).Assembly] });
        EnvironmentVariableValues.SetEnreach(Service, enreach.ApiUserName, enreach.ApiSecret, enreach.ApiEndpoint, timeBudget);
    }

    public LocalOrganization Org { get; }

    public EnreachEmulator Enreach { get; }

    public IOrganizationService Service => Org.Service;

    public void SetVariable(string schemaName, string value) => EnvironmentVariableValues.Set(Service, schemaName, value);

    /// <summary>Creates the Voice for D365 setting (a vfd_voicesetting record) with the value.</summary>
    public void SetSetting(string name, string value) =>
        Service.Create(new Entity(VoiceSetting.EntityName)
        {
            [VoiceSetting.Name] = name,
            [VoiceSetting.GroupName] = Core.Settings.SettingCatalog.Find(name)!.Group,
            [VoiceSetting.Value] = value,
        });

    public OrganizationBuilder Builder => Org.Builder;

    public Guid User(string fullName, string? email, string? emailOverride = null, Guid? enreachUserId = null) =>
        CreateUser(fullName, email, emailOverride, enreachUserId);

    public Guid VoiceUser(string fullName, string? email, string? emailOverride = null) => CreateUser(fullName, email, emailOverride, null, Role.VoiceUser);

    public void GiveVoiceUserRole(Guid userId) => Builder.AssignRoles(new EntityReference(SystemUser.EntityName, userId), Role.VoiceUser);

    /// <summary>Gives the team the Voice User role (its members become Voice users).</summary>
    public void GiveVoiceUserRoleToTeam(Guid teamId) => Builder.AssignRoles(new EntityReference(Core.Schema.Team.EntityName, teamId), Role.VoiceUser);

    public Guid Team(string name, bool withVoiceUserRole) => Builder.CreateTeam(name, withVoiceUserRole ? [Role.VoiceUser] : []).Id;

    public void Join(Guid teamId, Guid userId) =>
        Builder.AddToTeam(new EntityReference(Core.Schema.Team.EntityName, teamId), new EntityReference(SystemUser.EntityName, userId));

    private Guid CreateUser(string fullName, string? email, string? emailOverride, Guid? enreachUserId, params string[] roles) =>
        Builder.CreateUser(new Entity(SystemUser.EntityName)
        {
            [SystemUser.FullName] = fullName,
            [SystemUser.InternalEmailAddress] = email,
            [SystemUser.EnreachUserEmail] = emailOverride,
            [SystemUser.EnreachUserId] = EnreachUserIdColumn.Value(enreachUserId),
        }, roles).Id;

    public Guid? EnreachIdOf(Guid userId) =>
        EnreachUserIdColumn.Read(Service.Retrieve(SystemUser.EntityName, userId, new ColumnSet(SystemUser.EnreachUserId)));

    /// <summary>What the Enreach User Id column holds, as text (whether or not it is a GUID).</summary>
    public string? RawEnreachIdOf(Guid userId) =>
        Service.Retrieve(SystemUser.EntityName, userId, new ColumnSet(SystemUser.EnreachUserId)).GetAttributeValue<string>(SystemUser.EnreachUserId);

    public OrganizationResponse UpdateAll() => Service.Execute(new OrganizationRequest("vfd_UpdateEnreachUserIds"));

    /// <summary>Everything a person could read after the run: traces, system job messages.</summary>
    public string AllText() =>
        string.Join("\n", Org.Traces.Select(t => t.Text).Concat(Org.SystemJobs.Select(j => j.Message ?? "")));
}
