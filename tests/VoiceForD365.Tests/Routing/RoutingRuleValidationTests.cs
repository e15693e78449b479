using System.ServiceModel;
using Microsoft.Xrm.Sdk;
using VoiceForD365.Core.Schema;
using VoiceForD365.LocalOrg;
using VoiceForD365.Plugins.Routing;
using Xunit;

namespace VoiceForD365.Tests.Routing;

/// <summary>The routing rule validation plug-in: a rule is saved only as the routing service can apply it.</summary>
public sealed class RoutingRuleValidationTests
{
    private const string Target = "+358942427777";

    private readonly LocalOrganization _org = new(new LocalOrganizationOptions { PluginTypes = [typeof(RoutingRuleValidation)] });

    [Fact]
    public void RuleThatCanBeApplied_Should_BeSaved()
    {
        var id = _org.Service.Create(RoutingHarness.Rule("VIP", 10, RoutingCallerKind.AnyKnown, Target, "+358942427778",
            condition: ($"{RoutingRule.ParentAccountPrefix}{Account.AccountCategoryCode}", RoutingConditionOperator.EqualTo, "1"), openCase: RoutingOpenCasePriority.High,
            calledNumbers: "+358 9 4242 5000, 00358942425001"));

        Assert.NotEqual(Guid.Empty, id);
    }

    [Theory]
    [InlineData(RoutingCallerKind.Contact, "vfd_vipflag", "Condition Column 'vfd_vipflag' is not a column of the contact table")]
    [InlineData(RoutingCallerKind.AnyKnown, Account.AccountNumber, "Condition Column 'accountnumber' is not a column of the contact table")]
    [InlineData(RoutingCallerKind.AnyKnown, "parentaccount.fullname", "Condition Column 'parentaccount.fullname' is not a column of the parent account (account)")]
    [InlineData(RoutingCallerKind.Contact, "Full Name", "Condition Column 'full name' is not a column's logical name")]
    public void UnknownColumn_Should_BeRefusedNamingIt(int callerKind, string column, string message)
    {
        var error = Refused(RoutingHarness.Rule("Rule", 1, callerKind, Target, condition: (column, RoutingConditionOperator.HasValue, null)));

        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Account.AccountCategoryCode, RoutingConditionOperator.Contains, "1", "'Contains' compares text, but 'accountcategorycode' of the account table is a Picklist column")]
    [InlineData(Account.AccountCategoryCode, RoutingConditionOperator.EqualTo, "Preferred Customer", "it takes the value of one of its choices, a whole number such as 1 (not its label)")]
    [InlineData(Account.NumberOfEmployees, RoutingConditionOperator.EqualTo, "many", "it takes a whole number")]
    [InlineData(Account.PrimaryContactId, RoutingConditionOperator.EqualTo, "Liisa", "it takes the id (GUID) of a record")]
    [InlineData(StandardColumns.CreatedOn, RoutingConditionOperator.EqualTo, "2025-01-01", "is a DateTime column, which conditions can't compare")]
    [InlineData(Account.Name, RoutingConditionOperator.HasValue, "Contoso", "'Contains data' takes no Condition Value")]
    [InlineData(Account.Name, RoutingConditionOperator.EqualTo, null, "Give the Condition Value that column 'name' is compared with.")]
    public void OperatorOrValueThatDoNotSuitTheColumn_Should_BeRefused(string column, int @operator, string? value, string message)
    {
        var error = Refused(RoutingHarness.Rule("Rule", 1, RoutingCallerKind.Account, Target, condition: (column, @operator, value)));

        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(RoutingCallerKind.Unknown)]
    [InlineData(RoutingCallerKind.AnyCaller)]
    public void ConditionForCallersWithoutARecord_Should_BeRefused(int callerKind)
    {
        var error = Refused(RoutingHarness.Rule("Rule", 1, callerKind, Target, condition: (Contact.FullName, RoutingConditionOperator.HasValue, null)));

        Assert.Contains("can't have a condition on a column (an unknown caller has no record)", error, StringComparison.Ordinal);
    }

    [Fact]
    public void OpenCaseConditionForLeads_Should_BeRefused()
    {
        var error = Refused(RoutingHarness.Rule("Rule", 1, RoutingCallerKind.Lead, Target, openCase: RoutingOpenCasePriority.Any));

        Assert.Contains("Only contacts and accounts are the customers of cases", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", null, "Give the rule an Initial Target")]
    [InlineData("DISCONNECT:", "+358942425200", "A rule that disconnects the call has no Fail Target")]
    public void TargetsThatCanNotBeApplied_Should_BeRefused(string initial, string? fail, string message)
    {
        var error = Refused(RoutingHarness.Rule("Rule", 1, RoutingCallerKind.AnyCaller, initial, fail));

        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void CalledNumberInLocalForm_Should_BeRefused()
    {
        var error = Refused(RoutingHarness.Rule("Rule", 1, RoutingCallerKind.AnyCaller, Target, calledNumbers: "+358942425000, 09 4242 5001"));

        Assert.Contains("Called number '09 4242 5001' is not a number in international form", error, StringComparison.Ordinal);
    }

    [Fact]
    public void RuleWithoutOrderOrCaller_Should_BeRefusedListingBoth()
    {
        var rule = RoutingHarness.Rule("Rule", 1, RoutingCallerKind.AnyCaller, Target);
        rule.Attributes.Remove(RoutingRule.Order);
        rule.Attributes.Remove(RoutingRule.CallerKind);

        var error = Refused(rule);

        Assert.Contains("Give the rule an Order", error, StringComparison.Ordinal);
        Assert.Contains("Choose whom the rule is for (Caller)", error, StringComparison.Ordinal);
    }

    [Fact]
    public void UpdateThatBreaksTheRuleWithTheColumnsItKeeps_Should_BeRefused()
    {
        var id = _org.Service.Create(RoutingHarness.Rule("Rule", 1, RoutingCallerKind.Account, Target, condition: (Account.Name, RoutingConditionOperator.EqualTo, "Contoso Oy")));

        var error = Assert.Throws<FaultException<OrganizationServiceFault>>(() => _org.Service.Update(new Entity(RoutingRule.EntityName, id)
            { [RoutingRule.ConditionOperator] = new OptionSetValue(RoutingConditionOperator.HasNoValue) })).Detail.Message;

        Assert.Contains("'Does not contain data' takes no Condition Value: clear it.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void InactiveRule_Should_BeCheckedWhenItIsActivated()
    {
        var rule = RoutingHarness.Rule("Draft", 1, RoutingCallerKind.Unknown, Target, condition: (Contact.FullName, RoutingConditionOperator.HasValue, null));
        rule[RoutingRule.StateCode] = new OptionSetValue(1);
        rule[RoutingRule.StatusCode] = new OptionSetValue(2);
        var id = _org.Service.Create(rule);

        var error = Assert.Throws<FaultException<OrganizationServiceFault>>(() =>
            _org.Service.Update(new Entity(RoutingRule.EntityName, id) { [RoutingRule.StateCode] = new OptionSetValue(0), [RoutingRule.StatusCode] = new OptionSetValue(1) })).Detail.Message;

        Assert.Contains("A rule for unknown callers can't have a condition", error, StringComparison.Ordinal);
    }

    private string Refused(Entity rule)
    {
        var error = Assert.Throws<FaultException<OrganizationServiceFault>>(() => _org.Service.Create(rule)).Detail.Message;
        Assert.StartsWith("The routing rule can't be saved: ", error, StringComparison.Ordinal);
        return error;
    }
}
