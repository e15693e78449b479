using System.ServiceModel;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using VoiceForD365.Core.Schema;
using VoiceForD365.LocalOrg;
using Xunit;

namespace VoiceForD365.Tests.Callbacks;

/// <summary>
/// The Callback List virtual table (SPEC C6) through the local organization's pipeline: Retrieve and RetrieveMultiple
/// answered by the data provider's plug-ins from the Enreach emulator's callback lists, nothing stored.
/// </summary>
public sealed class CallbackListTableTests : IDisposable
{
    private readonly CallbackListOrg _org = new();

    public void Dispose() => _org.Dispose();

    private IOrganizationService Service => _org.Service;

    private static FaultException<OrganizationServiceFault> Fault(Action action) => Assert.Throws<FaultException<OrganizationServiceFault>>(action);

    private static List<string> Names(EntityCollection lists) => lists.Entities.Select(e => e.GetAttributeValue<string>(CallbackList.Name) ?? "(no name)").ToList();

    [Fact]
    public void ListViewQuery_Should_GiveEveryEnreachListSortedByNameFromOneEnreachRequest()
    {
        var query = new QueryExpression(CallbackList.EntityName) { ColumnSet = new ColumnSet(CallbackList.Name, CallbackList.QueueName) };
        query.AddOrder(CallbackList.Name, OrderType.Ascending);

        var lists = Service.RetrieveMultiple(query);

        Assert.Equal(["Sales callbacks", "Suppliers", "Support callbacks"], Names(lists));
        Assert.Equal(CallbackList.EntityName, lists.EntityName);
        var support = lists.Entities[2];
        Assert.Equal((CallbackListOrg.SupportId, "Support"), (support.Id, support.GetAttributeValue<string>(CallbackList.QueueName)));
        Assert.False(support.Contains(CallbackList.Description));
        Assert.Equal(1, _org.ListRequests);
        Assert.Contains(_org.Org.Traces, t => t.Text.Contains("3 of Enreach's 3 callback lists answer the query", StringComparison.Ordinal));
    }

    [Fact]
    public void RetrieveById_Should_GiveTheListWithTheColumnsAskedFor()
    {
        var list = Service.Retrieve(CallbackList.EntityName, CallbackListOrg.SupportId, new ColumnSet(CallbackList.Name, CallbackList.Description, CallbackList.EnreachQueueId));

        Assert.Equal(CallbackListOrg.SupportId, list.Id);
        Assert.Equal(("Support callbacks", "Missed calls of the support queue", CallbackListOrg.SupportQueueId.ToString("D")),
            (list.GetAttributeValue<string>(CallbackList.Name), list.GetAttributeValue<string>(CallbackList.Description), list.GetAttributeValue<string>(CallbackList.EnreachQueueId)));
        Assert.False(list.Contains(CallbackList.QueueName));
    }

    [Fact]
    public void RetrieveOfAListEnreachDoesNotHave_Should_FailAsDoesNotExist()
    {
        var missing = Guid.NewGuid();

        var fault = Fault(() => Service.Retrieve(CallbackList.EntityName, missing, new ColumnSet(true)));

        Assert.Equal(ErrorCodes.ObjectDoesNotExist, fault.Detail.ErrorCode);
        Assert.Contains($"Enreach has no callback list with the id {missing:D}", fault.Detail.Message);
    }

    [Fact]
    public void LookupSearchAsFetchXml_Should_FindTheListsWhoseNameBeginsWithTheText()
    {
        // What a lookup sends as the user types "sup": the quick find view's fetch with the text and a wildcard.
        const string fetch = """
            <fetch count="50">
              <entity name="vfd_callbacklist">
                <attribute name="vfd_name" />
                <filter type="or"><condition attribute="vfd_name" operator="like" value="sup%" /></filter>
                <order attribute="vfd_name" />
              </entity>
            </fetch>
            """;

        var lists = Service.RetrieveMultiple(new FetchExpression(fetch));

        Assert.Equal(["Suppliers", "Support callbacks"], Names(lists));
    }

    [Theory]
    [InlineData(ConditionOperator.Equal, "support CALLBACKS", "Support callbacks")]
    [InlineData(ConditionOperator.Like, "%callbacks", "Sales callbacks,Support callbacks")]
    [InlineData(ConditionOperator.Like, "S_les%", "Sales callbacks")]
    [InlineData(ConditionOperator.BeginsWith, "Supp", "Suppliers,Support callbacks")]
    [InlineData(ConditionOperator.NotEqual, "Suppliers", "Sales callbacks,Support callbacks")]
    public void FilterOnName_Should_MatchAsDataverseComparesTextIgnoringCase(ConditionOperator condition, string value, string expected)
    {
        var query = new QueryExpression(CallbackList.EntityName) { ColumnSet = new ColumnSet(CallbackList.Name) };
        query.Criteria.AddCondition(CallbackList.Name, condition, value);
        query.AddOrder(CallbackList.Name, OrderType.Ascending);

        var lists = Service.RetrieveMultiple(query);

        Assert.Equal(expected.Split(','), Names(lists));
    }

    [Fact]
    public void FilterOnIdsAndAColumnNotSelected_Should_ApplyBoth()
    {
        var query = new QueryExpression(CallbackList.EntityName) { ColumnSet = new ColumnSet(CallbackList.Name) };
        query.Criteria.AddCondition(CallbackList.PrimaryId, ConditionOperator.In, CallbackListOrg.SupportId, CallbackListOrg.SuppliersId);
        query.Criteria.AddCondition(CallbackList.Description, ConditionOperator.NotNull);
        query.AddOrder(CallbackList.Name, OrderType.Descending);

        var lists = Service.RetrieveMultiple(query);

        Assert.Equal(["Support callbacks", "Suppliers"], Names(lists));
        Assert.All(lists.Entities, e => Assert.False(e.Contains(CallbackList.Description)));
    }

    [Fact]
    public void PagedQuery_Should_ServeEachPageAndSayWhetherMoreFollow()
    {
        Page(1, out var first);
        Page(2, out var second);

        Assert.Equal(["Sales callbacks", "Suppliers"], Names(first));
        Assert.Equal((true, 3), (first.MoreRecords, first.TotalRecordCount));
        Assert.Equal(["Support callbacks"], Names(second));
        Assert.False(second.MoreRecords);

        void Page(int number, out EntityCollection page)
        {
            var query = new QueryExpression(CallbackList.EntityName)
            {
                ColumnSet = new ColumnSet(CallbackList.Name),
                PageInfo = new PagingInfo { Count = 2, PageNumber = number, ReturnTotalRecordCount = true },
            };
            query.AddOrder(CallbackList.Name, OrderType.Ascending);
            page = Service.RetrieveMultiple(query);
        }
    }

    [Fact]
    public void EnreachDown_Should_FailTheQueryWithEnreachsMessageAndNotAnswerAnEmptyList()
    {
        _org.Enreach.Faults.ServerError(statusCode: 503);

        var fault = Fault(() => Service.RetrieveMultiple(new QueryExpression(CallbackList.EntityName) { ColumnSet = new ColumnSet(CallbackList.Name) }));

        Assert.Equal(ErrorCodes.PluginError, fault.Detail.ErrorCode);
        Assert.StartsWith("Voice for D365 could not read the callback lists from Enreach: ", fault.Detail.Message);
        Assert.Contains("503", fault.Detail.Message);
        Assert.True(_org.ListRequests >= 2, "the read was not retried before it failed");
    }

    [Fact]
    public void QueryTheTableCannotAnswer_Should_SayWhatItCanDo()
    {
        var query = new QueryExpression(CallbackList.EntityName) { ColumnSet = new ColumnSet(CallbackList.Name) };
        query.Criteria.AddCondition(CallbackList.Name, ConditionOperator.GreaterThan, "M");

        var fault = Fault(() => Service.RetrieveMultiple(query));

        Assert.Contains("The Callback List table can't filter vfd_name with the operator GreaterThan; it filters with Equal, NotEqual, Like", fault.Detail.Message);
    }

    [Fact]
    public void CreateUpdateAndDelete_Should_BeRefusedWithoutAskingEnreach()
    {
        var create = Fault(() => Service.Create(new Entity(CallbackList.EntityName) { [CallbackList.Name] = "New list" }));
        var update = Fault(() => Service.Update(new Entity(CallbackList.EntityName, CallbackListOrg.SupportId) { [CallbackList.Name] = "Renamed" }));
        var delete = Fault(() => Service.Delete(CallbackList.EntityName, CallbackListOrg.SupportId));

        Assert.All([create, update, delete], f => Assert.Equal(Faults.VirtualEntityFailure, f.Detail.ErrorCode));
        Assert.Equal(["Create", "Update", "Delete"], new[] { create, update, delete }.Select(f =>
            System.Text.RegularExpressions.Regex.Match(f.Detail.Message, @"does not implement (\w+)").Groups[1].Value));
        Assert.StartsWith("Virtual Entity Operation Failed. The data provider of the virtual table vfd_callbacklist", create.Detail.Message);
        Assert.Equal(0, _org.ListRequests);
    }

    [Fact]
    public void TypedRetrieveMultipleRequest_Should_GetATypedResponse()
    {
        var response = (RetrieveMultipleResponse)Service.Execute(new RetrieveMultipleRequest { Query = new QueryByAttribute(CallbackList.EntityName) { ColumnSet = new ColumnSet(CallbackList.Name), Attributes = { CallbackList.Name }, Values = { "Suppliers" } } });

        Assert.Equal([CallbackListOrg.SuppliersId], response.EntityCollection.Entities.Select(e => e.Id));
    }

    [Fact]
    public void VirtualTable_Should_HaveNoRowsInTheStoreAndItsProviderRegistered()
    {
        var provider = Assert.Single(_org.Org.DataProviders);

        Assert.Equal(CallbackList.EntityName, provider.Table);
        Assert.Equal(["Retrieve", "RetrieveMultiple"], provider.Declaration.Operations.Select(o => o.Message));
        Assert.Equal("VoiceForD365.Plugins.Callbacks.CallbackListRetrieve", provider.Operation(MessageNames.Retrieve)!.PluginType.FullName);
        Assert.DoesNotContain(_org.Org.Steps, s => s.Declaration.Table == CallbackList.EntityName);
    }
}
