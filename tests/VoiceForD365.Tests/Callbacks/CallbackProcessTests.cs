using Microsoft.Xrm.Sdk;
using VoiceForD365.Core.Callbacks;
using VoiceForD365.Core.Schema;
using VoiceForD365.Core.Settings;
using VoiceForD365.LocalOrg;
using VoiceForD365.Solution;
using Xunit;
using static VoiceForD365.Tests.Callbacks.CallbackOrg;

namespace VoiceForD365.Tests.Callbacks;

/// <summary>SPEC C3 through the local organization's pipeline: the shipped background process on phone call create.</summary>
public class CallbackProcessTests
{
    private readonly CallbackOrg _org = new();

    private SystemJob OnlyJob() => Assert.Single(_org.Org.SystemJobs);

    [Fact]
    public void PhoneCallCreatedWithApiUserProfile_Should_BeOwnedByTheApplicationUserAndPlacedInTheQueue()
    {
        var apiUser = _org.ApiUser("Voice API");
        var queue = _org.Queue("Callbacks");
        var profile = _org.Profile("Sales callbacks", queue, OwnershipRule.ApiUser);

        var call = _org.PhoneCall(profile);

        Assert.Equal(UserRef(apiUser).Id, _org.OwnerOf(call)!.Id);
        Assert.Equal(SystemUser.EntityName, _org.OwnerOf(call)!.LogicalName);
        Assert.Equal([queue], _org.QueuesOf(call));
        Assert.True(OnlyJob().Succeeded);
    }

    [Fact]
    public void PhoneCallCreatedWithOwnerOfQueueProfile_Should_BeOwnedByTheUserWhoOwnsTheQueue()
    {
        _org.ApiUser();
        var anna = _org.User("Anna Agent");
        var queue = _org.Queue("Anna's callbacks", UserRef(anna));
        var profile = _org.Profile("Personal callbacks", queue, OwnershipRule.OwnerOfQueue);

        var call = _org.PhoneCall(profile);

        Assert.Equal(UserRef(anna).Id, _org.OwnerOf(call)!.Id);
        Assert.Equal([queue], _org.QueuesOf(call));
    }

    [Fact]
    public void PhoneCallCreatedWithOwnerOfQueueProfileWhoseQueueATeamOwns_Should_BeOwnedByTheTeam()
    {
        var team = _org.Team("Service desk");
        var queue = _org.Queue("Service desk callbacks", TeamRef(team));
        var profile = _org.Profile("Service callbacks", queue, OwnershipRule.OwnerOfQueue);

        var call = _org.PhoneCall(profile);

        var owner = _org.OwnerOf(call)!;
        Assert.Equal(Team.EntityName, owner.LogicalName);
        Assert.Equal(team, owner.Id);
        Assert.Equal([queue], _org.QueuesOf(call));
    }

    [Fact]
    public void PhoneCallCreatedWithoutProfile_Should_StartNoProcess()
    {
        _org.ApiUser();
        var queue = _org.Queue("Callbacks");
        _org.Profile("Sales callbacks", queue, OwnershipRule.ApiUser);

        var call = _org.PhoneCall(profile: null);

        Assert.Empty(_org.Org.SystemJobs);
        Assert.Equal(_org.Org.AdministratorId, _org.OwnerOf(call)!.Id);
        Assert.Empty(_org.QueuesOf(call));
    }

    [Fact]
    public void PhoneCallUpdatedToHaveProfile_Should_StartNoProcess()
    {
        _org.ApiUser();
        var queue = _org.Queue("Callbacks");
        var profile = _org.Profile("Sales callbacks", queue, OwnershipRule.ApiUser);
        var call = _org.PhoneCall(profile: null);

        _org.Service.Update(new Entity(PhoneCall.EntityName, call) { [PhoneCall.CallbackProfileId] = ProfileRef(profile) });

        Assert.Empty(_org.Org.SystemJobs);
        Assert.Equal(_org.Org.AdministratorId, _org.OwnerOf(call)!.Id);
        Assert.Empty(_org.QueuesOf(call));
    }

    [Fact]
    public void PhoneCallCreatedWithProfile_Should_BeAppliedByABackgroundSystemJobAfterTheCreate()
    {
        var org = new CallbackOrg(runAsyncJobsAutomatically: false);
        var apiUser = org.ApiUser();
        var queue = org.Queue("Callbacks");
        var call = org.PhoneCall(org.Profile("Sales callbacks", queue, OwnershipRule.ApiUser));
        Assert.Equal(1, org.Org.PendingAsyncJobs);
        Assert.Equal(org.Org.AdministratorId, org.OwnerOf(call)!.Id);

        org.Org.RunAsyncJobs();

        Assert.Equal(apiUser, org.OwnerOf(call)!.Id);
        var job = Assert.Single(org.Org.SystemJobs);
        Assert.Equal(SolutionProcesses.ApplyCallbackProfileOnCreate.Name, job.Step);
        Assert.Equal((MessageNames.Create, PhoneCall.EntityName, call, true), (job.MessageName, job.PrimaryEntityName, job.PrimaryEntityId, job.Succeeded));
    }

    [Fact]
    public void ProfileRemovedBeforeTheJobRuns_Should_EndTheJobWithoutChangingThePhoneCall()
    {
        var org = new CallbackOrg(runAsyncJobsAutomatically: false);
        org.ApiUser();
        var call = org.PhoneCall(org.Profile("Sales callbacks", org.Queue("Callbacks"), OwnershipRule.ApiUser), subject: "Call me");
        org.Service.Update(new Entity(PhoneCall.EntityName, call) { [PhoneCall.CallbackProfileId] = null });

        org.Org.RunAsyncJobs();

        var job = Assert.Single(org.Org.SystemJobs);
        Assert.True(job.Succeeded);
        Assert.Contains("Condition not met", job.Message);
        Assert.Equal(("Call me", org.Org.AdministratorId), (org.SubjectOf(call), org.OwnerOf(call)!.Id));
        Assert.Empty(org.QueuesOf(call));
    }

    [Fact]
    public void ProfileWithItsOwnSubject_Should_GiveThePhoneCallThatSubjectOverTheSetting()
    {
        _org.ApiUser();
        _org.Setting(SettingNames.CallbackRequestDefaultSubject, "Callback from the website");
        var profile = _org.Profile("VIP callbacks", _org.Queue("VIP"), OwnershipRule.ApiUser, subject: "VIP callback");

        var call = _org.PhoneCall(profile);

        Assert.Equal("VIP callback", _org.SubjectOf(call));
    }

    [Fact]
    public void ProfileWithoutSubject_Should_GiveThePhoneCallTheSubjectOfTheSetting()
    {
        _org.ApiUser();
        _org.Setting(SettingNames.CallbackRequestDefaultSubject, "Callback from the website");
        var profile = _org.Profile("Sales callbacks", _org.Queue("Sales"), OwnershipRule.ApiUser);

        var call = _org.PhoneCall(profile);

        Assert.Equal("Callback from the website", _org.SubjectOf(call));
    }

    [Fact]
    public void NeitherProfileSubjectNorSetting_Should_GiveThePhoneCallTheDefaultSubject()
    {
        _org.ApiUser();
        var profile = _org.Profile("Sales callbacks", _org.Queue("Sales"), OwnershipRule.ApiUser);

        var call = _org.PhoneCall(profile);

        Assert.Equal(CallbackSubjects.DefaultSubject, _org.SubjectOf(call));
    }

    [Fact]
    public void InactiveSubjectSetting_Should_BeIgnoredForTheDefault()
    {
        _org.ApiUser();
        _org.Setting(SettingNames.CallbackRequestDefaultSubject, "Old subject", active: false);
        var profile = _org.Profile("Sales callbacks", _org.Queue("Sales"), OwnershipRule.ApiUser);

        var call = _org.PhoneCall(profile);

        Assert.Equal(CallbackSubjects.DefaultSubject, _org.SubjectOf(call));
    }

    [Fact]
    public void InactiveProfile_Should_FailTheJobWithAClearMessageAndLeaveThePhoneCallUnchanged()
    {
        _org.ApiUser();
        var profile = _org.Profile("Old callbacks", _org.Queue("Old"), OwnershipRule.ApiUser, active: false);

        var call = _org.PhoneCall(profile, subject: "Call me");

        var job = OnlyJob();
        Assert.False(job.Succeeded);
        Assert.Contains("Callback profile 'Old callbacks'", job.Message);
        Assert.Contains("it is inactive", job.Message);
        Assert.Equal(("Call me", _org.Org.AdministratorId), (_org.SubjectOf(call), _org.OwnerOf(call)!.Id));
        Assert.Empty(_org.QueuesOf(call));
    }

    [Fact]
    public void IncompleteProfile_Should_FailTheJobNamingEveryMissingValueAndLeaveThePhoneCallUnchanged()
    {
        _org.ApiUser();
        var profile = _org.Profile("Half done", queue: null, rule: null, unit: null, age: null);

        var call = _org.PhoneCall(profile, subject: "Call me");

        var message = OnlyJob().Message;
        Assert.Contains("Callback profile 'Half done'", message);
        Assert.Contains("no Queue", message);
        Assert.Contains("no Ownership Rule", message);
        Assert.Contains("no Age Time Unit", message);
        Assert.Contains("no Callback Age", message);
        Assert.Contains("Voice for D365 Configurator", message);
        Assert.Equal(("Call me", _org.Org.AdministratorId), (_org.SubjectOf(call), _org.OwnerOf(call)!.Id));
    }

    [Fact]
    public void ApiUserRuleWithoutAnyApplicationUserHoldingTheRole_Should_FailSayingWhichRoleToGiveToWhom()
    {
        var person = _org.User("Paula Person");
        _org.GiveRole(person, Role.VoiceApiUser); // a person holding the role is not an application user
        var profile = _org.Profile("Sales callbacks", _org.Queue("Sales"), OwnershipRule.ApiUser);

        var call = _org.PhoneCall(profile, subject: "Call me");

        var message = OnlyJob().Message;
        Assert.Contains("No enabled application user holds the Voice ApiUser security role", message);
        Assert.Contains("callback profile 'Sales callbacks'", message);
        Assert.Contains("give the Voice ApiUser role to the application user", message);
        Assert.Equal(("Call me", _org.Org.AdministratorId), (_org.SubjectOf(call), _org.OwnerOf(call)!.Id));
        Assert.Empty(_org.QueuesOf(call));
    }

    [Fact]
    public void ApiUserRuleWithTwoApplicationUsersHoldingTheRole_Should_FailNamingBoth()
    {
        _org.ApiUser("Voice API");
        _org.ApiUser("Old integration");
        var profile = _org.Profile("Sales callbacks", _org.Queue("Sales"), OwnershipRule.ApiUser);

        var call = _org.PhoneCall(profile);

        var message = OnlyJob().Message;
        Assert.Contains("2 enabled application users hold the Voice ApiUser security role", message);
        Assert.Contains("'Voice API'", message);
        Assert.Contains("'Old integration'", message);
        Assert.Equal(_org.Org.AdministratorId, _org.OwnerOf(call)!.Id);
    }

    [Fact]
    public void ApiUserRuleWithADisabledSecondApplicationUser_Should_ChooseTheEnabledOne()
    {
        var apiUser = _org.ApiUser("Voice API");
        _org.ApiUser("Retired integration", disabled: true);
        var profile = _org.Profile("Sales callbacks", _org.Queue("Sales"), OwnershipRule.ApiUser);

        var call = _org.PhoneCall(profile);

        Assert.Equal(apiUser, _org.OwnerOf(call)!.Id);
    }

    [Fact]
    public void ApiUserRuleWithTheRoleHeldThroughATeam_Should_ChooseThatApplicationUser()
    {
        var apiUser = _org.ApiUser("Voice API", throughTeam: true);
        var profile = _org.Profile("Sales callbacks", _org.Queue("Sales"), OwnershipRule.ApiUser);

        var call = _org.PhoneCall(profile);

        Assert.Equal(apiUser, _org.OwnerOf(call)!.Id);
    }

    [Fact]
    public void OwnerOfQueueRuleWithADisabledOwner_Should_FailSayingToReassignTheQueue()
    {
        var gone = _org.User("Gone Agent", disabled: true);
        var profile = _org.Profile("Personal callbacks", _org.Queue("Gone's callbacks", UserRef(gone)), OwnershipRule.OwnerOfQueue);

        var call = _org.PhoneCall(profile);

        var message = OnlyJob().Message;
        Assert.Contains("'Gone Agent'", message);
        Assert.Contains("disabled", message);
        Assert.Contains("Assign the queue to an enabled user or a team", message);
        Assert.Empty(_org.QueuesOf(call));
    }

    [Fact]
    public void ProcessJob_Should_TraceEntryExitAndEveryDecision()
    {
        _org.ApiUser("Voice API");
        var profile = _org.Profile("Sales callbacks", _org.Queue("Sales"), OwnershipRule.ApiUser);

        _org.PhoneCall(profile);

        var traces = _org.Org.Traces.Select(t => t.Text).ToList();
        Assert.StartsWith("Entered VoiceForD365.Workflows.Callbacks.ApplyCallbackProfile", traces.First());
        Assert.Matches(@"^Exiting VoiceForD365\.Workflows\.Callbacks\.ApplyCallbackProfile: succeeded after \d+ ms$", traces.Last());
        Assert.Contains(traces, t => t.Contains("Ownership rule API User of callback profile 'Sales callbacks'"));
        Assert.Contains(traces, t => t.StartsWith("Subject for callback profile 'Sales callbacks'"));
        Assert.Contains(traces, t => t.StartsWith("Assigned to application user 'Voice API'"));
        Assert.Contains(traces, t => t.StartsWith("Added to the queue"));
    }
}
