using System.ServiceModel;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using VoiceForD365.Core.Schema;
using VoiceForD365.LocalOrg;
using Xunit;

namespace VoiceForD365.Tests.LocalOrg;

/// <summary>FetchXML, ExecuteMultiple and ExecuteTransaction in the local organization: what the contract suite does not reach.</summary>
public sealed class FetchAndBatchTests
{
    private readonly LocalOrganization _org = new();

    [Fact]
    public void FetchXmlOutsideTheSchema_Should_FailSayingWhatDoesNotFit()
    {
        var fault = Assert.Throws<FaultException<OrganizationServiceFault>>(() =>
            _org.Service.RetrieveMultiple(new FetchExpression("<fetch><entity name='account'><condition attribute='name' operator='sounds-like' value='x'/></entity></fetch>")));

        Assert.Equal(ErrorCodes.InvalidArgument, fault.Detail.ErrorCode);
        Assert.Contains("does not match the fetch schema", fault.Detail.Message);
    }

    [Fact]
    public void FetchConditionValue_Should_BeReadAsTheColumnsType()
    {
        _org.Service.Create(new Entity(Account.EntityName) { [Account.Name] = "Big", ["numberofemployees"] = 500, ["industrycode"] = new OptionSetValue(2) });
        _org.Service.Create(new Entity(Account.EntityName) { [Account.Name] = "Small", ["numberofemployees"] = 5, ["industrycode"] = new OptionSetValue(3) });

        var rows = _org.Service.RetrieveMultiple(new FetchExpression(
            "<fetch><entity name='account'><attribute name='name'/><filter><condition attribute='numberofemployees' operator='ge' value='100'/>" +
            "<condition attribute='industrycode' operator='in'><value>1</value><value>2</value></condition></filter></entity></fetch>")).Entities;

        Assert.Equal("Big", Assert.Single(rows)[Account.Name]);
    }

    [Fact]
    public void ExecuteMultipleOfMoreThan1000Requests_Should_FailAndRunNone()
    {
        var request = new ExecuteMultipleRequest { Requests = new OrganizationRequestCollection(), Settings = new ExecuteMultipleSettings() };
        for (var i = 0; i < 1001; i++) request.Requests.Add(new CreateRequest { Target = new Entity(Account.EntityName) { [Account.Name] = $"A{i}" } });

        var fault = Assert.Throws<FaultException<OrganizationServiceFault>>(() => _org.Service.Execute(request));

        Assert.Contains("at most 1000", fault.Detail.Message);
        Assert.Empty(_org.Service.RetrieveMultiple(new QueryExpression(Account.EntityName)).Entities);
    }

    [Fact]
    public void ExecuteMultipleStoppingOnError_Should_KeepWhatRanBeforeAndSkipTheRest()
    {
        var request = new ExecuteMultipleRequest { Requests = new OrganizationRequestCollection(), Settings = new ExecuteMultipleSettings { ReturnResponses = true } };
        request.Requests.Add(new CreateRequest { Target = new Entity(Account.EntityName) { [Account.Name] = "Kept" } });
        request.Requests.Add(new DeleteRequest { Target = new EntityReference(Account.EntityName, Guid.NewGuid()) });
        request.Requests.Add(new CreateRequest { Target = new Entity(Account.EntityName) { [Account.Name] = "Never" } });

        var response = (ExecuteMultipleResponse)_org.Service.Execute(request);

        Assert.True(response.IsFaulted);
        Assert.Equal([0, 1], response.Responses.Select(r => r.RequestIndex));
        Assert.Equal(ErrorCodes.ObjectDoesNotExist, response.Responses[1].Fault.ErrorCode);
        Assert.Equal(["Kept"], _org.Service.RetrieveMultiple(new QueryExpression(Account.EntityName) { ColumnSet = new ColumnSet(Account.Name) }).Entities.Select(e => (string)e[Account.Name]!));
    }
}
