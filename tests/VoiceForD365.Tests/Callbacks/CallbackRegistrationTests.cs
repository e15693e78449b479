using System.Activities;
using System.Reflection;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;
using VoiceForD365.Core.Registration;
using VoiceForD365.Core.Schema;
using VoiceForD365.LocalOrg;
using VoiceForD365.LocalOrg.Workflows;
using VoiceForD365.Solution;
using VoiceForD365.Solution.Model;
using VoiceForD365.Solution.Packing;
using VoiceForD365.Workflows.Callbacks;
using Xunit;

namespace VoiceForD365.Tests.Callbacks;

/// <summary>The registration data of the activities and the shipped process, as Dataverse (and the packer) read them.</summary>
public class CallbackRegistrationTests
{
    [Fact]
    public void EveryShippedActivity_Should_DeclareItsNameInTheVoiceForD365Group()
    {
        var org = new LocalOrganization(new LocalOrganizationOptions { WorkflowAssemblies = [CallbackOrg.WorkflowAssembly] });

        Assert.Equal(
            [("Apply Callback Profile", WorkflowActivityGroups.VoiceForD365), ("Resolve Callback Owner", WorkflowActivityGroups.VoiceForD365)],
            org.WorkflowActivities.OrderBy(a => a.Name).Select(a => (a.Name, a.Group)));
        Assert.All(org.WorkflowActivities, a => Assert.True(a.Declaration.IsDeclared, $"{a.ActivityType.FullName} has no [WorkflowActivity]."));
    }

    [Fact]
    public void ResolveCallbackOwner_Should_OutputTheOwnerAsAUserAndATeamReference()
    {
        var activity = new WorkflowActivityRegistration(typeof(ResolveCallbackOwner));

        Assert.Equal(
            [("OwnerUser", SystemUser.EntityName), ("OwnerTeam", Team.EntityName), ("OwnerIsTeam", (string?)null)],
            activity.Outputs.Select(o => (o.Name, o.ReferenceTarget)));
        var input = Assert.Single(activity.Inputs);
        Assert.Equal(("CallbackProfile", CallbackProfile.EntityName, true), (input.Name, input.ReferenceTarget, input.IsRequired));
    }

    [Fact]
    public void ShippedProcess_Should_BeImportedAndActivatedWithTheWorkflowAssembly()
    {
        var org = new LocalOrganization(new LocalOrganizationOptions { WorkflowAssemblies = [CallbackOrg.WorkflowAssembly] });

        var process = Assert.Single(org.Processes);
        Assert.Same(SolutionProcesses.ApplyCallbackProfileOnCreate, process.Definition);
        Assert.Equal(typeof(ApplyCallbackProfile), Assert.Single(process.Steps).Activity.ActivityType);
        Assert.True(process.Definition.ActivateOnImport);
        Assert.Equal((ProcessMode.Background, PhoneCall.EntityName, true, false), (process.Definition.Mode, process.Definition.PrimaryEntity, process.Definition.Trigger.OnCreate, process.Definition.Trigger.OnUpdate));
    }

    [Fact]
    public void OrganizationWithoutTheWorkflowAssembly_Should_HaveNoProcessUntilItIsRegistered()
    {
        var org = new LocalOrganization();
        Assert.Empty(org.Processes);

        org.RegisterWorkflowAssembly(CallbackOrg.WorkflowAssembly);

        Assert.Equal(SolutionProcesses.ApplyCallbackProfileOnCreate.UniqueName, Assert.Single(org.Processes).Definition.UniqueName);
    }

    [Fact]
    public void ShippedProcessId_Should_BeDerivedFromItsUniqueName()
    {
        var process = SolutionProcesses.ApplyCallbackProfileOnCreate;

        Assert.StartsWith(Publisher.Prefix + "_", process.UniqueName);
        Assert.Equal(StableGuid.For("workflow", process.UniqueName), process.Id);
        Assert.Equal(new ProcessDefinition(process.UniqueName, "another name", PhoneCall.EntityName).Id, process.Id);
    }

    [Fact]
    public void ProcessBindingAnArgumentTheActivityLacks_Should_BeRefusedAtImport()
    {
        var broken = SolutionProcesses.ApplyCallbackProfileOnCreate with
        {
            UniqueName = "vfd_Broken",
            Steps = [SolutionProcesses.ApplyCallbackProfileOnCreate.Steps[0] with { Inputs = [ProcessArgumentBinding.PrimaryRecord("Call")] }],
        };

        var error = Assert.Throws<InvalidOperationException>(() =>
            new LocalOrganization(new LocalOrganizationOptions { WorkflowAssemblies = [CallbackOrg.WorkflowAssembly], Processes = [broken] }));

        Assert.Contains("binds 'Call', which is not an input of VoiceForD365.Workflows.Callbacks.ApplyCallbackProfile", error.Message);
    }

    [Fact]
    public void ProcessBindingALookupToAnotherTable_Should_BeRefusedAtImport()
    {
        var broken = SolutionProcesses.ApplyCallbackProfileOnCreate with
        {
            UniqueName = "vfd_Broken",
            Steps = [SolutionProcesses.ApplyCallbackProfileOnCreate.Steps[0] with { Inputs = [ProcessArgumentBinding.PrimaryColumn("CallbackProfile", PhoneCall.OwnerId)] }],
        };

        var error = Assert.Throws<InvalidOperationException>(() =>
            new LocalOrganization(new LocalOrganizationOptions { WorkflowAssemblies = [CallbackOrg.WorkflowAssembly], Processes = [broken] }));

        Assert.Contains("which takes a vfd_callbackprofile", error.Message);
    }

    [Fact]
    public void ActivityWithAReferenceArgumentWithoutReferenceTarget_Should_BeRefusedAtRegistration()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new WorkflowActivityRegistration(typeof(UntargetedReferenceActivity)));

        Assert.Contains("needs [ReferenceTarget]", error.Message);
    }

    [Fact]
    public void ActivityInstance_Should_BeSharedByEveryRunWithoutSharingArgumentValues()
    {
        var org = new CallbackOrg(runAsyncJobsAutomatically: false);
        var anna = org.User("Anna Agent");
        var team = org.Team("Service desk");
        var annas = org.Profile("Anna's", org.Queue("Anna's", CallbackOrg.UserRef(anna)), OwnershipRule.OwnerOfQueue);
        var desks = org.Profile("Desk's", org.Queue("Desk's", CallbackOrg.TeamRef(team)), OwnershipRule.OwnerOfQueue);
        var registration = org.Org.WorkflowActivities.Single(a => a.ActivityType == typeof(ResolveCallbackOwner));

        var first = org.Org.RunWorkflowActivity<ResolveCallbackOwner>(new Dictionary<string, object?> { ["CallbackProfile"] = CallbackOrg.ProfileRef(annas) });
        var instance = registration.Instance;
        var second = org.Org.RunWorkflowActivity<ResolveCallbackOwner>(new Dictionary<string, object?> { ["CallbackProfile"] = CallbackOrg.ProfileRef(desks) });

        Assert.Same(instance, registration.Instance);
        Assert.Equal((anna, false), (((EntityReference)first["OwnerUser"]!).Id, (bool)first["OwnerIsTeam"]!));
        Assert.Equal((team, true), (((EntityReference)second["OwnerTeam"]!).Id, (bool)second["OwnerIsTeam"]!));
    }

    /// <summary>Not registrable: Dataverse needs the table of every EntityReference argument.</summary>
    public sealed class UntargetedReferenceActivity : CodeActivity
    {
        [Input("Record")]
        public InArgument<EntityReference?> Record { get; set; } = new InArgument<EntityReference?>();

        protected override void Execute(CodeActivityContext context)
        {
        }
    }
}
