using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace VoiceForD365.Tests.LocalOrg.Query;

/// <summary>Nested And/Or filters: ConditionCompiler.CompileFilter.</summary>
public class FilterTests : QueryEngineTestBase
{
    [Fact]
    public void NestedOrInsideAnd_Should_CombineLikeSql()
    {
        var crm = new Sample();
        // (name begins with "con" OR employees > 100) AND telephone1 not null
        var query = Accounts(Condition("telephone1", ConditionOperator.NotNull));
        var either = query.Criteria.AddFilter(LogicalOperator.Or);
        either.AddCondition("name", ConditionOperator.BeginsWith, "con");
        either.AddCondition("numberofemployees", ConditionOperator.GreaterThan, 100);
        Assert.Equal(Expect("Contoso", "contoso east"), crm.SortedNames(query));
    }

    [Fact]
    public void TopLevelOrWithNestedAnd_Should_MatchEitherBranch()
    {
        var crm = new Sample();
        var query = Accounts();
        query.Criteria.FilterOperator = LogicalOperator.Or;
        query.Criteria.AddCondition("name", ConditionOperator.Equal, "Fabrikam");
        var both = query.Criteria.AddFilter(LogicalOperator.And);
        both.AddCondition("telephone1", ConditionOperator.BeginsWith, "555");
        both.AddCondition("revenue", ConditionOperator.Null);
        Assert.Equal(Expect("Adventure Works", "Fabrikam"), crm.SortedNames(query));
    }

    [Fact]
    public void EmptyOrFilter_Should_BeIgnored()
    {
        var crm = new Sample();
        var query = Accounts(Condition("name", ConditionOperator.Equal, "Contoso"));
        query.Criteria.AddFilter(LogicalOperator.Or);
        Assert.Equal(Expect("Contoso"), crm.SortedNames(query));
    }
}
