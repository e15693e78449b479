using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace VoiceForD365.Tests.LocalOrg.Query;

/// <summary>What a row returns: column sets, copies, lookup names and Distinct over the selected columns (QueryPlan.Columns.cs).</summary>
public class ColumnSetTests : QueryEngineTestBase
{
    [Fact]
    public void ColumnSet_Should_ReturnOnlyRequestedColumnsAndTheId()
    {
        var crm = new Sample();
        var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name", "revenue") };
        query.Criteria.AddCondition("name", ConditionOperator.Equal, "Contoso");
        var account = Assert.Single(crm.Run(query).Entities);
        Assert.Equal("account", account.LogicalName);
        Assert.Equal(crm.Contoso.Id, account.Id);
        Assert.Equal(["accountid", "name", "revenue"], account.Attributes.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(crm.Contoso.Id, account["accountid"]);
        Assert.Equal(1000m, account.GetAttributeValue<Money>("revenue").Value);
    }

    [Fact]
    public void ColumnSetWithMissingValue_Should_OmitTheAttribute()
    {
        var crm = new Sample();
        var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name", "telephone1") };
        query.Criteria.AddCondition("name", ConditionOperator.Equal, "Fabrikam");
        var account = Assert.Single(crm.Run(query).Entities);
        Assert.False(account.Contains("telephone1"));
    }

    [Fact]
    public void EmptyColumnSet_Should_ReturnOnlyTheId()
    {
        var crm = new Sample();
        var query = new QueryExpression("account");
        query.Criteria.AddCondition("name", ConditionOperator.Equal, "Contoso");
        var account = Assert.Single(crm.Run(query).Entities);
        Assert.Equal(crm.Contoso.Id, account.Id);
        Assert.Equal(["accountid"], account.Attributes.Keys);
    }

    [Fact]
    public void AllColumns_Should_ReturnEveryStoredColumn()
    {
        var crm = new Sample();
        var query = new QueryExpression("account") { ColumnSet = new ColumnSet(true) };
        query.Criteria.AddCondition("accountid", ConditionOperator.Equal, crm.Contoso.Id);
        var account = Assert.Single(crm.Run(query).Entities);
        Assert.Equal(crm.Contoso.Attributes.Keys.Order(StringComparer.Ordinal), account.Attributes.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ReturnedEntities_Should_BeCopiesOfTheStoredRows()
    {
        var crm = new Sample();
        var query = new QueryExpression("account") { ColumnSet = new ColumnSet(true) };
        query.Criteria.AddCondition("name", ConditionOperator.Equal, "Contoso");
        var account = Assert.Single(crm.Run(query).Entities);
        Assert.NotSame(crm.Contoso, account);

        account["name"] = "Changed";
        account.GetAttributeValue<Money>("revenue").Value = 1m;
        account.GetAttributeValue<OptionSetValue>("industrycode").Value = 99;
        account.GetAttributeValue<EntityReference>("primarycontactid").Id = Guid.Empty;

        Assert.Equal("Contoso", crm.Contoso["name"]);
        Assert.Equal(1000m, crm.Contoso.GetAttributeValue<Money>("revenue").Value);
        Assert.Equal(1, crm.Contoso.GetAttributeValue<OptionSetValue>("industrycode").Value);
        Assert.Equal(crm.Alice.Id, crm.Contoso.GetAttributeValue<EntityReference>("primarycontactid").Id);
        Assert.NotSame(crm.Contoso["primarycontactid"], account["primarycontactid"]);
    }

    [Fact]
    public void LookupValues_Should_CarryTheReferencedRowsName()
    {
        var crm = new Sample();
        var query = new QueryExpression("account") { ColumnSet = new ColumnSet("primarycontactid", "industrycode") };
        query.Criteria.AddCondition("name", ConditionOperator.Equal, "Contoso");
        var account = Assert.Single(crm.Run(query).Entities);
        var contact = account.GetAttributeValue<EntityReference>("primarycontactid");
        Assert.Equal("contact", contact.LogicalName);
        Assert.Equal(crm.Alice.Id, contact.Id);
        Assert.Equal("Alice Anders", contact.Name);
        Assert.Equal("Alice Anders", account.FormattedValues["primarycontactid"]);
        Assert.Equal("Zoology", account.FormattedValues["industrycode"]);
    }

    [Fact]
    public void Distinct_Should_RemoveDuplicateRowsOfTheSelectedColumns()
    {
        var crm = new Sample();
        // Contacts' parent names: Contoso twice (case-insensitive duplicates collapse too).
        crm.Source.AddContact("Eve", crm.ContosoEast);
        crm.ContosoEast["name"] = "CONTOSO";
        var query = new QueryExpression("contact") { ColumnSet = new ColumnSet(), Distinct = true };
        var link = query.AddLink("account", "parentcustomerid", "accountid");
        link.EntityAlias = "a";
        link.Columns = new ColumnSet("name");
        var rows = crm.Run(query).Entities;
        Assert.Equal(2, rows.Count);
        Assert.All(rows, e => Assert.Equal(Guid.Empty, e.Id));
    }
    [Fact]
    public void DistinctWithPrimaryId_Should_KeepEveryRow()
    {
        var crm = new Sample();
        var query = new QueryExpression("contact") { ColumnSet = new ColumnSet("contactid"), Distinct = true };
        Assert.Equal(4, crm.Run(query).Entities.Count);
    }
}
