using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using VoiceForD365.Cli.Demo;
using VoiceForD365.Core.Schema;
using VoiceForD365.Core.Settings;
using VoiceForD365.Emulator;
using VoiceForD365.LocalOrg;
using VoiceForD365.LocalOrg.Samples;
using VoiceForD365.LocalOrgServer;
using VoiceForD365.Solution.Package;
using VoiceForD365.Workflows;

namespace VoiceForD365.Cli.Serve;

/// <summary>
/// The organization `vfd serve` serves, set up as an administrator sets up a new one with the configuration guide:
/// the package installed (the solution, then its configuration data: the settings and the CIF channel providers), the
/// Enreach environment variables pointing at the emulator, an application user with Voice ApiUser whose Enreach User
/// Id is the emulator's API user, and DefaultCrmAssignee set to that id; then the demo's sample data, unless left out,
/// and the emulator's generated calls of the organization's users (<see cref="ServeOptions.CallsPerHour"/>), which
/// `vfd sync` logs.
/// So `vfd doctor` finds nothing wrong with it but the placeholder widget address, which the package ships as well.
/// Tests start one in process, change one thing and see the check that notices. Disposing it stops the server and the
/// emulator.
/// </summary>
public sealed class ServedOrganization : IDisposable
{
    /// <summary>The application user the Enreach sync signs in as (configuration guide 1.4).</summary>
    public const string ApplicationUserName = "Voice for D365 Sync";

    /// <summary>Its application (client) id: the app registration's, fixed here so that every run looks the same.</summary>
    public static readonly Guid ApplicationId = new("6f1c2b1e-0d5a-4c57-9a2e-5c0f3f6a7b02");

    private ServedOrganization(LocalOrganization organization, EnreachEmulator enreach, int configurationRecords, EntityReference applicationUser, SampleData? sample)
    {
        Organization = organization;
        Enreach = enreach;
        ConfigurationRecords = configurationRecords;
        ApplicationUser = applicationUser;
        Sample = sample;
    }

    public LocalOrganization Organization { get; }

    /// <summary>The Enreach the organization's environment variables point at.</summary>
    public EnreachEmulator Enreach { get; }

    /// <summary>The Web API over the organization.</summary>
    public LocalOrgServer.LocalOrgServer Server { get; private set; } = null!;

    /// <summary>Records the package's configuration data wrote (settings, channel providers, templates).</summary>
    public int ConfigurationRecords { get; }

    /// <summary>The application user holding Voice ApiUser; its Enreach User Id is DefaultCrmAssignee.</summary>
    public EntityReference ApplicationUser { get; }

    /// <summary>The sample data, unless <see cref="ServeOptions.SampleData"/> is off.</summary>
    public SampleData? Sample { get; }

    /// <summary>What the emulator generates (<see cref="ServeOptions.CallsPerHour"/>): calls of the organization's users with an Enreach id and of one Enreach user who is no Dynamics user; null: none.</summary>
    public EnreachEmulatorTrafficOptions? Traffic { get; private set; }

    /// <summary>Sets the organization up and starts the Enreach emulator and the Web API on 127.0.0.1.</summary>
    /// <exception cref="IOException">The port is taken.</exception>
    public static ServedOrganization Start(ServeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var organization = new LocalOrganization(new LocalOrganizationOptions
        {
            PluginAssemblies = [DemoOrganization.PluginAssembly],
            WorkflowAssemblies = [typeof(WorkflowActivityBase).Assembly],
        });
        var enreach = DemoEnreach.Start(options.EnreachClock);
        try
        {
            var service = organization.Service;
            var configuration = ConfigurationDataImport.Import(service, VoiceForD365Data.Tables());
            EnvironmentVariableValues.SetEnreach(service, enreach.ApiUserName, enreach.ApiSecret, enreach.ApiEndpoint);
            var applicationUser = CreateApplicationUser(organization, enreach);
            var sample = options.SampleData ? SampleData.Seed(service) : null;
            var served = new ServedOrganization(organization, enreach, configuration, applicationUser, sample);
            if (options.CallsPerHour > 0)
            {
                served.Traffic = DemoEnreach.Traffic(service, enreach.UtcNow.AddHours(-1), options.Seed, options.CallsPerHour);
                enreach.Calls.Traffic = new EnreachEmulatorTraffic(served.Traffic);
            }
            served.Server = LocalOrgServer.LocalOrgServer.Start(organization, new LocalOrgServerOptions { Port = options.Port, Token = options.Token });
            return served;
        }
        catch
        {
            enreach.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The application user with Voice ApiUser, and Voice User with the API user's email as its Enreach User Email, so the
    /// Enreach user id plug-in gives it the API user's Enreach id; that id becomes DefaultCrmAssignee, as the package's
    /// last page asks (the fallback owner is the API user).
    /// </summary>
    private static EntityReference CreateApplicationUser(LocalOrganization organization, EnreachEmulator enreach)
    {
        var service = organization.Service;
        var user = organization.Builder.CreateUser(new Entity(SystemUser.EntityName)
        {
            [SystemUser.FullName] = ApplicationUserName,
            [SystemUser.ApplicationId] = ApplicationId,
            [SystemUser.EnreachUserEmail] = enreach.ApiUserName,
        }, Role.VoiceApiUser, Role.VoiceUser);
        var enreachId = EnreachUserIdColumn.Read(service.Retrieve(SystemUser.EntityName, user.Id, new ColumnSet(SystemUser.EnreachUserId)))
            ?? throw new InvalidOperationException($"The Enreach user id plug-in gave {ApplicationUserName} no Enreach User Id: " +
                string.Join(" ", organization.SystemJobs.Where(j => !j.Succeeded).Select(j => j.Message)));
        var setting = SettingCatalog.Find(SettingNames.DefaultCrmAssignee)!;
        service.Update(new Entity(VoiceSetting.EntityName, setting.Id) { [VoiceSetting.Value] = EnreachUserIdColumn.Value(enreachId) });
        return user;
    }

    public void Dispose()
    {
        Server?.Dispose();
        Enreach.Dispose();
    }
}
