using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using VoiceForD365.LocalOrg.Query;
using Xunit;

namespace VoiceForD365.Tests.LocalOrg.Query;

/// <summary>Orders on every column kind, link orders and the primary-id tie-break (QueryPlan.Orders.cs).</summary>
public class OrderTests : QueryEngineTestBase
{
    [Fact]
    public void AscendingOrderOnText_Should_SortCaseInsensitivelyWithNullsFirst()
    {
        var crm = new Sample();
        var query = Accounts();
        query.AddOrder("name", OrderType.Ascending);
        Assert.Equal(["<null>", "Adventure Works", "Contoso", "contoso east", "Fabrikam"], crm.Names(query));
    }

    [Fact]
    public void DescendingOrderOnMoney_Should_SortNullsLast()
    {
        var crm = new Sample();
        var query = Accounts();
        query.AddOrder("revenue", OrderType.Descending);
        query.AddOrder("name", OrderType.Ascending);
        Assert.Equal(["Fabrikam", "Contoso", "contoso east", "<null>", "Adventure Works"], crm.Names(query));
    }

    [Fact]
    public void OrderOnChoice_Should_SortByLabel()
    {
        var crm = new Sample();
        var query = Accounts(Condition("industrycode", ConditionOperator.NotNull));
        query.AddOrder("industrycode", OrderType.Ascending);
        // Agriculture (2), Manufacturing (3), Zoology (1)
        Assert.Equal(["Fabrikam", "Adventure Works", "Contoso"], crm.Names(query));
    }

    [Fact]
    public void OrderOnLookup_Should_SortByReferencedName()
    {
        var crm = new Sample();
        crm.Adventure["primarycontactid"] = new EntityReference("contact", crm.Dave.Id);
        crm.Contoso["primarycontactid"] = new EntityReference("contact", crm.Carol.Id);
        var query = Accounts(Condition("primarycontactid", ConditionOperator.NotNull));
        query.AddOrder("primarycontactid", OrderType.Descending);
        // Dave, Carol, Bob
        Assert.Equal(["Adventure Works", "Contoso", "Fabrikam"], crm.Names(query));
    }

    [Fact]
    public void OrderOnLinkEntity_Should_ApplyAfterMainOrders()
    {
        var crm = new Sample();
        var query = Accounts();
        query.AddOrder("name", OrderType.Ascending);
        var link = query.AddLink("contact", "accountid", "parentcustomerid");
        link.EntityAlias = "c";
        link.Columns = new ColumnSet("fullname");
        link.Orders.Add(new OrderExpression("fullname", OrderType.Descending));
        var rows = crm.Run(query).Entities;
        Assert.Equal(["Carol Clark", "Alice Anders", "Bob Brown"], rows.Select(e => (string)e.GetAttributeValue<AliasedValue>("c.fullname").Value!));
    }

    [Fact]
    public void OrderWithEntityNameOfLink_Should_SortByLinkedColumn()
    {
        var crm = new Sample();
        var query = new QueryExpression("contact") { ColumnSet = new ColumnSet("fullname") };
        query.AddLink("account", "parentcustomerid", "accountid").EntityAlias = "a";
        query.Orders.Add(new OrderExpression("numberofemployees", OrderType.Descending) { EntityName = "a" });
        query.AddOrder("fullname", OrderType.Ascending);
        Assert.Equal(["Bob Brown", "Alice Anders", "Carol Clark"], crm.Names(query, "fullname"));
    }

    [Fact]
    public void EqualSortKeys_Should_BeOrderedByPrimaryId()
    {
        var source = new FakeQuerySource();
        for (var i = 0; i < 20; i++) source.AddAccount("Same");
        var query = Accounts();
        query.AddOrder("name", OrderType.Ascending);
        var ids = QueryEngine.Execute(query, source).Entities.Select(e => e.Id).ToList();
        Assert.Equal(ids.Order().ToList(), ids);
    }
}
