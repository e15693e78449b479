using System.ServiceModel;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using VoiceForD365.Core.Callbacks;
using VoiceForD365.Core.Schema;
using Xunit;

namespace VoiceForD365.Tests.Callbacks;

/// <summary>
/// A callback profile's Callback List through the pipeline: the lookup to the virtual table, and the text id and name
/// the profile plug-in keeps in step with it, each list checked in the Enreach emulator.
/// </summary>
public sealed class CallbackProfileListTests : IDisposable
{
    private readonly CallbackListOrg _org = new();

    public void Dispose() => _org.Dispose();

    private IOrganizationService Service => _org.Service;

    private static FaultException<OrganizationServiceFault> Fault(Action action) => Assert.Throws<FaultException<OrganizationServiceFault>>(action);

    private int Profiles() => Service.RetrieveMultiple(new QueryExpression(CallbackProfile.EntityName) { ColumnSet = new ColumnSet(false) }).Entities.Count;

    [Fact]
    public void ProfileCreatedWithALookupToAList_Should_HoldTheListsIdAndNameAsTextToo()
    {
        var profile = _org.Profile("Support", (CallbackProfile.CallbackList, CallbackListOrg.ListRef(CallbackListOrg.SupportId)));

        Assert.Equal((CallbackListOrg.SupportId, CallbackListOrg.SupportId.ToString("D"), "Support callbacks"), _org.ListOf(profile));
        Assert.Equal(CallbackListOrg.SupportId, CallbackProfileSettings.Load(Service, profile).CallbackListId);
    }

    [Fact]
    public void ProfileCreatedWithOnlyTheTextId_Should_GetTheLookupToThatList()
    {
        // What an administrator's own import or process of the first version's columns writes.
        var profile = _org.Profile("Sales", (CallbackProfile.CallbackListId, " " + CallbackListOrg.SalesId.ToString("B").ToUpperInvariant() + " "));

        Assert.Equal((CallbackListOrg.SalesId, CallbackListOrg.SalesId.ToString("D"), "Sales callbacks"), _org.ListOf(profile));
    }

    [Fact]
    public void ProfileWithAListEnreachDoesNotHave_Should_NotBeSaved()
    {
        var missing = Guid.NewGuid();

        var fault = Fault(() => _org.Profile("Gone", (CallbackProfile.CallbackList, CallbackListOrg.ListRef(missing))));

        Assert.Equal($"Enreach has no callback list with the id {missing:D}, so the callback profile was not saved. Pick the list by name in the Callback List lookup.", fault.Detail.Message);
        Assert.Equal(0, Profiles());
    }

    [Fact]
    public void ProfileWithATextIdThatIsNoListId_Should_BeRefusedWithoutAskingEnreach()
    {
        var fault = Fault(() => _org.Profile("Typo", (CallbackProfile.CallbackListId, "support-callbacks")));

        Assert.StartsWith("The callback profile 'Typo' has the Callback List Id 'support-callbacks', which is no Enreach callback list id (a GUID", fault.Detail.Message);
        Assert.Equal((0, 0), (Profiles(), _org.ListRequests));
    }

    [Fact]
    public void LookupChangedToAnotherList_Should_RewriteTheTextIdAndName()
    {
        var profile = _org.Profile("Support", (CallbackProfile.CallbackList, CallbackListOrg.ListRef(CallbackListOrg.SupportId)));

        Service.Update(new Entity(CallbackProfile.EntityName, profile) { [CallbackProfile.CallbackList] = CallbackListOrg.ListRef(CallbackListOrg.SuppliersId) });

        Assert.Equal((CallbackListOrg.SuppliersId, CallbackListOrg.SuppliersId.ToString("D"), "Suppliers"), _org.ListOf(profile));
    }

    [Fact]
    public void SaveThatLeavesTheListAlone_Should_NotAskEnreach()
    {
        var profile = _org.Profile("Support", (CallbackProfile.CallbackList, CallbackListOrg.ListRef(CallbackListOrg.SupportId)));
        var requests = _org.ListRequests;

        Service.Update(new Entity(CallbackProfile.EntityName, profile) { [CallbackProfile.Name] = "Support desk" });
        // A form saves every column it shows: the same list again.
        Service.Update(new Entity(CallbackProfile.EntityName, profile) { [CallbackProfile.CallbackList] = CallbackListOrg.ListRef(CallbackListOrg.SupportId) });

        Assert.Equal(requests, _org.ListRequests);
        Assert.Equal((CallbackListOrg.SupportId, CallbackListOrg.SupportId.ToString("D"), "Support callbacks"), _org.ListOf(profile));
    }

    [Fact]
    public void LookupCleared_Should_ClearTheTextIdAndName()
    {
        var profile = _org.Profile("Support", (CallbackProfile.CallbackList, CallbackListOrg.ListRef(CallbackListOrg.SupportId)));

        Service.Update(new Entity(CallbackProfile.EntityName, profile) { [CallbackProfile.CallbackList] = null });

        Assert.Equal((null, null, null), _org.ListOf(profile));
        Assert.Null(CallbackProfileSettings.Load(Service, profile).CallbackListId);
    }

    [Fact]
    public void EnreachDownWhileSaving_Should_RefuseTheSaveWithEnreachsMessage()
    {
        var profile = _org.Profile("Support", (CallbackProfile.CallbackList, CallbackListOrg.ListRef(CallbackListOrg.SupportId)));
        _org.Enreach.Faults.ServerError(statusCode: 503);

        var fault = Fault(() => Service.Update(new Entity(CallbackProfile.EntityName, profile) { [CallbackProfile.CallbackList] = CallbackListOrg.ListRef(CallbackListOrg.SalesId) }));

        Assert.StartsWith("The callback profile was not saved: Voice for D365 could not check its callback list in Enreach. ", fault.Detail.Message);
        Assert.Contains("503", fault.Detail.Message);
        Assert.Equal((CallbackListOrg.SupportId, CallbackListOrg.SupportId.ToString("D"), "Support callbacks"), _org.ListOf(profile));
    }
}
