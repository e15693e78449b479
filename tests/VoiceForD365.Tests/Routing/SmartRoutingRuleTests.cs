using System.Net;
using Microsoft.Xrm.Sdk;
using VoiceForD365.Core.Schema;
using VoiceForD365.Core.Settings;
using VoiceForD365.LocalOrg.Samples;
using Xunit;

namespace VoiceForD365.Tests.Routing;

/// <summary>Each kind of rule, added to the sample data as an administrator adds it, and applied over HTTP.</summary>
public sealed class SmartRoutingRuleTests : IAsyncLifetime
{
    private const string Closed = "+358942429999";
    private const string Target = "+358942427777";

    private RoutingHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await RoutingHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task DisconnectRule_Should_AnswerDisconnect()
    {
        await _harness.AddRuleAsync("Closed line", 1, RoutingCallerKind.AnyCaller, "disconnect:", calledNumbers: Closed);

        var (status, body) = await _harness.RouteAsync("+358401112223", Closed);

        Assert.Equal((HttpStatusCode.OK, "{\"InitialTarget\":\"DISCONNECT:\"}"), (status, body));
    }

    [Fact]
    public async Task RuleForUnknownCallers_Should_RouteAnUnknownCallerOnly()
    {
        await _harness.AddRuleAsync("Unknown callers to the front desk", 5, RoutingCallerKind.Unknown, Target);

        var unknown = await _harness.RouteAsync("+358401112223", SampleData.ServiceDeskNumber);
        var known = await _harness.RouteAsync(SampleData.ErikMobile, SampleData.ServiceDeskNumber);

        Assert.Equal((HttpStatusCode.OK, $"{{\"InitialTarget\":\"{Target}\"}}"), unknown);
        Assert.DoesNotContain(Target, known.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RulesInOrder_Should_LetTheLowestOrderWin()
    {
        await _harness.AddRuleAsync("Everyone first", 1, RoutingCallerKind.AnyCaller, Target);

        var (_, body) = await _harness.RouteAsync(SampleData.LiisaMobile, SampleData.ServiceDeskNumber);

        Assert.Equal($"{{\"InitialTarget\":\"{Target}\"}}", body);
    }

    [Theory]
    [InlineData(RoutingConditionOperator.EqualTo, "Jukka Nieminen", true)]
    [InlineData(RoutingConditionOperator.EqualTo, "jukka nieminen ", true)]
    [InlineData(RoutingConditionOperator.NotEqualTo, "Liisa Mäkinen", true)]
    [InlineData(RoutingConditionOperator.NotEqualTo, "Jukka Nieminen", false)]
    [InlineData(RoutingConditionOperator.Contains, "NIEMI", true)]
    [InlineData(RoutingConditionOperator.Contains, "Virtanen", false)]
    [InlineData(RoutingConditionOperator.HasValue, null, true)]
    [InlineData(RoutingConditionOperator.HasNoValue, null, false)]
    public async Task ConditionOnACallerColumn_Should_DecideByItsOperator(int @operator, string? value, bool routed)
    {
        await _harness.AddRuleAsync("By name", 1, RoutingCallerKind.Contact, Target, condition: (Contact.FullName, @operator, value));

        var (_, body) = await _harness.RouteAsync("+358502345678", SampleData.ServiceDeskNumber);

        Assert.Equal(routed, body.Contains(Target, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ConditionOnAnEmptyColumn_Should_NeitherEqualNorDiffer()
    {
        await _harness.AddRuleAsync("Not preferred", 1, RoutingCallerKind.Account, Target, condition: (Account.AccountCategoryCode, RoutingConditionOperator.NotEqualTo, "1"));
        var account = _harness.Org.Service.Create(new Entity(Account.EntityName) { [Account.Name] = "No category Oy", [Account.Telephone1] = "+358201112223" });

        var (empty, _) = await _harness.RouteAsync("+358201112223", SampleData.ServiceDeskNumber);
        var (standard, _) = await _harness.RouteAsync("+46855501000", SampleData.ServiceDeskNumber);

        Assert.NotEqual(Guid.Empty, account);
        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.OK), (empty, standard));
    }

    [Fact]
    public async Task ConditionOnTheParentAccount_Should_ApplyToAnyKnownCallerOfIt()
    {
        var northwind = _harness.Sample.Accounts[2];
        await _harness.AddRuleAsync("Northwind's people", 1, RoutingCallerKind.AnyKnown, Target,
            condition: ($"{RoutingRule.ParentAccountPrefix}{Account.AccountNumber}", RoutingConditionOperator.EqualTo, "NWT-3000"));
        var lead = _harness.Org.Service.Create(new Entity(Lead.EntityName)
        {
            [Lead.FullName] = "Olli Koski", [Lead.MobilePhone] = "+358407654321", [Lead.ParentAccountId] = northwind,
        });

        var contact = await _harness.RouteAsync("+358942423001", SampleData.ServiceDeskNumber);
        var ofLead = await _harness.RouteAsync("+358407654321", SampleData.ServiceDeskNumber);
        var other = await _harness.RouteAsync("+358502345678", SampleData.ServiceDeskNumber);

        Assert.NotEqual(Guid.Empty, lead);
        Assert.Equal(HttpStatusCode.OK, contact.Status);
        Assert.Equal(HttpStatusCode.OK, ofLead.Status);
        Assert.DoesNotContain(Target, other.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(RoutingOpenCasePriority.Normal, "+358942423001", true)]
    [InlineData(RoutingOpenCasePriority.High, "+358942423001", false)]
    [InlineData(RoutingOpenCasePriority.Any, "+358942423001", true)]
    [InlineData(RoutingOpenCasePriority.Any, "+358502345678", false)]
    public async Task OpenCaseRule_Should_ApplyToCustomersWithAnActiveCaseOfItsPriority(int priority, string anum, bool routed)
    {
        await _harness.AddRuleAsync("Open cases", 1, RoutingCallerKind.Contact, Target, openCase: priority);

        var (_, body) = await _harness.RouteAsync(anum, SampleData.ServiceDeskNumber);

        Assert.Equal(routed, body.Contains(Target, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ResolvedCase_Should_NotCountAsOpen()
    {
        await _harness.AddRuleAsync("Open normal cases", 1, RoutingCallerKind.Contact, Target, openCase: RoutingOpenCasePriority.Normal);
        _harness.Org.Service.Update(new Entity(Incident.EntityName, _harness.Sample.Cases[1].Id)
            { [Incident.StateCode] = new OptionSetValue(1), [Incident.StatusCode] = new OptionSetValue(5) });

        var (status, _) = await _harness.RouteAsync("+358942423001", SampleData.ServiceDeskNumber);

        Assert.Equal(HttpStatusCode.NoContent, status);
    }

    [Fact]
    public async Task NumberOfSeveralRecords_Should_OnlyGetRulesForAnyCaller()
    {
        await _harness.AddRuleAsync("Contacts", 1, RoutingCallerKind.Contact, Target);
        _harness.Org.Service.Create(new Entity(Contact.EntityName) { [Contact.FullName] = "Liisa's colleague", [Contact.Telephone2] = SampleData.LiisaMobile });

        var (status, _) = await _harness.RouteAsync(SampleData.LiisaMobile, SampleData.ServiceDeskNumber, callId: "call-several-1");

        Assert.Equal(HttpStatusCode.NoContent, status);
        Assert.Contains(_harness.Log.Lines, l => l.Contains("call-several-1", StringComparison.Ordinal) && l.Contains("MultipleMatchesPickFirst is off", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NumberOfSeveralRecordsWithPickFirst_Should_BeTheOldestContact()
    {
        _harness.Later();
        var newer = _harness.Org.Service.Create(new Entity(Contact.EntityName) { [Contact.FullName] = "Liisa's colleague", [Contact.Telephone2] = SampleData.LiisaMobile });
        await _harness.AddRuleAsync("Liisa herself", 1, RoutingCallerKind.Contact, Target, condition: (Contact.FullName, RoutingConditionOperator.EqualTo, "Liisa Mäkinen"));
        await _harness.SetSettingAsync(SettingNames.MultipleMatchesPickFirst, "True");

        var (status, body) = await _harness.RouteAsync(SampleData.LiisaMobile, SampleData.ServiceDeskNumber);

        Assert.NotEqual(Guid.Empty, newer);
        Assert.Equal((HttpStatusCode.OK, $"{{\"InitialTarget\":\"{Target}\"}}"), (status, body));
    }

    [Fact]
    public async Task NumbersToCut_Should_FindANumberStoredInLocalFormat()
    {
        await _harness.AddRuleAsync("Contacts", 1, RoutingCallerKind.Contact, Target);
        _harness.Org.Service.Create(new Entity(Contact.EntityName) { [Contact.FullName] = "Local format", [Contact.MobilePhone] = "050 765 4321" });
        await _harness.SetSettingAsync(SettingNames.NumbersToCut, "4");

        var (status, _) = await _harness.RouteAsync("+358507654321", SampleData.ServiceDeskNumber);

        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task RuleDeactivated_Should_NoLongerApplyAfterTheRefresh()
    {
        var rule = _harness.Sample.RoutingRules[3];
        _harness.Org.Service.Update(new Entity(RoutingRule.EntityName, rule.Id) { [RoutingRule.StateCode] = new OptionSetValue(1), [RoutingRule.StatusCode] = new OptionSetValue(2) });
        Assert.True(await _harness.Routing.RefreshRulesAsync());

        var (status, _) = await _harness.RouteAsync(SampleData.PekkaMobile, SampleData.ServiceDeskNumber);

        Assert.Equal(HttpStatusCode.NoContent, status);
    }

    [Fact]
    public async Task RuleSavedPastTheValidation_Should_BeSkippedAndLogged()
    {
        await using var harness = await RoutingHarness.StartAsync(validation: false, seed: h => h.Org.Service.Create(
            RoutingHarness.Rule("Imported with a local number", 1, RoutingCallerKind.AnyCaller, "+358942427777", calledNumbers: "09 4242 5000")));

        var (status, _) = await harness.RouteAsync(SampleData.PekkaMobile, SampleData.ServiceDeskNumber);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(harness.Log.Lines, l => l.Contains("Routing rule skipped: 'Imported with a local number': Called number '09 4242 5000' is not a number in international form", StringComparison.Ordinal));
    }
}
