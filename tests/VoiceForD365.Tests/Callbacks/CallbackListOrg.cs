using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using VoiceForD365.Core.Schema;
using VoiceForD365.Emulator;
using VoiceForD365.LocalOrg;
using VoiceForD365.LocalOrg.Samples;
using VoiceForD365.Plugins;

namespace VoiceForD365.Tests.Callbacks;

/// <summary>
/// A local organization with our plug-ins (the Callback List data provider among them) pointed at an Enreach emulator
/// of its own, seeded with callback lists; builders for callback profiles.
/// </summary>
public sealed class CallbackListOrg : IDisposable
{
    public static readonly Guid SupportId = new("c0000000-0000-4000-a000-000000000001");
    public static readonly Guid SalesId = new("c0000000-0000-4000-a000-000000000002");
    public static readonly Guid SuppliersId = new("c0000000-0000-4000-a000-000000000003");
    public static readonly Guid SupportQueueId = new("d0000000-0000-4000-a000-000000000001");

    /// <param name="withPlugins">False: an organization as the solution's first version left it, its plug-ins registered later (<see cref="LocalOrganization.RegisterPluginAssembly"/>).</param>
    public CallbackListOrg(bool withPlugins = true)
    {
        Enreach = EnreachEmulator.Start();
        Enreach.Callbacks.AddList("Support callbacks", SupportId, "Missed calls of the support queue", SupportQueueId, "Support");
        Enreach.Callbacks.AddList("Sales callbacks", SalesId);
        Enreach.Callbacks.AddList("Suppliers", SuppliersId, "Calls from suppliers");
        Org = new LocalOrganization(new LocalOrganizationOptions { PluginAssemblies = withPlugins ? [PluginAssembly] : [] });
        // A short time budget: an Enreach outage fails within seconds, after retries.
        EnvironmentVariableValues.SetEnreach(Org.Service, Enreach.ApiUserName, Enreach.ApiSecret, Enreach.ApiEndpoint, TimeSpan.FromSeconds(2));
    }

    public static System.Reflection.Assembly PluginAssembly => typeof(PluginBase).Assembly;

    public EnreachEmulator Enreach { get; }

    public LocalOrganization Org { get; }

    public IOrganizationService Service => Org.Service;

    public int ListRequests => Enreach.Requests.Count(EnreachEmulatorEndpoint.CallbackLists);

    public Guid Queue(string name) => Service.Create(new Entity(Core.Schema.Queue.EntityName) { [Core.Schema.Queue.Name] = name });

    /// <summary>A profile with everything but its list, which <paramref name="list"/> sets (the lookup, the text id, …).</summary>
    public Guid Profile(string name, params (string Column, object? Value)[] list)
    {
        var profile = new Entity(CallbackProfile.EntityName)
        {
            [CallbackProfile.Name] = name,
            [CallbackProfile.QueueId] = new EntityReference(Core.Schema.Queue.EntityName, Queue(name + " queue")),
            [CallbackProfile.AgeTimeUnit] = new OptionSetValue(AgeTimeUnit.Minutes),
            [CallbackProfile.CallbackAge] = 10,
            [CallbackProfile.OwnershipRule] = new OptionSetValue(OwnershipRule.ApiUser),
        };
        foreach (var (column, value) in list) profile[column] = value;
        return Service.Create(profile);
    }

    /// <summary>The profile's list as its three columns hold it: the lookup's id, the text id, the name.</summary>
    public (Guid? Lookup, string? Id, string? Name) ListOf(Guid profile)
    {
        var row = Service.Retrieve(CallbackProfile.EntityName, profile, new ColumnSet(CallbackProfile.CallbackList, CallbackProfile.CallbackListId, CallbackProfile.CallbackListName));
        return (row.GetAttributeValue<EntityReference>(CallbackProfile.CallbackList)?.Id, row.GetAttributeValue<string>(CallbackProfile.CallbackListId),
            row.GetAttributeValue<string>(CallbackProfile.CallbackListName));
    }

    public static EntityReference ListRef(Guid id) => new(CallbackList.EntityName, id);

    public void Dispose() => Enreach.Dispose();
}
