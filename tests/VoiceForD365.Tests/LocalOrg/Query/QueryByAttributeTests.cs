using Microsoft.Xrm.Sdk.Query;
using VoiceForD365.LocalOrg;
using Xunit;

namespace VoiceForD365.Tests.LocalOrg.Query;

/// <summary>QueryByAttribute, evaluated as the QueryExpression it stands for (QuerySpec.cs).</summary>
public class QueryByAttributeTests : QueryEngineTestBase
{
    [Fact]
    public void QueryByAttribute_Should_MatchAllAttributeValues()
    {
        var crm = new Sample();
        var query = new QueryByAttribute("contact") { ColumnSet = new ColumnSet("fullname") };
        query.AddAttributeValue("parentcustomerid", crm.Contoso.Id);
        query.AddAttributeValue("fullname", "carol clark");
        Assert.Equal(["Carol Clark"], crm.Names(query, "fullname"));
    }
    [Fact]
    public void QueryByAttributeWithOrderAndTopCount_Should_ReturnFirstRows()
    {
        var crm = new Sample();
        var query = new QueryByAttribute("contact") { ColumnSet = new ColumnSet("fullname"), TopCount = 1 };
        query.AddAttributeValue("parentcustomerid", crm.Contoso.Id);
        query.AddOrder("fullname", OrderType.Descending);
        Assert.Equal(["Carol Clark"], crm.Names(query, "fullname"));
    }
    [Fact]
    public void QueryByAttributeWithPaging_Should_ReturnPagesAndCookie()
    {
        var crm = new Sample();
        var query = new QueryByAttribute("contact") { ColumnSet = new ColumnSet("fullname") };
        query.AddAttributeValue("parentcustomerid", crm.Contoso.Id);
        query.AddOrder("fullname", OrderType.Ascending);
        query.PageInfo = new PagingInfo { Count = 1, PageNumber = 1 };
        var first = crm.Run(query);
        query.PageInfo.PageNumber = 2;
        query.PageInfo.PagingCookie = first.PagingCookie;
        var second = crm.Run(query);
        Assert.Equal("Alice Anders", first.Entities.Single().GetAttributeValue<string>("fullname"));
        Assert.True(first.MoreRecords);
        Assert.Equal("Carol Clark", second.Entities.Single().GetAttributeValue<string>("fullname"));
        Assert.False(second.MoreRecords);
    }
    [Fact]
    public void QueryByAttributeWithMismatchedValues_Should_FaultWithInvalidArgument()
    {
        var crm = new Sample();
        var query = new QueryByAttribute("contact");
        query.Attributes.Add("fullname");
        Assert.Equal(Faults.InvalidArgument, Fault(() => crm.Run(query)).ErrorCode);
    }
    [Fact]
    public void QueryByAttributeWithUnknownColumn_Should_FaultWithAttributeNotFound()
    {
        var crm = new Sample();
        var query = new QueryByAttribute("contact");
        query.AddAttributeValue("nosuchcolumn", "x");
        Assert.Equal(Faults.AttributeNotFound, Fault(() => crm.Run(query)).ErrorCode);
    }
}
