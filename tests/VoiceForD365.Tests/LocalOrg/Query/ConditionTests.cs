using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using VoiceForD365.LocalOrg;
using Xunit;

namespace VoiceForD365.Tests.LocalOrg.Query;

/// <summary>Comparison, set, text and Like operators: what ConditionCompiler.cs compiles a condition to.</summary>
public class ConditionTests : QueryEngineTestBase
{
    [Fact]
    public void EqualOnText_Should_MatchCaseInsensitively()
    {
        var crm = new Sample();
        Assert.Equal(Expect("Contoso"), crm.SortedNames(Accounts(Condition("name", ConditionOperator.Equal, "CONTOSO"))));
    }

    [Fact]
    public void NotEqual_Should_NeverMatchNullValues()
    {
        var crm = new Sample();
        // Fabrikam and the blank account have no telephone1: SQL null semantics exclude them.
        Assert.Equal(Expect("Adventure Works", "contoso east"), crm.SortedNames(Accounts(Condition("telephone1", ConditionOperator.NotEqual, "555-0100"))));
    }

    [Fact]
    public void NullAndNotNull_Should_SplitRowsOnMissingValues()
    {
        var crm = new Sample();
        Assert.Equal(Expect("<null>", "Fabrikam"), crm.SortedNames(Accounts(Condition("telephone1", ConditionOperator.Null))));
        Assert.Equal(Expect("Adventure Works", "Contoso", "contoso east"), crm.SortedNames(Accounts(Condition("telephone1", ConditionOperator.NotNull))));
    }

    [Fact]
    public void ComparisonsOnNullColumn_Should_NeverMatch()
    {
        var crm = new Sample();
        // contoso east and the blank account have no employee count: neither < nor >= matches them.
        Assert.Equal(Expect("Adventure Works", "Contoso"), crm.SortedNames(Accounts(Condition("numberofemployees", ConditionOperator.LessThan, 100))));
        Assert.Equal(Expect("Fabrikam"), crm.SortedNames(Accounts(Condition("numberofemployees", ConditionOperator.GreaterEqual, 100))));
    }

    [Fact]
    public void InOnText_Should_MatchAnyValueCaseInsensitively()
    {
        var crm = new Sample();
        Assert.Equal(Expect("Adventure Works", "Fabrikam"), crm.SortedNames(Accounts(Condition("name", ConditionOperator.In, "fabrikam", "ADVENTURE WORKS", "Nobody"))));
    }

    [Fact]
    public void InOnLookupWithGuidArray_Should_MatchReferencedIds()
    {
        var crm = new Sample();
        var query = Accounts(new ConditionExpression("primarycontactid", ConditionOperator.In, new[] { crm.Alice.Id, crm.Dave.Id }));
        Assert.Equal(Expect("Contoso"), crm.SortedNames(query));
    }

    [Fact]
    public void NotIn_Should_ExcludeListedValuesAndNulls()
    {
        var crm = new Sample();
        Assert.Equal(Expect("Adventure Works", "Contoso"), crm.SortedNames(Accounts(Condition("industrycode", ConditionOperator.NotIn, 2))));
    }

    [Fact]
    public void EqualOnLookupWithGuid_Should_MatchTheReference()
    {
        var crm = new Sample();
        var query = new QueryExpression("contact") { ColumnSet = new ColumnSet("fullname") };
        query.Criteria.AddCondition("parentcustomerid", ConditionOperator.Equal, crm.Contoso.Id);
        Assert.Equal(Expect("Alice Anders", "Carol Clark"), crm.SortedNames(query, "fullname"));
    }

    [Fact]
    public void EqualOnLookupWithEntityReference_Should_FaultLikeDataverse()
    {
        var crm = new Sample();
        var query = Accounts(Condition("primarycontactid", ConditionOperator.Equal, new EntityReference("contact", crm.Alice.Id)));
        var fault = Fault(() => crm.Run(query));
        Assert.Equal(Faults.InvalidArgument, fault.ErrorCode);
        Assert.Contains("expected argument(s) of type 'System.Guid'", fault.Message);
    }

    [Fact]
    public void EqualOnPrimaryKey_Should_MatchTheRow()
    {
        var crm = new Sample();
        Assert.Equal(Expect("Fabrikam"), crm.SortedNames(Accounts(Condition("accountid", ConditionOperator.Equal, crm.Fabrikam.Id))));
    }

    [Fact]
    public void EqualOnChoiceWithInt_Should_MatchTheOption()
    {
        var crm = new Sample();
        Assert.Equal(Expect("Fabrikam"), crm.SortedNames(Accounts(Condition("industrycode", ConditionOperator.Equal, 2))));
    }

    [Fact]
    public void EqualOnChoiceWithOptionSetValue_Should_FaultLikeDataverse()
    {
        var crm = new Sample();
        var fault = Fault(() => crm.Run(Accounts(Condition("industrycode", ConditionOperator.Equal, new OptionSetValue(2)))));
        Assert.Equal(Faults.InvalidArgument, fault.ErrorCode);
        Assert.Contains("expected argument(s) of type 'System.Int32' but received 'Microsoft.Xrm.Sdk.OptionSetValue'", fault.Message);
    }

    [Fact]
    public void GreaterThanOnMoney_Should_CompareDecimalValues()
    {
        var crm = new Sample();
        Assert.Equal(Expect("Fabrikam"), crm.SortedNames(Accounts(Condition("revenue", ConditionOperator.GreaterThan, 1000m))));
    }

    [Fact]
    public void GreaterEqualOnMoneyWithInt_Should_CompareAsDecimal()
    {
        var crm = new Sample();
        Assert.Equal(Expect("Contoso", "Fabrikam"), crm.SortedNames(Accounts(Condition("revenue", ConditionOperator.GreaterEqual, 1000))));
    }

    [Fact]
    public void LessThanAndLessEqualOnMoney_Should_RespectTheBoundary()
    {
        var crm = new Sample();
        Assert.Equal(Expect("contoso east"), crm.SortedNames(Accounts(Condition("revenue", ConditionOperator.LessThan, 1000m))));
        Assert.Equal(Expect("Contoso", "contoso east"), crm.SortedNames(Accounts(Condition("revenue", ConditionOperator.LessEqual, 1000m))));
    }

    [Fact]
    public void Between_Should_IncludeBothBounds()
    {
        var crm = new Sample();
        Assert.Equal(Expect("Adventure Works", "Contoso"), crm.SortedNames(Accounts(Condition("numberofemployees", ConditionOperator.Between, 10, 50))));
    }

    [Fact]
    public void NotBetween_Should_ExcludeBoundsAndNulls()
    {
        var crm = new Sample();
        Assert.Equal(Expect("Fabrikam"), crm.SortedNames(Accounts(Condition("numberofemployees", ConditionOperator.NotBetween, 10, 50))));
    }

    [Fact]
    public void EqualOnBoolean_Should_MatchTheFlag()
    {
        var crm = new Sample();
        Assert.Equal(Expect("Fabrikam"), crm.SortedNames(Accounts(Condition("creditonhold", ConditionOperator.Equal, true))));
        Assert.Equal(Expect("Contoso"), crm.SortedNames(Accounts(Condition("creditonhold", ConditionOperator.NotEqual, true))));
    }

    [Fact]
    public void LikeWithPercent_Should_MatchContainedTextCaseInsensitively()
    {
        var crm = new Sample();
        Assert.Equal(Expect("Contoso", "contoso east"), crm.SortedNames(Accounts(Condition("name", ConditionOperator.Like, "%CONTOSO%"))));
    }

    [Fact]
    public void LikeWithUnderscore_Should_MatchExactlyOneCharacter()
    {
        var crm = new Sample();
        Assert.Equal(Expect("Contoso"), crm.SortedNames(Accounts(Condition("telephone1", ConditionOperator.Like, "555-01_0"))));
        Assert.Equal(Expect("Adventure Works", "Contoso"), crm.SortedNames(Accounts(Condition("telephone1", ConditionOperator.Like, "555-01__"))));
    }

    [Fact]
    public void LikeWithCharacterClass_Should_MatchListedCharacters()
    {
        var crm = new Sample();
        Assert.Equal(Expect("Adventure Works", "Fabrikam"), crm.SortedNames(Accounts(Condition("name", ConditionOperator.Like, "[af]%"))));
    }

    [Fact]
    public void LikeWithRegexCharacters_Should_TreatThemLiterally()
    {
        var crm = new Sample();
        crm.Source.AddAccount("A+B (Holdings).");
        Assert.Equal(Expect("A+B (Holdings)."), crm.SortedNames(Accounts(Condition("name", ConditionOperator.Like, "a+b (%)."))));
    }

    [Fact]
    public void NotLike_Should_ExcludeMatchesAndNulls()
    {
        var crm = new Sample();
        Assert.Equal(Expect("Adventure Works", "Fabrikam"), crm.SortedNames(Accounts(Condition("name", ConditionOperator.NotLike, "%contoso%"))));
    }

    [Fact]
    public void BeginsWith_Should_MatchPrefixCaseInsensitively()
    {
        var crm = new Sample();
        Assert.Equal(Expect("Contoso", "contoso east"), crm.SortedNames(Accounts(Condition("name", ConditionOperator.BeginsWith, "CON"))));
    }

    [Fact]
    public void DoesNotBeginWith_Should_ExcludePrefixAndNulls()
    {
        var crm = new Sample();
        Assert.Equal(Expect("Adventure Works", "Fabrikam"), crm.SortedNames(Accounts(Condition("name", ConditionOperator.DoesNotBeginWith, "con"))));
    }

    [Fact]
    public void EndsWith_Should_MatchSuffixCaseInsensitively()
    {
        var crm = new Sample();
        Assert.Equal(Expect("Adventure Works"), crm.SortedNames(Accounts(Condition("name", ConditionOperator.EndsWith, "WORKS"))));
    }

    [Fact]
    public void DoesNotEndWith_Should_ExcludeSuffixAndNulls()
    {
        var crm = new Sample();
        Assert.Equal(Expect("Contoso", "Fabrikam", "contoso east"), crm.SortedNames(Accounts(Condition("name", ConditionOperator.DoesNotEndWith, "works"))));
    }

    [Fact]
    public void BeginsWithContainingPercent_Should_TreatItLiterally()
    {
        var crm = new Sample();
        crm.Source.AddAccount("100% Juice");
        Assert.Equal(Expect("100% Juice"), crm.SortedNames(Accounts(Condition("name", ConditionOperator.BeginsWith, "100%"))));
        Assert.Empty(crm.Names(Accounts(Condition("name", ConditionOperator.BeginsWith, "%"))));
    }
}
