using Microsoft.Xrm.Sdk;
using VoiceForD365.Core.Numbers;
using VoiceForD365.Core.Schema;
using VoiceForD365.Plugins.Numbers;
using Xunit;

namespace VoiceForD365.Tests.Numbers;

/// <summary>The number key plug-in through the local organization's pipeline (issue 11: keys kept on Create and Update).</summary>
public sealed class NumberKeyPluginTests
{
    private readonly NumbersOrg _org = new();

    [Fact]
    public void CreateContactWithPhones_Should_SetTheKeyOfEachInTheSameWrite()
    {
        var id = _org.Contact("Aino Virtanen", (Contact.Telephone1, "+358 50 454 5640"), (Contact.MobilePhone, "040-123 4567"), (Contact.Home2, "0035891234567"));

        Assert.Equal(new Dictionary<string, string>
        {
            [Contact.Telephone1Key] = "4545640",
            [Contact.MobilePhoneKey] = "1234567",
            [Contact.Home2Key] = "1234567",
        }, _org.Keys(Contact.EntityName, id));
        Assert.Equal(0, _org.Org.Requests.FromPlugins);
    }

    [Fact]
    public void CreateAccountAndLead_Should_SetTheirKeys()
    {
        var account = _org.Account("Contoso", (Account.Telephone2, "+46 8 123 456 78"));
        var lead = _org.Lead("Mikko Lead", (Lead.Telephone3, "+1 (425) 555-0100"), (Lead.MobilePhone, "1234"));

        Assert.Equal(new Dictionary<string, string> { [Account.Telephone2Key] = "2345678" }, _org.Keys(Account.EntityName, account));
        Assert.Equal(new Dictionary<string, string> { [Lead.Telephone3Key] = "5550100", [Lead.MobilePhoneKey] = "1234" }, _org.Keys(Lead.EntityName, lead));
    }

    [Fact]
    public void UpdatePhone_Should_ReplaceItsKeyAndLeaveTheOthers()
    {
        var id = _org.Contact("Aino", (Contact.Telephone1, "+358504545640"), (Contact.Telephone2, "+358401112222"));

        _org.Service.Update(new Entity(Contact.EntityName, id) { [Contact.Telephone1] = "+358 9 765 4321" });

        Assert.Equal(new Dictionary<string, string> { [Contact.Telephone1Key] = "7654321", [Contact.Telephone2Key] = "1112222" }, _org.Keys(Contact.EntityName, id));
    }

    [Fact]
    public void ClearPhone_Should_ClearItsKey()
    {
        var id = _org.Contact("Aino", (Contact.Telephone1, "+358504545640"), (Contact.MobilePhone, "+358401112222"));

        _org.Service.Update(new Entity(Contact.EntityName, id) { [Contact.Telephone1] = null });

        Assert.Equal(new Dictionary<string, string> { [Contact.MobilePhoneKey] = "1112222" }, _org.Keys(Contact.EntityName, id));
        Assert.Contains(_org.Org.Traces, t => t.Text.Contains("telephone1: key cleared.", StringComparison.Ordinal));
    }

    [Fact]
    public void PhoneWithoutDigits_Should_HaveNoKey()
    {
        var id = _org.Account("Contoso", (Account.Telephone1, "+358504545640"));

        _org.Service.Update(new Entity(Account.EntityName, id) { [Account.Telephone1] = "unknown" });

        Assert.Empty(_org.Keys(Account.EntityName, id));
    }

    [Fact]
    public void UpdateOfAnotherColumn_Should_NotRunThePlugin()
    {
        var id = _org.Contact("Aino", (Contact.Telephone1, "+358504545640"));
        _org.Org.ClearTraces();

        _org.Service.Update(new Entity(Contact.EntityName, id) { [Contact.LastName] = "Virtanen" });

        Assert.DoesNotContain(_org.Org.Traces, t => t.Step.Contains(nameof(NumberKeysOnPhoneChange), StringComparison.Ordinal));
        Assert.Equal("4545640", _org.Keys(Contact.EntityName, id)[Contact.Telephone1Key]);
    }

    [Fact]
    public void KeyWrittenByHand_Should_BeReplacedWhenItsPhoneIsSaved()
    {
        var id = _org.Contact("Aino", (Contact.Telephone1, "+358504545640"));

        _org.Service.Update(new Entity(Contact.EntityName, id) { [Contact.Telephone1] = "+358504545640", [Contact.Telephone1Key] = "0000000" });

        Assert.Equal("4545640", _org.Keys(Contact.EntityName, id)[Contact.Telephone1Key]);
    }

    [Fact]
    public void Steps_Should_BePreOperationOnCreateAndUpdateFilteredOnThePhoneColumnsOfTheCatalogue()
    {
        var steps = _org.Org.Steps.Where(s => s.PluginType == typeof(NumberKeysOnPhoneChange)).Select(s => s.Declaration).ToList();

        Assert.Equal(6, steps.Count);
        Assert.All(steps, s => Assert.Equal(Core.Registration.PipelineStage.PreOperation, s.Stage));
        Assert.All(steps, s => Assert.Equal(Core.Registration.ExecutionMode.Synchronous, s.Mode));
        foreach (var table in CustomerTables.All)
        {
            Assert.Single(steps, s => s.Message == MessageNames.Create && s.PrimaryEntity == table.LogicalName && s.FilteringAttributes.Count == 0);
            var update = Assert.Single(steps, s => s.Message == MessageNames.Update && s.PrimaryEntity == table.LogicalName);
            Assert.Equal(table.PhoneColumnNames, update.FilteringAttributes);
        }
    }
}
