using System.ServiceModel;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using VoiceForD365.Core.Schema;
using VoiceForD365.LocalOrg;
using Xunit;

namespace VoiceForD365.Tests.Execution;

/// <summary>The execution path plug-ins and workflow activities share, seen through the local organization's pipeline.</summary>
public class ExecutionScopeTests
{
    private const string SecretName = "Contoso-secret-name-4711";
    private const string SecretPhone = "+358 40 4711 secret";

    private static LocalOrganization OrgWith(Type plugin) => new(new LocalOrganizationOptions { PluginTypes = [plugin] });

    private static LocalOrganization OrgWithActivities() =>
        new(new LocalOrganizationOptions { WorkflowAssemblies = [typeof(ExecutionScopeTests).Assembly], Processes = [] });

    private static string[] Traces(LocalOrganization org) => org.Traces.Select(t => t.Text).ToArray();

    private static string CorrelationId(LocalOrganization org) =>
        Assert.Single(Traces(org), t => t.StartsWith("correlation ", StringComparison.Ordinal))["correlation ".Length..];

    private static FaultException<OrganizationServiceFault> CreateAccount(LocalOrganization org) =>
        Assert.Throws<FaultException<OrganizationServiceFault>>(() =>
            org.Service.Create(new Entity(Account.EntityName) { [Account.Name] = SecretName, [Account.Telephone1] = SecretPhone }));

    [Fact]
    public void PluginThrowingAnActionableError_Should_FailWithItsMessageUnchanged()
    {
        var org = OrgWith(typeof(ActionableFailurePlugin));

        var fault = CreateAccount(org);

        Assert.Equal(Failures.Actionable, fault.Detail.Message);
        Assert.Contains($"Stopped: {Failures.Actionable}", Traces(org));
        Assert.Empty(org.Service.RetrieveMultiple(new QueryExpression(Account.EntityName)).Entities);
    }

    [Fact]
    public void PluginThrowingAnUnexpectedError_Should_FailWithTheCorrelationIdAndTraceTheContextWithoutValues()
    {
        var org = OrgWith(typeof(UnexpectedFailurePlugin));

        var fault = CreateAccount(org);

        var correlationId = CorrelationId(org);
        Assert.Equal(Faults.PluginError, fault.Detail.ErrorCode);
        Assert.StartsWith($"Voice for D365 could not complete Create of account ({typeof(UnexpectedFailurePlugin).FullName}): {Failures.Unexpected}", fault.Detail.Message);
        Assert.Contains($"correlation id {correlationId}", fault.Detail.Message);
        var context = Assert.Single(Traces(org), t => t.StartsWith("Unexpected exception in ", StringComparison.Ordinal));
        Assert.Contains("message Create, table account", context);
        Assert.Contains($"correlation id {correlationId}", context);
        Assert.Contains("depth 1", context);
        Assert.Contains($"Target (Microsoft.Xrm.Sdk.Entity account with columns {Account.Name}, {Account.Telephone1})", context);
        Assert.All(Traces(org).Append(fault.Detail.Message), t => Assert.DoesNotContain(SecretName, t));
        Assert.All(Traces(org).Append(fault.Detail.Message), t => Assert.DoesNotContain(SecretPhone, t));
    }

    [Fact]
    public void ActivityThrowingAnActionableError_Should_FailWithItsMessageUnchanged()
    {
        var org = OrgWithActivities();

        var fault = Assert.Throws<FaultException<OrganizationServiceFault>>(() =>
            org.RunWorkflowActivity<ActionableFailureActivity>(new Dictionary<string, object?> { ["Text"] = SecretName }));

        Assert.Equal(Failures.Actionable, fault.Detail.Message);
        Assert.Contains($"Stopped: {Failures.Actionable}", Traces(org));
    }

    [Fact]
    public void ActivityThrowingAnUnexpectedError_Should_FailWithTheCorrelationIdAndTraceTheContextWithoutValues()
    {
        var org = OrgWithActivities();
        var account = new EntityReference(Account.EntityName, Guid.NewGuid());

        var fault = Assert.Throws<FaultException<OrganizationServiceFault>>(() =>
            org.RunWorkflowActivity<UnexpectedFailureActivity>(new Dictionary<string, object?> { ["Text"] = SecretName }, new WorkflowActivityRunOptions { PrimaryEntity = account }));

        var correlationId = CorrelationId(org);
        Assert.StartsWith($"Voice for D365 could not complete ExecuteWorkflow of account ({typeof(UnexpectedFailureActivity).FullName}): {Failures.Unexpected}", fault.Detail.Message);
        Assert.Contains($"correlation id {correlationId}", fault.Detail.Message);
        var context = Assert.Single(Traces(org), t => t.StartsWith("Unexpected exception in ", StringComparison.Ordinal));
        Assert.Contains($"message ExecuteWorkflow, table account, record {account.Id}, background process, depth 1, correlation id {correlationId}", context);
        Assert.All(Traces(org).Append(fault.Detail.Message), t => Assert.DoesNotContain(SecretName, t));
    }
}
