using System.ServiceModel;
using System.Text.RegularExpressions;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using VoiceForD365.LocalOrg;
using VoiceForD365.LocalOrg.Query;
using Xunit;

namespace VoiceForD365.Tests.LocalOrg;

public class QueryEngineTests
{
    private static readonly DateTime Now = FakeQuerySource.Now;

    /// <summary>
    /// Accounts: Contoso (2 contacts), Fabrikam (1 contact), Adventure Works (none), "contoso east" (lowercase, few
    /// values) and an account without any value. Contacts: Alice and Carol (Contoso), Bob (Fabrikam), Dave (none).
    /// </summary>
    private sealed class Sample
    {
        public readonly FakeQuerySource Source = new();
        public readonly Entity Contoso, Fabrikam, Adventure, ContosoEast, Blank;
        public readonly Entity Alice, Bob, Carol, Dave;

        public Sample()
        {
            Contoso = Source.AddAccount("Contoso", a =>
            {
                a["telephone1"] = "555-0100";
                a["revenue"] = new Money(1000m);
                a["numberofemployees"] = 50;
                a["createdon"] = Now.AddHours(-2);
                a["industrycode"] = new OptionSetValue(1);
                a["creditonhold"] = false;
            });
            Fabrikam = Source.AddAccount("Fabrikam", a =>
            {
                a["revenue"] = new Money(5000m);
                a["numberofemployees"] = 200;
                a["createdon"] = Now.AddDays(-3);
                a["industrycode"] = new OptionSetValue(2);
                a["creditonhold"] = true;
            });
            Adventure = Source.AddAccount("Adventure Works", a =>
            {
                a["telephone1"] = "555-0199";
                a["numberofemployees"] = 10;
                a["createdon"] = Now.AddDays(-40);
                a["industrycode"] = new OptionSetValue(3);
            });
            ContosoEast = Source.AddAccount("contoso east", a =>
            {
                a["telephone1"] = "555-0300";
                a["revenue"] = new Money(250m);
            });
            Blank = Source.AddAccount(null);

            Alice = Source.AddContact("Alice Anders", Contoso, c => c["emailaddress1"] = "alice@contoso.com");
            Bob = Source.AddContact("Bob Brown", Fabrikam);
            Carol = Source.AddContact("Carol Clark", Contoso);
            Dave = Source.AddContact("Dave Dunn");

            Contoso["primarycontactid"] = new EntityReference("contact", Alice.Id);
            Fabrikam["primarycontactid"] = new EntityReference("contact", Bob.Id);
        }

        public EntityCollection Run(QueryBase query) => QueryEngine.Execute(query, Source);

        public string[] Names(QueryBase query, string column = "name") =>
            Run(query).Entities.Select(e => e.GetAttributeValue<string>(column) ?? "<null>").ToArray();

        public string[] SortedNames(QueryBase query, string column = "name") => Names(query, column).Order(StringComparer.Ordinal).ToArray();
    }

    private static QueryExpression Accounts(params ConditionExpression[] conditions)
    {
        var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name") };
        foreach (var condition in conditions) query.Criteria.AddCondition(condition);
        return query;
    }

    private static ConditionExpression Condition(string attribute, ConditionOperator op, params object[] values) => new(attribute, op, values);

    private static OrganizationServiceFault Fault(Action action) => Assert.Throws<FaultException<OrganizationServiceFault>>(action).Detail;

    private static string[] Expect(params string[] names) => names.Order(StringComparer.Ordinal).ToArray();

    // ---- conditions ----------------------------------------------------------------------------------------------

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

    // ---- date operators --------------------------------------------------------------------------------------------

    /// <summary>Rows named after their createdon, relative to Now = 2025-06-15 12:00 UTC.</summary>
    private static FakeQuerySource DatedAccounts()
    {
        var source = new FakeQuerySource();
        void Add(string name, DateTime? createdOn) => source.AddAccount(name, a => a["createdon"] = createdOn);
        Add("now-30m", Now.AddMinutes(-30));
        Add("now-5h", Now.AddHours(-5));
        Add("in-3h", Now.AddHours(3));
        Add("yesterday-noon", Now.AddDays(-1));
        Add("tomorrow-noon", Now.AddDays(1));
        Add("3-days-ago", Now.AddDays(-3));
        Add("10-days-ago-early", Now.Date.AddDays(-10).AddHours(1));
        Add("no-date", null);
        return source;
    }

    [Theory]
    [InlineData(ConditionOperator.Today, null, "in-3h,now-30m,now-5h")]
    [InlineData(ConditionOperator.Yesterday, null, "yesterday-noon")]
    [InlineData(ConditionOperator.Tomorrow, null, "tomorrow-noon")]
    [InlineData(ConditionOperator.LastXHours, 6, "now-30m,now-5h")]
    [InlineData(ConditionOperator.NextXHours, 4, "in-3h")]
    [InlineData(ConditionOperator.LastXDays, 1, "now-30m,now-5h,yesterday-noon")]
    [InlineData(ConditionOperator.NextXDays, 1, "in-3h,tomorrow-noon")]
    [InlineData(ConditionOperator.OlderThanXMinutes, 60, "10-days-ago-early,3-days-ago,now-5h,yesterday-noon")]
    [InlineData(ConditionOperator.OlderThanXHours, 12, "10-days-ago-early,3-days-ago,yesterday-noon")]
    [InlineData(ConditionOperator.OlderThanXDays, 3, "10-days-ago-early")]
    [InlineData(ConditionOperator.On, "2025-06-12", "3-days-ago")]
    [InlineData(ConditionOperator.OnOrBefore, "2025-06-12", "10-days-ago-early,3-days-ago")]
    [InlineData(ConditionOperator.OnOrAfter, "2025-06-16", "tomorrow-noon")]
    public void DateOperator_Should_MatchRowsRelativeToUtcNow(ConditionOperator op, object? value, string expected)
    {
        var source = DatedAccounts();
        var query = Accounts(value == null ? new ConditionExpression("createdon", op) : new ConditionExpression("createdon", op, value));
        var names = QueryEngine.Execute(query, source).Entities.Select(e => e.GetAttributeValue<string>("name")).Order(StringComparer.Ordinal);
        Assert.Equal(expected, string.Join(",", names));
    }

    [Fact]
    public void OnWithDateTimeValue_Should_MatchTheWholeDay()
    {
        var source = DatedAccounts();
        var query = Accounts(Condition("createdon", ConditionOperator.On, new DateTime(2025, 6, 15, 23, 59, 0, DateTimeKind.Utc)));
        var names = QueryEngine.Execute(query, source).Entities.Select(e => e.GetAttributeValue<string>("name")).Order(StringComparer.Ordinal);
        Assert.Equal(["in-3h", "now-30m", "now-5h"], names);
    }

    [Fact]
    public void GreaterThanOnDate_Should_CompareInstants()
    {
        var source = DatedAccounts();
        var query = Accounts(Condition("createdon", ConditionOperator.GreaterThan, Now));
        var names = QueryEngine.Execute(query, source).Entities.Select(e => e.GetAttributeValue<string>("name")).Order(StringComparer.Ordinal);
        Assert.Equal(["in-3h", "tomorrow-noon"], names);
    }

    [Fact]
    public void DateOperatorOnTextColumn_Should_Fault()
    {
        var crm = new Sample();
        var fault = Fault(() => crm.Run(Accounts(Condition("name", ConditionOperator.Today))));
        Assert.Equal(Faults.InvalidArgument, fault.ErrorCode);
    }

    // ---- filters ---------------------------------------------------------------------------------------------------

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

    // ---- validation ------------------------------------------------------------------------------------------------

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

    // ---- columns and copies ----------------------------------------------------------------------------------------

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

    // ---- links ---------------------------------------------------------------------------------------------------

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

    // ---- orders ------------------------------------------------------------------------------------------------------

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

    // ---- TopCount, Distinct ----------------------------------------------------------------------------------------

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

    // ---- paging ----------------------------------------------------------------------------------------------------

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

    // ---- QueryByAttribute ------------------------------------------------------------------------------------------

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
