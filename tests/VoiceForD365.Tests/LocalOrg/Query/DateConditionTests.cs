using Microsoft.Xrm.Sdk.Query;
using VoiceForD365.LocalOrg;
using VoiceForD365.LocalOrg.Query;
using Xunit;

namespace VoiceForD365.Tests.LocalOrg.Query;

/// <summary>Date operators relative to the organization's clock: ConditionCompiler.Dates.cs.</summary>
public class DateConditionTests : QueryEngineTestBase
{
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
}
