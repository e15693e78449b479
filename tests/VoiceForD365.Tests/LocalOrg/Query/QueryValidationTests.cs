using Microsoft.Xrm.Sdk.Query;
using VoiceForD365.LocalOrg;
using Xunit;

namespace VoiceForD365.Tests.LocalOrg.Query;

/// <summary>The faults Dataverse raises for an invalid query: unknown tables and columns (QueryScope, QuerySlot), values of the wrong count or type (ConditionCompiler.Values.cs).</summary>
public class QueryValidationTests : QueryEngineTestBase
{
    [Fact]
    public void UnknownTable_Should_FaultWithEntityNotFound()
    {
        var crm = new Sample();
        var fault = Fault(() => crm.Run(new QueryExpression("nosuchtable")));
        Assert.Equal(Faults.EntityNotFound, fault.ErrorCode);
    }

    [Fact]
    public void UnknownLinkTable_Should_FaultWithEntityNotFound()
    {
        var crm = new Sample();
        var query = Accounts();
        query.AddLink("nosuchtable", "accountid", "accountid");
        Assert.Equal(Faults.EntityNotFound, Fault(() => crm.Run(query)).ErrorCode);
    }

    [Fact]
    public void UnknownColumnInColumnSet_Should_FaultWithAttributeNotFound()
    {
        var crm = new Sample();
        var fault = Fault(() => crm.Run(new QueryExpression("account") { ColumnSet = new ColumnSet("name", "nosuchcolumn") }));
        Assert.Equal(Faults.AttributeNotFound, fault.ErrorCode);
        Assert.Contains("nosuchcolumn", fault.Message);
    }

    [Fact]
    public void ColumnNameInWrongCase_Should_FaultWithAttributeNotFound()
    {
        var crm = new Sample();
        Assert.Equal(Faults.AttributeNotFound, Fault(() => crm.Run(new QueryExpression("account") { ColumnSet = new ColumnSet("Name") })).ErrorCode);
    }

    [Fact]
    public void UnknownColumnInCondition_Should_FaultWithAttributeNotFound()
    {
        var crm = new Sample();
        Assert.Equal(Faults.AttributeNotFound, Fault(() => crm.Run(Accounts(Condition("nosuchcolumn", ConditionOperator.Null)))).ErrorCode);
    }

    [Fact]
    public void UnknownColumnInNestedFilter_Should_FaultWithAttributeNotFound()
    {
        var crm = new Sample();
        var query = Accounts();
        query.Criteria.AddFilter(LogicalOperator.Or).AddFilter(LogicalOperator.And).AddCondition("nosuchcolumn", ConditionOperator.NotNull);
        Assert.Equal(Faults.AttributeNotFound, Fault(() => crm.Run(query)).ErrorCode);
    }

    [Fact]
    public void UnknownColumnInOrder_Should_FaultWithAttributeNotFound()
    {
        var crm = new Sample();
        var query = Accounts();
        query.AddOrder("nosuchcolumn", OrderType.Ascending);
        Assert.Equal(Faults.AttributeNotFound, Fault(() => crm.Run(query)).ErrorCode);
    }

    [Fact]
    public void UnknownLinkFromColumn_Should_FaultWithAttributeNotFound()
    {
        var crm = new Sample();
        var query = Accounts();
        query.AddLink("contact", "nosuchcolumn", "contactid");
        var fault = Fault(() => crm.Run(query));
        Assert.Equal(Faults.AttributeNotFound, fault.ErrorCode);
        Assert.Contains("'account'", fault.Message);
    }

    [Fact]
    public void UnknownLinkToColumn_Should_FaultWithAttributeNotFound()
    {
        var crm = new Sample();
        var query = Accounts();
        query.AddLink("contact", "primarycontactid", "nosuchcolumn");
        var fault = Fault(() => crm.Run(query));
        Assert.Equal(Faults.AttributeNotFound, fault.ErrorCode);
        Assert.Contains("'contact'", fault.Message);
    }

    [Fact]
    public void UnknownColumnInLinkColumns_Should_FaultWithAttributeNotFound()
    {
        var crm = new Sample();
        var query = Accounts();
        query.AddLink("contact", "primarycontactid", "contactid").Columns = new ColumnSet("nosuchcolumn");
        Assert.Equal(Faults.AttributeNotFound, Fault(() => crm.Run(query)).ErrorCode);
    }

    [Fact]
    public void UnknownColumnInLinkCriteria_Should_FaultWithAttributeNotFound()
    {
        var crm = new Sample();
        var query = Accounts();
        query.AddLink("contact", "primarycontactid", "contactid").LinkCriteria.AddCondition("name", ConditionOperator.NotNull);
        Assert.Equal(Faults.AttributeNotFound, Fault(() => crm.Run(query)).ErrorCode);
    }

    [Fact]
    public void UnknownLinkAliasInCondition_Should_FaultWithInvalidArgument()
    {
        var crm = new Sample();
        var query = Accounts(new ConditionExpression("nosuchalias", "fullname", ConditionOperator.NotNull));
        Assert.Equal(Faults.InvalidArgument, Fault(() => crm.Run(query)).ErrorCode);
    }

    [Fact]
    public void EqualWithoutValue_Should_FaultWithInvalidArgument()
    {
        var crm = new Sample();
        var fault = Fault(() => crm.Run(Accounts(new ConditionExpression("name", ConditionOperator.Equal))));
        Assert.Equal(Faults.InvalidArgument, fault.ErrorCode);
        Assert.Contains("account.name", fault.Message);
        Assert.Contains("exactly 1 value", fault.Message);
    }

    [Fact]
    public void EqualWithTwoValues_Should_FaultWithInvalidArgument()
    {
        var crm = new Sample();
        Assert.Equal(Faults.InvalidArgument, Fault(() => crm.Run(Accounts(Condition("name", ConditionOperator.Equal, "a", "b")))).ErrorCode);
    }

    [Fact]
    public void BetweenWithOneValue_Should_FaultWithInvalidArgument()
    {
        var crm = new Sample();
        var fault = Fault(() => crm.Run(Accounts(Condition("numberofemployees", ConditionOperator.Between, 10))));
        Assert.Equal(Faults.InvalidArgument, fault.ErrorCode);
        Assert.Contains("exactly 2 values", fault.Message);
    }

    [Fact]
    public void InWithoutValues_Should_FaultWithInvalidArgument()
    {
        var crm = new Sample();
        Assert.Equal(Faults.InvalidArgument, Fault(() => crm.Run(Accounts(new ConditionExpression("name", ConditionOperator.In)))).ErrorCode);
    }

    [Fact]
    public void NullWithValue_Should_FaultWithInvalidArgument()
    {
        var crm = new Sample();
        Assert.Equal(Faults.InvalidArgument, Fault(() => crm.Run(Accounts(Condition("name", ConditionOperator.Null, "x")))).ErrorCode);
    }

    [Fact]
    public void LastXDaysWithoutValue_Should_FaultWithInvalidArgument()
    {
        var crm = new Sample();
        Assert.Equal(Faults.InvalidArgument, Fault(() => crm.Run(Accounts(new ConditionExpression("createdon", ConditionOperator.LastXDays)))).ErrorCode);
    }

    [Fact]
    public void EqualWithNullValue_Should_FaultPointingToNullOperator()
    {
        var crm = new Sample();
        var condition = new ConditionExpression { AttributeName = "name", Operator = ConditionOperator.Equal };
        condition.Values.Add(null!);
        var fault = Fault(() => crm.Run(Accounts(condition)));
        Assert.Equal(Faults.InvalidArgument, fault.ErrorCode);
        Assert.Contains("Use 'Null' or 'NotNull'", fault.Message);
    }

    [Fact]
    public void LikeOnNumberColumn_Should_FaultWithInvalidArgument()
    {
        var crm = new Sample();
        Assert.Equal(Faults.InvalidArgument, Fault(() => crm.Run(Accounts(Condition("numberofemployees", ConditionOperator.Like, "1%")))).ErrorCode);
    }

    [Fact]
    public void TextValueOnNumberColumn_Should_FaultWithInvalidArgument()
    {
        var crm = new Sample();
        var fault = Fault(() => crm.Run(Accounts(Condition("numberofemployees", ConditionOperator.Equal, "many"))));
        Assert.Equal(Faults.InvalidArgument, fault.ErrorCode);
        Assert.Contains("System.Int32", fault.Message);
    }

    [Fact]
    public void ConditionOnPartyList_Should_FaultExceptForNull()
    {
        var crm = new Sample();
        Assert.Equal(Faults.InvalidArgument, Fault(() => crm.Run(Accounts(Condition("participants", ConditionOperator.Equal, Guid.NewGuid())))).ErrorCode);
        Assert.Equal(5, crm.Run(Accounts(Condition("participants", ConditionOperator.Null))).Entities.Count);
    }
}
