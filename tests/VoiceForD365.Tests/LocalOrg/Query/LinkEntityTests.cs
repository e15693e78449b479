using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using VoiceForD365.LocalOrg;
using Xunit;

namespace VoiceForD365.Tests.LocalOrg.Query;

/// <summary>Inner and outer links, aliases and link criteria (QueryPlan.Links.cs), each table read once per query (QueryScope).</summary>
public class LinkEntityTests : QueryEngineTestBase
{
    [Fact]
    public void InnerLinkWithAlias_Should_ReturnAliasedValues()
    {
        var crm = new Sample();
        var query = Accounts();
        var link = query.AddLink("contact", "primarycontactid", "contactid");
        link.EntityAlias = "pc";
        link.Columns = new ColumnSet("fullname", "emailaddress1");
        var rows = crm.Run(query).Entities.OrderBy(e => e.GetAttributeValue<string>("name"), StringComparer.Ordinal).ToList();

        Assert.Equal(["Contoso", "Fabrikam"], rows.Select(e => e.GetAttributeValue<string>("name")));
        var aliased = rows[0].GetAttributeValue<AliasedValue>("pc.fullname");
        Assert.Equal("contact", aliased.EntityLogicalName);
        Assert.Equal("fullname", aliased.AttributeLogicalName);
        Assert.Equal("Alice Anders", aliased.Value);
        Assert.Equal("alice@contoso.com", rows[0].GetAttributeValue<AliasedValue>("pc.emailaddress1").Value);
        Assert.False(rows[1].Contains("pc.emailaddress1")); // Bob has no email
    }

    [Fact]
    public void LinkWithoutAlias_Should_UseGeneratedAliasNumberedFromOne()
    {
        var crm = new Sample();
        var query = new QueryExpression("contact") { ColumnSet = new ColumnSet("fullname") };
        query.AddLink("account", "parentcustomerid", "accountid").Columns = new ColumnSet("name");
        query.AddLink("account", "parentcustomerid", "accountid", JoinOperator.LeftOuter).Columns = new ColumnSet("telephone1");
        query.Criteria.AddCondition("fullname", ConditionOperator.Equal, "Alice Anders");
        var alice = Assert.Single(crm.Run(query).Entities);
        Assert.Equal("Contoso", alice.GetAttributeValue<AliasedValue>("account1.name").Value);
        Assert.Equal("555-0100", alice.GetAttributeValue<AliasedValue>("account2.telephone1").Value);
    }

    [Fact]
    public void InnerLinkWithSeveralMatches_Should_MultiplyRows()
    {
        var crm = new Sample();
        var query = Accounts();
        query.AddLink("contact", "accountid", "parentcustomerid").EntityAlias = "c";
        query.LinkEntities[0].Columns.AddColumn("fullname");
        var rows = crm.Run(query).Entities;
        Assert.Equal(3, rows.Count);
        Assert.Equal(2, rows.Count(e => e.Id == crm.Contoso.Id));
        Assert.Equal(["Alice Anders", "Bob Brown", "Carol Clark"], rows.Select(e => (string)e.GetAttributeValue<AliasedValue>("c.fullname").Value!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void LeftOuterLink_Should_KeepUnmatchedRowsWithoutAliasedValues()
    {
        var crm = new Sample();
        var query = Accounts();
        var link = query.AddLink("contact", "primarycontactid", "contactid", JoinOperator.LeftOuter);
        link.EntityAlias = "pc";
        link.Columns = new ColumnSet("fullname");
        var rows = crm.Run(query).Entities;
        Assert.Equal(5, rows.Count);
        Assert.Equal(2, rows.Count(e => e.Contains("pc.fullname")));
        Assert.False(rows.Single(e => e.Id == crm.Adventure.Id).Contains("pc.fullname"));
    }

    [Fact]
    public void LeftOuterLinkWithNullCondition_Should_FindRowsWithoutRelatedRows()
    {
        var crm = new Sample();
        var query = Accounts(new ConditionExpression("c", "contactid", ConditionOperator.Null));
        query.AddLink("contact", "accountid", "parentcustomerid", JoinOperator.LeftOuter).EntityAlias = "c";
        Assert.Equal(Expect("<null>", "Adventure Works", "contoso east"), crm.SortedNames(query));
    }

    [Fact]
    public void ConditionOnLinkAlias_Should_FilterOnLinkedRows()
    {
        var crm = new Sample();
        var query = Accounts(new ConditionExpression("c", "fullname", ConditionOperator.BeginsWith, "carol"));
        query.AddLink("contact", "accountid", "parentcustomerid", JoinOperator.LeftOuter).EntityAlias = "c";
        Assert.Equal(Expect("Contoso"), crm.SortedNames(query));
    }

    [Fact]
    public void ConditionOnLinkTableName_Should_FilterOnLinkedRows()
    {
        var crm = new Sample();
        var query = Accounts(new ConditionExpression("contact", "fullname", ConditionOperator.Equal, "Bob Brown"));
        query.AddLink("contact", "accountid", "parentcustomerid");
        Assert.Equal(Expect("Fabrikam"), crm.SortedNames(query));
    }

    [Fact]
    public void InnerLinkCriteria_Should_DropRowsWithoutMatchingLinkedRows()
    {
        var crm = new Sample();
        var query = Accounts();
        var link = query.AddLink("contact", "accountid", "parentcustomerid");
        link.LinkCriteria.AddCondition("fullname", ConditionOperator.Like, "%clark");
        Assert.Equal(Expect("Contoso"), crm.SortedNames(query));
    }

    [Fact]
    public void OuterLinkCriteria_Should_OnlyRestrictTheJoinedRows()
    {
        var crm = new Sample();
        var query = Accounts();
        var link = query.AddLink("contact", "accountid", "parentcustomerid", JoinOperator.LeftOuter);
        link.EntityAlias = "c";
        link.Columns = new ColumnSet("fullname");
        link.LinkCriteria.AddCondition("fullname", ConditionOperator.Equal, "Carol Clark");
        var rows = crm.Run(query).Entities;
        Assert.Equal(5, rows.Count); // every account once: the criteria are part of the ON clause
        Assert.Equal("Carol Clark", rows.Single(e => e.Id == crm.Contoso.Id).GetAttributeValue<AliasedValue>("c.fullname").Value);
        Assert.False(rows.Single(e => e.Id == crm.Fabrikam.Id).Contains("c.fullname"));
    }

    [Fact]
    public void NestedLinks_Should_JoinThroughTheIntermediateTable()
    {
        var crm = new Sample();
        // contact -> parent account -> that account's primary contact
        var query = new QueryExpression("contact") { ColumnSet = new ColumnSet("fullname") };
        var parent = query.AddLink("account", "parentcustomerid", "accountid");
        parent.EntityAlias = "parent";
        parent.Columns = new ColumnSet("name");
        var primary = parent.AddLink("contact", "primarycontactid", "contactid");
        primary.EntityAlias = "primary";
        primary.Columns = new ColumnSet("fullname");
        query.Criteria.AddCondition("fullname", ConditionOperator.Equal, "Carol Clark");

        var carol = Assert.Single(crm.Run(query).Entities);
        Assert.Equal("Contoso", carol.GetAttributeValue<AliasedValue>("parent.name").Value);
        Assert.Equal("Alice Anders", carol.GetAttributeValue<AliasedValue>("primary.fullname").Value);
    }

    [Fact]
    public void LinkCriteriaReferringToEarlierLink_Should_Apply()
    {
        var crm = new Sample();
        var query = new QueryExpression("contact") { ColumnSet = new ColumnSet("fullname") };
        query.AddLink("account", "parentcustomerid", "accountid").EntityAlias = "a";
        var primary = query.LinkEntities[0].AddLink("contact", "primarycontactid", "contactid", JoinOperator.LeftOuter);
        primary.EntityAlias = "p";
        primary.Columns = new ColumnSet("fullname");
        primary.LinkCriteria.AddCondition("a", "name", ConditionOperator.Equal, "Fabrikam");
        var rows = crm.Run(query).Entities;
        Assert.Equal(3, rows.Count);
        Assert.Equal(["Bob Brown"], rows.Where(e => e.Contains("p.fullname")).Select(e => (string)e.GetAttributeValue<AliasedValue>("p.fullname").Value!));
    }

    [Fact]
    public void LinkAllColumns_Should_ReturnEveryStoredColumnAliased()
    {
        var crm = new Sample();
        var query = Accounts(Condition("name", ConditionOperator.Equal, "Contoso"));
        var link = query.AddLink("contact", "primarycontactid", "contactid");
        link.EntityAlias = "pc";
        link.Columns = new ColumnSet(true);
        var contoso = Assert.Single(crm.Run(query).Entities);
        Assert.Equal(crm.Alice.Id, contoso.GetAttributeValue<AliasedValue>("pc.contactid").Value);
        Assert.Equal("alice@contoso.com", contoso.GetAttributeValue<AliasedValue>("pc.emailaddress1").Value);
        var parent = (EntityReference)contoso.GetAttributeValue<AliasedValue>("pc.parentcustomerid").Value!;
        Assert.Equal(crm.Contoso.Id, parent.Id);
        Assert.NotSame(crm.Alice["parentcustomerid"], parent);
    }

    [Fact]
    public void DuplicateLinkAlias_Should_FaultWithInvalidArgument()
    {
        var crm = new Sample();
        var query = Accounts();
        query.AddLink("contact", "primarycontactid", "contactid").EntityAlias = "x";
        query.AddLink("contact", "accountid", "parentcustomerid").EntityAlias = "x";
        Assert.Equal(Faults.InvalidArgument, Fault(() => crm.Run(query)).ErrorCode);
    }

    [Fact]
    public void Query_Should_ReadEachTableOncePerCall()
    {
        var crm = new Sample();
        var query = Accounts();
        query.AddLink("contact", "accountid", "parentcustomerid", JoinOperator.LeftOuter);
        query.AddLink("contact", "primarycontactid", "contactid", JoinOperator.LeftOuter);
        var before = crm.Source.RowReads;
        crm.Run(query);
        Assert.Equal(2, crm.Source.RowReads - before);
    }
}
