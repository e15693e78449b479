using System.ServiceModel;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using VoiceForD365.Core.Schema;
using VoiceForD365.LocalOrg;
using Xunit;

namespace VoiceForD365.Tests.LocalOrg;

/// <summary>Query semantics as a caller of IOrganizationService sees them (the engine's own cases are in QueryEngineTests).</summary>
public class QueryThroughServiceTests
{
    private static readonly DateTime Now = new(2026, 3, 10, 12, 0, 0, DateTimeKind.Utc);
    private readonly LocalOrganization _org = new(new LocalOrganizationOptions { UtcNow = () => Now });

    private IOrganizationService Service => _org.Service;

    private Guid Account(string name, string? phone = null) =>
        Service.Create(new Entity(Core.Schema.Account.EntityName) { [Core.Schema.Account.Name] = name, [Core.Schema.Account.Telephone1] = phone });

    private Guid Contact(string lastName, Guid? account = null, string? mobile = null) =>
        Service.Create(new Entity(Core.Schema.Contact.EntityName)
        {
            [Core.Schema.Contact.LastName] = lastName,
            [Core.Schema.Contact.MobilePhone] = mobile,
            [Core.Schema.Contact.ParentCustomerId] = account is { } id ? new EntityReference(Core.Schema.Account.EntityName, id) : null,
        });

    private string[] AccountNames(ConditionOperator op, params object[] values)
    {
        var query = new QueryExpression(Core.Schema.Account.EntityName) { ColumnSet = new ColumnSet(Core.Schema.Account.Name) };
        query.Criteria.AddCondition(Core.Schema.Account.Telephone1, op, values);
        query.AddOrder(Core.Schema.Account.Name, OrderType.Ascending);
        return Service.RetrieveMultiple(query).Entities.Select(e => e.GetAttributeValue<string>(Core.Schema.Account.Name)).ToArray();
    }

    [Theory]
    [InlineData(ConditionOperator.Equal, new object[] { "+358401" }, "A")]
    [InlineData(ConditionOperator.NotEqual, new object[] { "+358401" }, "B,C")]
    [InlineData(ConditionOperator.In, new object[] { "+358401", "040-2" }, "A,B")]
    [InlineData(ConditionOperator.Like, new object[] { "%40%" }, "A,B")]
    [InlineData(ConditionOperator.BeginsWith, new object[] { "+358" }, "A,C")]
    [InlineData(ConditionOperator.EndsWith, new object[] { "-2" }, "B")]
    [InlineData(ConditionOperator.Null, new object[0], "D")]
    [InlineData(ConditionOperator.NotNull, new object[0], "A,B,C")]
    public void PhoneCondition_Should_MatchLikeDataverse(ConditionOperator op, object[] values, string expected)
    {
        Account("A", "+358401");
        Account("B", "040-2");
        Account("C", "+35891");
        Account("D");

        Assert.Equal(expected.Split(','), AccountNames(op, values));
    }

    [Fact]
    public void CreatedOnDateOperators_Should_UseTheOrganizationClock()
    {
        Account("Today");
        var query = new QueryExpression(Core.Schema.Account.EntityName) { ColumnSet = new ColumnSet(Core.Schema.Account.Name) };
        query.Criteria.AddCondition("createdon", ConditionOperator.On, Now.Date);
        query.Criteria.AddCondition("createdon", ConditionOperator.LastXHours, 1);

        Assert.Single(Service.RetrieveMultiple(query).Entities);
    }

    [Fact]
    public void NestedOrInsideAnd_Should_CombineConditions()
    {
        Account("A", "+358401");
        Account("B", "040-2");
        Account("C", "+35891");
        var query = new QueryExpression(Core.Schema.Account.EntityName) { ColumnSet = new ColumnSet(Core.Schema.Account.Name) };
        query.Criteria.AddCondition(Core.Schema.Account.Telephone1, ConditionOperator.NotNull);
        var either = query.Criteria.AddFilter(LogicalOperator.Or);
        either.AddCondition(Core.Schema.Account.Name, ConditionOperator.Equal, "A");
        either.AddCondition(Core.Schema.Account.Telephone1, ConditionOperator.EndsWith, "91");
        query.AddOrder(Core.Schema.Account.Name, OrderType.Descending);

        Assert.Equal(["C", "A"], Service.RetrieveMultiple(query).Entities.Select(e => (string)e[Core.Schema.Account.Name]!));
    }

    [Fact]
    public void ContactsWithOuterLinkToAccount_Should_ReturnAliasedAccountNameOrNothing()
    {
        Contact("Virtanen", Account("Contoso"), "+35840111");
        Contact("Korhonen", mobile: "+35840222");
        var query = new QueryExpression(Core.Schema.Contact.EntityName) { ColumnSet = new ColumnSet(Core.Schema.Contact.LastName) };
        var link = query.AddLink(Core.Schema.Account.EntityName, Core.Schema.Contact.ParentCustomerId, Core.Schema.Account.PrimaryId, JoinOperator.LeftOuter);
        link.EntityAlias = "company";
        link.Columns = new ColumnSet(Core.Schema.Account.Name);
        query.AddOrder(Core.Schema.Contact.LastName, OrderType.Ascending);

        var rows = Service.RetrieveMultiple(query).Entities;

        Assert.Equal(2, rows.Count);
        Assert.False(rows[0].Contains("company.name"));
        var company = rows[1].GetAttributeValue<AliasedValue>("company.name");
        Assert.Equal((Core.Schema.Account.EntityName, Core.Schema.Account.Name, (object?)"Contoso"), (company.EntityLogicalName, company.AttributeLogicalName, company.Value));
    }

    [Fact]
    public void InnerLinkWithCriteria_Should_KeepOnlyRowsWhoseLinkedRowMatches()
    {
        Contact("Virtanen", Account("Contoso"));
        Contact("Nieminen", Account("Fabrikam"));
        Contact("Korhonen");
        var query = new QueryExpression(Core.Schema.Contact.EntityName) { ColumnSet = new ColumnSet(Core.Schema.Contact.LastName) };
        query.AddLink(Core.Schema.Account.EntityName, Core.Schema.Contact.ParentCustomerId, Core.Schema.Account.PrimaryId)
            .LinkCriteria.AddCondition(Core.Schema.Account.Name, ConditionOperator.BeginsWith, "fab");

        Assert.Equal("Nieminen", Assert.Single(Service.RetrieveMultiple(query).Entities)[Core.Schema.Contact.LastName]);
    }

    [Fact]
    public void PagingWithCookies_Should_ReturnEveryRowExactlyOnceAcrossPages()
    {
        for (var i = 0; i < 1_250; i++) Contact($"Contact {i:D4}");
        var query = new QueryExpression(Core.Schema.Contact.EntityName) { ColumnSet = new ColumnSet(Core.Schema.Contact.LastName), PageInfo = new PagingInfo { Count = 500, PageNumber = 1 } };
        query.AddOrder(Core.Schema.Contact.LastName, OrderType.Ascending);
        var seen = new List<string>();
        EntityCollection page;
        do
        {
            page = Service.RetrieveMultiple(query);
            seen.AddRange(page.Entities.Select(e => (string)e[Core.Schema.Contact.LastName]!));
            query.PageInfo.PageNumber++;
            query.PageInfo.PagingCookie = page.PagingCookie;
        }
        while (page.MoreRecords);

        Assert.Equal(3, query.PageInfo.PageNumber - 1);
        Assert.Equal(Enumerable.Range(0, 1_250).Select(i => $"Contact {i:D4}"), seen);
    }

    [Fact]
    public void TopCount_Should_LimitTheRows()
    {
        for (var i = 0; i < 5; i++) Account($"A{i}");

        var rows = Service.RetrieveMultiple(new QueryExpression(Core.Schema.Account.EntityName) { TopCount = 2, ColumnSet = new ColumnSet(Core.Schema.Account.Name) });

        Assert.Equal(2, rows.Entities.Count);
    }

    [Fact]
    public void QueryOnUnknownColumn_Should_BeRefused()
    {
        var query = new QueryExpression(Core.Schema.Account.EntityName);
        query.Criteria.AddCondition("new_rating", ConditionOperator.Equal, 5);

        var fault = Assert.Throws<FaultException<OrganizationServiceFault>>(() => Service.RetrieveMultiple(query));

        Assert.Equal(Faults.AttributeNotFound, fault.Detail.ErrorCode);
    }
}
