using System.ServiceModel;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using VoiceForD365.Core.Schema;
using VoiceForD365.LocalOrg;
using Xunit;

namespace VoiceForD365.Tests.LocalOrg;

public class PipelineTests
{
    private static LocalOrganization OrgWith(params Type[] plugins) => new(new LocalOrganizationOptions { PluginTypes = plugins });

    private static string[] TraceTexts(LocalOrganization org) => org.Traces.Select(t => t.Text).ToArray();

    private static Guid CreateAccount(IOrganizationService service, string name = "Contoso") =>
        service.Create(new Entity(Account.EntityName) { [Account.Name] = name, [Account.Telephone1] = "+358 1" });

    [Fact]
    public void CreateWithStepsInEveryStage_Should_RunThemInStageOrderWithAsyncLast()
    {
        var org = OrgWith(typeof(StageRecorderPlugin));

        CreateAccount(org.Service);

        Assert.Equal(
            ["stage 10 mode 0 transaction False", "stage 20 mode 0 transaction True", "stage 40 mode 0 transaction True", "stage 40 mode 1 transaction False"],
            TraceTexts(org));
    }

    [Fact]
    public void AsyncStepWithManualRun_Should_WaitUntilRunAsyncJobs()
    {
        var org = new LocalOrganization(new LocalOrganizationOptions { PluginTypes = [typeof(StageRecorderPlugin)], RunAsyncJobsAutomatically = false });

        CreateAccount(org.Service);
        Assert.Equal(1, org.PendingAsyncJobs);
        Assert.DoesNotContain("stage 40 mode 1 transaction False", TraceTexts(org));

        org.RunAsyncJobs();
        Assert.Equal(0, org.PendingAsyncJobs);
        Assert.Equal("stage 40 mode 1 transaction False", TraceTexts(org).Last());
        Assert.True(Assert.Single(org.SystemJobs).Succeeded);
    }

    [Fact]
    public void UpdateWithoutFilteringAttribute_Should_NotRunTheStep()
    {
        var org = OrgWith(typeof(PhoneFilteredPlugin));
        var id = CreateAccount(org.Service);

        org.Service.Update(new Entity(Account.EntityName, id) { [Account.Name] = "Renamed" });

        Assert.Empty(org.Traces);
    }

    [Fact]
    public void UpdateWithFilteringAttribute_Should_RunTheStep()
    {
        var org = OrgWith(typeof(PhoneFilteredPlugin));
        var id = CreateAccount(org.Service);

        org.Service.Update(new Entity(Account.EntityName, id) { [Account.AccountNumber] = "A-1" });

        Assert.Equal(["phone changed"], TraceTexts(org));
    }

    [Fact]
    public void UpdateWithImages_Should_GivePreImageColumnsBeforeAndPostImageAfter()
    {
        var org = OrgWith(typeof(ImageRecorderPlugin));
        var id = CreateAccount(org.Service, "Before");

        org.Service.Update(new Entity(Account.EntityName, id) { [Account.Name] = "After", [Account.Telephone1] = "+358 2" });

        Assert.Equal(["pre name=Before pre has phone=False post name=After post phone=+358 2"], TraceTexts(org));
    }

    [Fact]
    public void SyncPluginFailingAfterItsOwnWrite_Should_RollBackEverythingAndReportItsMessage()
    {
        var org = OrgWith(typeof(FailingAfterWritePlugin));

        var fault = Assert.Throws<FaultException<OrganizationServiceFault>>(() => CreateAccount(org.Service));

        Assert.Equal("The account can't be saved: test rule.", fault.Detail.Message);
        Assert.Empty(org.Service.RetrieveMultiple(new QueryExpression(Account.EntityName)).Entities);
        Assert.Empty(org.Service.RetrieveMultiple(new QueryExpression(Contact.EntityName)).Entities);
    }

    [Fact]
    public void AsyncPluginFailing_Should_FailItsSystemJobAndKeepTheRecord()
    {
        var org = OrgWith(typeof(FailingAsyncPlugin));

        var id = CreateAccount(org.Service);

        var job = Assert.Single(org.SystemJobs);
        Assert.False(job.Succeeded);
        Assert.Equal("Enreach is unreachable: test outage.", job.Message);
        Assert.Equal(id, job.PrimaryEntityId);
        Assert.Equal("Contoso", org.Service.Retrieve(Account.EntityName, id, new ColumnSet(Account.Name)).GetAttributeValue<string>(Account.Name));
    }

    [Fact]
    public void PreOperationPlugin_Should_ChangeTheSavedRecordAndShareVariablesWithLaterStages()
    {
        var org = OrgWith(typeof(SharedVariablePlugin));
        var entity = new Entity(Account.EntityName) { [Account.Name] = "Contoso" };

        var id = org.Service.Create(entity);

        Assert.Equal("PRE-OP", org.Service.Retrieve(Account.EntityName, id, new ColumnSet(Account.AccountNumber)).GetAttributeValue<string>(Account.AccountNumber));
        Assert.False(entity.Contains(Account.AccountNumber)); // the caller's object is never changed, as over the wire
        Assert.Equal(["shared=set in pre-operation"], TraceTexts(org));
    }

    [Fact]
    public void PluginUpdatingItsOwnTrigger_Should_StopAtDepthEightWithTheLoopError()
    {
        var org = OrgWith(typeof(RecursivePlugin));
        var id = CreateAccount(org.Service);

        var fault = Assert.Throws<FaultException<OrganizationServiceFault>>(() => org.Service.Update(new Entity(Account.EntityName, id) { [Account.Name] = "Loop" }));

        Assert.Contains("infinite loop", fault.Detail.Message);
        Assert.Equal(Enumerable.Range(1, 8).Select(d => $"depth {d}"), TraceTexts(org));
        Assert.Equal("Contoso", org.Service.Retrieve(Account.EntityName, id, new ColumnSet(Account.Name)).GetAttributeValue<string>(Account.Name));
    }

    [Fact]
    public void PluginServiceForNullUser_Should_ActAsSystemWhileInitiatingUserStaysTheCaller()
    {
        var org = OrgWith(typeof(UserReportingPlugin));
        var agent = org.Builder.CreateUser("Agent", null).Id;

        CreateAccount(org.ServiceAs(agent));

        var traces = TraceTexts(org);
        Assert.Equal($"user {agent} initiating {agent}", traces[0]);
        var contact = Assert.Single(org.Service.RetrieveMultiple(new QueryExpression(Contact.EntityName) { ColumnSet = new ColumnSet("createdby", Contact.OwnerId) }).Entities);
        Assert.Equal(org.SystemUserId, contact.GetAttributeValue<EntityReference>("createdby").Id);
        Assert.Equal($"contact {contact.Id} system {org.SystemUserId}", traces[1]);
    }

    [Fact]
    public void CreateWithOnePluginRetrieve_Should_CountTwoRequestsOneFromThePlugin()
    {
        var org = OrgWith(typeof(RetrievingPlugin));
        org.Requests.Reset();

        CreateAccount(org.Service);

        Assert.Equal(2, org.Requests.Total);
        Assert.Equal(1, org.Requests.FromPlugins);
        Assert.Equal(1, org.Requests.Of(MessageNames.Create));
        Assert.Equal(1, org.Requests.Of(MessageNames.Retrieve));
    }

    [Fact]
    public void CustomApi_Should_RunItsPluginAndReturnDeclaredResponseProperties()
    {
        var org = OrgWith(typeof(EchoCustomApi));

        var response = org.Service.Execute(new OrganizationRequest("vfd_TestEcho") { ["Text"] = "ab", ["Times"] = 2 });

        Assert.Equal("abab", response["Echo"]);
    }

    [Fact]
    public void CustomApiWithoutRequiredParameter_Should_BeRefused()
    {
        var org = OrgWith(typeof(EchoCustomApi));

        var fault = Assert.Throws<FaultException<OrganizationServiceFault>>(() => org.Service.Execute(new OrganizationRequest("vfd_TestEcho")));

        Assert.Contains("requires the parameter 'Text'", fault.Detail.Message);
    }

    [Fact]
    public void UnknownMessage_Should_BeRefusedAsNotSupported()
    {
        var org = OrgWith();

        var fault = Assert.Throws<FaultException<OrganizationServiceFault>>(() => org.Service.Execute(new OrganizationRequest("vfd_NoSuchApi")));

        Assert.Equal(Faults.RequestNotSupported, fault.Detail.ErrorCode);
    }
}
