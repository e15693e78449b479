using System.ServiceModel;
using Microsoft.Xrm.Sdk;
using VoiceForD365.Core.Schema;
using VoiceForD365.LocalOrg;
using VoiceForD365.Workflows.Callbacks;
using Xunit;
using static VoiceForD365.Tests.Callbacks.CallbackOrg;

namespace VoiceForD365.Tests.Callbacks;

/// <summary>The custom workflow activities run through the local organization, as steps of an admin's own process would run them.</summary>
public class CallbackActivityTests
{
    private readonly CallbackOrg _org = new();

    private IReadOnlyDictionary<string, object?> Run<TActivity>(Dictionary<string, object?> inputs, EntityReference? primary = null) where TActivity : System.Activities.CodeActivity =>
        _org.Org.RunWorkflowActivity<TActivity>(inputs, new WorkflowActivityRunOptions { PrimaryEntity = primary });

    [Fact]
    public void ResolveOwnerOfProfileWhoseQueueAUserOwns_Should_OutputTheUserOnly()
    {
        var anna = _org.User("Anna Agent");
        var profile = _org.Profile("Personal callbacks", _org.Queue("Anna's callbacks", UserRef(anna)), OwnershipRule.OwnerOfQueue);

        var outputs = Run<ResolveCallbackOwner>(new() { ["CallbackProfile"] = ProfileRef(profile) });

        Assert.Equal(anna, Assert.IsType<EntityReference>(outputs["OwnerUser"]).Id);
        Assert.Null(outputs["OwnerTeam"]);
        Assert.Equal(false, outputs["OwnerIsTeam"]);
    }

    [Fact]
    public void ResolveOwnerOfProfileWhoseQueueATeamOwns_Should_OutputTheTeamOnly()
    {
        var team = _org.Team("Service desk");
        var profile = _org.Profile("Service callbacks", _org.Queue("Service desk", TeamRef(team)), OwnershipRule.OwnerOfQueue);

        var outputs = Run<ResolveCallbackOwner>(new() { ["CallbackProfile"] = ProfileRef(profile) });

        var owner = Assert.IsType<EntityReference>(outputs["OwnerTeam"]);
        Assert.Equal((Team.EntityName, team), (owner.LogicalName, owner.Id));
        Assert.Null(outputs["OwnerUser"]);
        Assert.Equal(true, outputs["OwnerIsTeam"]);
    }

    [Fact]
    public void ResolveOwnerOfApiUserProfile_Should_OutputTheApplicationUserAndChangeNothing()
    {
        var apiUser = _org.ApiUser("Voice API");
        var profile = _org.Profile("Sales callbacks", _org.Queue("Sales"), OwnershipRule.ApiUser);
        var before = _org.Org.Requests.Of(MessageNames.Update) + _org.Org.Requests.Of(MessageNames.Assign) + _org.Org.Requests.Of(MessageNames.AddToQueue);

        var outputs = Run<ResolveCallbackOwner>(new() { ["CallbackProfile"] = ProfileRef(profile) });

        Assert.Equal(apiUser, Assert.IsType<EntityReference>(outputs["OwnerUser"]).Id);
        Assert.Equal(before, _org.Org.Requests.Of(MessageNames.Update) + _org.Org.Requests.Of(MessageNames.Assign) + _org.Org.Requests.Of(MessageNames.AddToQueue));
    }

    [Fact]
    public void ResolveOwnerWithoutProfile_Should_FailAsARequiredInputIsMissing()
    {
        var fault = Assert.Throws<FaultException<OrganizationServiceFault>>(() => Run<ResolveCallbackOwner>(new()));

        Assert.Contains("Value for a required activity argument 'CallbackProfile' was not supplied", fault.Detail.Message);
    }

    [Fact]
    public void ApplyWithoutPhoneCallInput_Should_ApplyToTheRecordTheProcessRunsOn()
    {
        var apiUser = _org.ApiUser();
        var queue = _org.Queue("Sales");
        var call = _org.PhoneCall(profile: null, subject: "Call me");

        var outputs = Run<ApplyCallbackProfile>(new() { ["CallbackProfile"] = ProfileRef(_org.Profile("Sales callbacks", queue, OwnershipRule.ApiUser, subject: "Sales callback")) }, primary: CallRef(call));

        Assert.Equal((apiUser, "Sales callback"), (_org.OwnerOf(call)!.Id, _org.SubjectOf(call)));
        Assert.Equal([queue], _org.QueuesOf(call));
        Assert.Equal(apiUser, Assert.IsType<EntityReference>(outputs["OwnerUser"]).Id);
        Assert.Null(outputs["OwnerTeam"]);
        Assert.Equal("Sales callback", outputs["Subject"]);
    }

    [Fact]
    public void ApplyWithoutProfileInput_Should_UseThePhoneCallsOwnProfile()
    {
        var org = new CallbackOrg(runAsyncJobsAutomatically: false); // the process's job stays queued: the activity alone
        var team = org.Team("Service desk");
        var queue = org.Queue("Service desk", TeamRef(team));
        var call = org.PhoneCall(org.Profile("Service callbacks", queue, OwnershipRule.OwnerOfQueue));

        org.Org.RunWorkflowActivity<ApplyCallbackProfile>(new Dictionary<string, object?> { ["PhoneCall"] = CallRef(call) });

        Assert.Equal(team, org.OwnerOf(call)!.Id);
        Assert.Equal([queue], org.QueuesOf(call));
    }

    [Fact]
    public void ApplyGivenAProfileOtherThanThePhoneCalls_Should_ApplyTheGivenProfile()
    {
        var org = new CallbackOrg(runAsyncJobsAutomatically: false);
        org.ApiUser();
        var ben = org.User("Ben Agent");
        var bensQueue = org.Queue("Ben's callbacks", UserRef(ben));
        var call = org.PhoneCall(org.Profile("Sales callbacks", org.Queue("Sales"), OwnershipRule.ApiUser));

        org.Org.RunWorkflowActivity<ApplyCallbackProfile>(new Dictionary<string, object?>
        {
            ["PhoneCall"] = CallRef(call),
            ["CallbackProfile"] = ProfileRef(org.Profile("Ben's callbacks", bensQueue, OwnershipRule.OwnerOfQueue)),
        });

        Assert.Equal(ben, org.OwnerOf(call)!.Id);
        Assert.Equal([bensQueue], org.QueuesOf(call));
    }

    [Fact]
    public void ApplyToPhoneCallWithoutProfileAndNoneGiven_Should_FailSayingToSetOne()
    {
        var call = _org.PhoneCall(profile: null, subject: "Call me");

        var fault = Assert.Throws<FaultException<OrganizationServiceFault>>(() =>
            Run<ApplyCallbackProfile>(new() { ["PhoneCall"] = CallRef(call) }));

        Assert.Contains("has no Callback Profile, and none was given", fault.Detail.Message);
        Assert.Equal("Call me", _org.SubjectOf(call));
    }

    [Fact]
    public void ApplyToACompletedPhoneCall_Should_FailAndLeaveItUnchanged()
    {
        var org = new CallbackOrg(runAsyncJobsAutomatically: false);
        org.ApiUser();
        var call = org.PhoneCall(org.Profile("Sales callbacks", org.Queue("Sales"), OwnershipRule.ApiUser), subject: "Call me");
        org.Service.Update(new Entity(PhoneCall.EntityName, call) { [PhoneCall.StateCode] = new OptionSetValue(1), [PhoneCall.StatusCode] = new OptionSetValue(2) });

        var fault = Assert.Throws<FaultException<OrganizationServiceFault>>(() =>
            org.Org.RunWorkflowActivity<ApplyCallbackProfile>(new Dictionary<string, object?> { ["PhoneCall"] = CallRef(call) }));

        Assert.Contains("is completed", fault.Detail.Message);
        Assert.Equal(("Call me", org.Org.AdministratorId), (org.SubjectOf(call), org.OwnerOf(call)!.Id));
        Assert.Empty(org.QueuesOf(call));
    }

    [Fact]
    public void ApplyingAProfileTwice_Should_WriteNothingTheSecondTime()
    {
        _org.ApiUser();
        var queue = _org.Queue("Sales");
        var call = _org.PhoneCall(_org.Profile("Sales callbacks", queue, OwnershipRule.ApiUser));
        var writes = () => _org.Org.Requests.Of(MessageNames.Update) + _org.Org.Requests.Of(MessageNames.Assign) + _org.Org.Requests.Of(MessageNames.AddToQueue);
        var before = writes();

        Run<ApplyCallbackProfile>(new() { ["PhoneCall"] = CallRef(call) });

        Assert.Equal(before, writes());
        Assert.Equal([queue], _org.QueuesOf(call));
    }

    [Fact]
    public void ApplyGivenAReferenceToTheWrongTable_Should_BeRefusedBeforeItRuns()
    {
        var contact = _org.Service.Create(new Entity(Contact.EntityName) { [Contact.LastName] = "Virtanen" });

        var fault = Assert.Throws<FaultException<OrganizationServiceFault>>(() =>
            Run<ApplyCallbackProfile>(new() { ["PhoneCall"] = new EntityReference(Contact.EntityName, contact) }));

        Assert.Contains("takes a phonecall, not a contact", fault.Detail.Message);
    }
}
