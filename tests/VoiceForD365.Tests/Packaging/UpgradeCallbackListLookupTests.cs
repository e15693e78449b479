using Microsoft.Xrm.Sdk;
using VoiceForD365.Core.Callbacks;
using VoiceForD365.Core.Schema;
using VoiceForD365.Tests.Callbacks;
using Xunit;

namespace VoiceForD365.Tests.Packaging;

/// <summary>
/// An upgrade from the first version, whose callback profiles hold their list only as the text Callback List Id: the
/// solution import registers the profile plug-in, then the package's import extension fills each profile's lookup.
/// </summary>
public sealed class UpgradeCallbackListLookupTests : IDisposable
{
    private static readonly Guid RemovedListId = new("c0000000-0000-4000-a000-0000000000ff");

    // An organization with the first version's data: profiles saved with no profile plug-in registered.
    private readonly CallbackListOrg _org = new(withPlugins: false);

    public void Dispose() => _org.Dispose();

    private IOrganizationService Service => _org.Service;

    private Guid FirstVersionProfile(string name, string listId) =>
        _org.Profile(name, (CallbackProfile.CallbackListId, listId), (CallbackProfile.CallbackListName, name + " (as typed)"));

    [Fact]
    public void ProfileOfTheFirstVersion_Should_BeSyncedFromItsTextIdUntilTheUpgrade()
    {
        var profile = FirstVersionProfile("Support", CallbackListOrg.SupportId.ToString("D"));

        Assert.Equal(CallbackListOrg.SupportId, CallbackProfileSettings.Load(Service, profile).CallbackListId);
        Assert.Equal((null, CallbackListOrg.SupportId.ToString("D"), "Support (as typed)"), _org.ListOf(profile));
    }

    [Fact]
    public void Upgrade_Should_GiveEachProfileTheLookupToItsListAndReportThoseItCannot()
    {
        var support = FirstVersionProfile("Support", CallbackListOrg.SupportId.ToString("D").ToUpperInvariant());
        var removed = FirstVersionProfile("Removed", RemovedListId.ToString("D"));
        var typo = FirstVersionProfile("Typo", "support list");
        var current = FirstVersionProfile("Sales", CallbackListOrg.SalesId.ToString("D"));
        Service.Update(new Entity(CallbackProfile.EntityName, current) { [CallbackProfile.CallbackList] = CallbackListOrg.ListRef(CallbackListOrg.SalesId) });

        _org.Org.RegisterPluginAssembly(CallbackListOrg.PluginAssembly);
        var report = CallbackListLookupUpgrade.Run(Service);

        Assert.Equal([$"'Support' ({support}): Support callbacks"], report.Filled);
        Assert.Equal((CallbackListOrg.SupportId, CallbackListOrg.SupportId.ToString("D"), "Support callbacks"), _org.ListOf(support));
        Assert.Collection(report.Failed,
            f => Assert.StartsWith($"Callback profile 'Removed' ({removed}) was not given the Callback List {RemovedListId:D} (Enreach has no callback list with the id {RemovedListId:D}", f),
            f => Assert.StartsWith($"Callback profile 'Typo' ({typo}) has the Callback List Id 'support list', which is no Enreach callback list id (a GUID), so it has no Callback List: pick its list by name", f));
        Assert.Equal((null, RemovedListId.ToString("D"), "Removed (as typed)"), _org.ListOf(removed));
        Assert.Equal((null, "support list", "Typo (as typed)"), _org.ListOf(typo));
        Assert.Equal((CallbackListOrg.SalesId, CallbackListOrg.SalesId.ToString("D"), "Sales (as typed)"), _org.ListOf(current));
    }

    [Fact]
    public void UpgradeRunTwice_Should_LeaveTheProfilesItFilledAlone()
    {
        var support = FirstVersionProfile("Support", CallbackListOrg.SupportId.ToString("D"));
        _org.Org.RegisterPluginAssembly(CallbackListOrg.PluginAssembly);
        CallbackListLookupUpgrade.Run(Service);
        var requests = _org.ListRequests;

        var again = CallbackListLookupUpgrade.Run(Service);

        Assert.Equal((0, 0), (again.Filled.Count, again.Failed.Count));
        Assert.Equal(requests, _org.ListRequests);
        Assert.Equal(CallbackListOrg.SupportId, _org.ListOf(support).Lookup);
    }

    [Fact]
    public void UpgradeWhileEnreachIsDown_Should_ReportEachProfileAndKeepItsTextId()
    {
        var support = FirstVersionProfile("Support", CallbackListOrg.SupportId.ToString("D"));
        _org.Org.RegisterPluginAssembly(CallbackListOrg.PluginAssembly);
        _org.Enreach.Faults.ServerError(statusCode: 503);

        var report = CallbackListLookupUpgrade.Run(Service);

        var failure = Assert.Single(report.Failed);
        Assert.Contains("could not check its callback list in Enreach", failure);
        Assert.Contains("its callback sync reads the Callback List Id meanwhile", failure);
        Assert.Equal(CallbackListOrg.SupportId, CallbackProfileSettings.Load(Service, support).CallbackListId);
    }
}
