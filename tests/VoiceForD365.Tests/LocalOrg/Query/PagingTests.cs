using System.Text.RegularExpressions;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using VoiceForD365.LocalOrg;
using VoiceForD365.LocalOrg.Query;
using Xunit;

namespace VoiceForD365.Tests.LocalOrg.Query;

/// <summary>TopCount, page numbers, paging cookies and total record counts (QueryPlan.Paging.cs, PagingCookie.cs).</summary>
public class PagingTests : QueryEngineTestBase
{
    [Fact]
    public void TopCount_Should_ReturnTheFirstRowsInOrder()
    {
        var crm = new Sample();
        var query = Accounts();
        query.AddOrder("numberofemployees", OrderType.Descending);
        query.TopCount = 2;
        var result = crm.Run(query);
        Assert.Equal(["Fabrikam", "Contoso"], result.Entities.Select(e => e.GetAttributeValue<string>("name")));
        Assert.False(result.MoreRecords);
    }
    [Fact]
    public void TopCountWithPageInfo_Should_FaultWithInvalidArgument()
    {
        var crm = new Sample();
        var query = Accounts();
        query.TopCount = 2;
        query.PageInfo = new PagingInfo { Count = 2, PageNumber = 1 };
        Assert.Equal(Faults.InvalidArgument, Fault(() => crm.Run(query)).ErrorCode);
    }
    [Fact]
    public void TopCountAboveLimit_Should_FaultWithInvalidArgument()
    {
        var crm = new Sample();
        var query = Accounts();
        query.TopCount = 5001;
        Assert.Equal(Faults.InvalidArgument, Fault(() => crm.Run(query)).ErrorCode);
    }

    private static FakeQuerySource NumberedAccounts(int count)
    {
        var source = new FakeQuerySource();
        for (var i = 1; i <= count; i++)
        {
            var n = i;
            source.AddAccount($"Account {n:D5}", a => a["numberofemployees"] = n % 7);
        }
        return source;
    }

    private static List<EntityCollection> AllPages(QueryExpression query, IQuerySource source, int pageSize)
    {
        var pages = new List<EntityCollection>();
        query.PageInfo = new PagingInfo { Count = pageSize, PageNumber = 1 };
        while (true)
        {
            var page = QueryEngine.Execute(query, source);
            pages.Add(page);
            if (!page.MoreRecords) return pages;
            query.PageInfo.PageNumber++;
            query.PageInfo.PagingCookie = page.PagingCookie;
            Assert.True(pages.Count < 10_000, "paging doesn't end");
        }
    }

    [Fact]
    public void PagingWithCookies_Should_ReturnEveryRowExactlyOnce()
    {
        var source = NumberedAccounts(103);
        var query = Accounts();
        query.AddOrder("numberofemployees", OrderType.Descending); // many ties: paging relies on the id tie-break
        var pages = AllPages(query, source, 10);
        Assert.Equal(11, pages.Count);
        Assert.All(pages.Take(10), p => Assert.Equal(10, p.Entities.Count));
        Assert.Equal(3, pages[^1].Entities.Count);
        var ids = pages.SelectMany(p => p.Entities).Select(e => e.Id).ToList();
        Assert.Equal(103, ids.Distinct().Count());
        Assert.Equal(103, ids.Count);
    }

    [Fact]
    public void PagingCookie_Should_UseDataverseFormat()
    {
        var source = NumberedAccounts(5);
        var query = Accounts();
        query.PageInfo = new PagingInfo { Count = 2, PageNumber = 1 };
        var page = QueryEngine.Execute(query, source);
        Assert.True(page.MoreRecords);
        const string id = @"\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}";
        Assert.Matches(new Regex($"^<cookie page=\"1\"><accountid last=\"{id}\" first=\"{id}\" /></cookie>$"), page.PagingCookie!);
        Assert.Contains($"first=\"{page.Entities[0].Id.ToString("B").ToUpperInvariant()}\"", page.PagingCookie);
        Assert.Contains($"last=\"{page.Entities[1].Id.ToString("B").ToUpperInvariant()}\"", page.PagingCookie);
    }

    [Fact]
    public void PagingByPageNumberWithoutCookie_Should_ReturnTheRequestedPage()
    {
        var source = NumberedAccounts(25);
        var query = Accounts();
        query.AddOrder("name", OrderType.Ascending);
        query.PageInfo = new PagingInfo { Count = 10, PageNumber = 3 };
        var page = QueryEngine.Execute(query, source);
        Assert.Equal(Enumerable.Range(21, 5).Select(i => $"Account {i:D5}"), page.Entities.Select(e => e.GetAttributeValue<string>("name")));
        Assert.False(page.MoreRecords);
    }

    [Fact]
    public void CookieAfterLastRowWasDeleted_Should_ContinueAfterIt()
    {
        var source = NumberedAccounts(9);
        var query = Accounts();
        query.PageInfo = new PagingInfo { Count = 3, PageNumber = 1 };
        var first = QueryEngine.Execute(query, source);
        var all = QueryEngine.Execute(Accounts(), source).Entities.Select(e => e.Id).ToList();

        // Process-and-delete: the whole first page is gone before the second request.
        foreach (var processed in first.Entities)
            source.Remove(source.Rows("account").Single(r => r.Id == processed.Id));
        query.PageInfo.PageNumber = 2;
        query.PageInfo.PagingCookie = first.PagingCookie;
        var second = QueryEngine.Execute(query, source);

        Assert.Equal(all.Skip(3).Take(3), second.Entities.Select(e => e.Id));
    }

    [Fact]
    public void PagingThroughMultipliedRows_Should_ReturnEachJoinedRowOnce()
    {
        var crm = new Sample();
        for (var i = 0; i < 5; i++) crm.Source.AddContact($"Extra {i}", crm.Contoso);
        var query = Accounts();
        var link = query.AddLink("contact", "accountid", "parentcustomerid");
        link.EntityAlias = "c";
        link.Columns = new ColumnSet("contactid");
        var pages = AllPages(query, crm.Source, 2);
        var contacts = pages.SelectMany(p => p.Entities).Select(e => (Guid)e.GetAttributeValue<AliasedValue>("c.contactid").Value!).ToList();
        Assert.Equal(8, contacts.Count);
        Assert.Equal(8, contacts.Distinct().Count());
    }

    [Fact]
    public void NoPageSize_Should_ReturnAtMost5000RowsWithMoreRecords()
    {
        var source = NumberedAccounts(5001);
        var result = QueryEngine.Execute(Accounts(), source);
        Assert.Equal(5000, result.Entities.Count);
        Assert.True(result.MoreRecords);
        Assert.NotNull(result.PagingCookie);
        Assert.Equal(-1, result.TotalRecordCount);
    }

    [Fact]
    public void ReturnTotalRecordCount_Should_CountAllMatchingRows()
    {
        var crm = new Sample();
        var query = Accounts(Condition("name", ConditionOperator.NotNull));
        query.PageInfo = new PagingInfo { Count = 2, PageNumber = 1, ReturnTotalRecordCount = true };
        var result = crm.Run(query);
        Assert.Equal(2, result.Entities.Count);
        Assert.Equal(4, result.TotalRecordCount);
        Assert.False(result.TotalRecordCountLimitExceeded);
        Assert.True(result.MoreRecords);
    }

    [Fact]
    public void ReturnTotalRecordCountOver5000_Should_CapAndFlagTheLimit()
    {
        var source = NumberedAccounts(5002);
        var query = Accounts();
        query.PageInfo = new PagingInfo { Count = 10, PageNumber = 1, ReturnTotalRecordCount = true };
        var result = QueryEngine.Execute(query, source);
        Assert.Equal(5000, result.TotalRecordCount);
        Assert.True(result.TotalRecordCountLimitExceeded);
    }

    [Fact]
    public void ThousandsOfRowsPagedWithCookiesAndLink_Should_ReturnEveryRowOnce()
    {
        // Time and request counts for 10,000 rows are in bench/, not here.
        var source = NumberedAccounts(2_000);
        var contact = source.AddContact("Shared");
        foreach (var row in source.Rows("account").ToList()) row["primarycontactid"] = new EntityReference("contact", contact.Id);
        var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name", "numberofemployees") };
        query.Criteria.AddCondition("name", ConditionOperator.Like, "Account%");
        query.AddOrder("numberofemployees", OrderType.Ascending);
        query.AddLink("contact", "primarycontactid", "contactid", JoinOperator.LeftOuter).Columns = new ColumnSet("fullname");

        var pages = AllPages(query, source, 100);

        Assert.Equal(20, pages.Count);
        Assert.Equal(2_000, pages.SelectMany(p => p.Entities).Count());
        Assert.Equal(2_000, pages.SelectMany(p => p.Entities).Select(e => e.Id).Distinct().Count());
    }
}
