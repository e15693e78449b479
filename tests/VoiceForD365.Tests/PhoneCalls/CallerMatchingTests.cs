using Microsoft.Xrm.Sdk;
using VoiceForD365.Core.PhoneCalls;
using VoiceForD365.Core.Schema;
using VoiceForD365.Core.Settings;
using Xunit;

namespace VoiceForD365.Tests.PhoneCalls;

/// <summary>Who the caller is: one customer, none, or several (MultipleMatchesPickFirst, EnableMultipleMatchCreate with its status, or a skip); NumbersToCut.</summary>
public sealed class CallerMatchingTests
{
    private static List<EntityReference?> Callers(Entity phoneCall, string column) =>
        phoneCall.GetAttributeValue<EntityCollection>(column).Entities.Select(p => (EntityReference?)p.GetAttributeValue<EntityReference>(ActivityParty.PartyId)).ToList();

    [Fact]
    public async Task CallerWhoIsOneContact_Should_BeTheCallFromParty()
    {
        await using var rig = await SyncRig.StartAsync();
        var liisa = rig.Contact("Liisa Mäkinen", "+358 40 123 4567");
        var call = rig.Direct();

        var summary = rig.Run();

        Assert.Equal(liisa.Id, Assert.Single(Callers(rig.PhoneCallOf(call), PhoneCall.From))!.Id);
        Assert.Contains("caller contact Liisa Mäkinen (by telephone1)", Assert.Single(summary.Decisions).Reason);
    }

    [Fact]
    public async Task CustomerWhoseNumberChanged_Should_BeFoundByTheNewNumberOnly()
    {
        await using var rig = await SyncRig.StartAsync();
        var liisa = rig.Contact("Liisa Mäkinen", "+358 40 999 9999");
        // The number key plug-in of the rig's organization keys the new number (and drops the old key) on Update.
        rig.Service.Update(new Entity(Contact.EntityName, liisa.Id) { [Contact.Telephone1] = "+358 40 123 4567" });
        var call = rig.Direct();
        var old = rig.Direct(other: "+358409999999");

        rig.Run();

        Assert.Equal(liisa.Id, Assert.Single(Callers(rig.PhoneCallOf(call), PhoneCall.From))!.Id);
        Assert.Null(Assert.Single(rig.PhoneCallOf(old).GetAttributeValue<EntityCollection>(PhoneCall.From).Entities).GetAttributeValue<EntityReference>(ActivityParty.PartyId));
    }

    [Fact]
    public async Task CalledCustomerOfAnOutgoingCall_Should_BeTheCallToParty()
    {
        await using var rig = await SyncRig.StartAsync();
        var account = rig.Account("Contoso Oy", SyncRig.Customer);
        var call = rig.Direct(outgoing: true);

        rig.Run();

        Assert.Equal(account.Id, Assert.Single(Callers(rig.PhoneCallOf(call), PhoneCall.To))!.Id);
    }

    [Fact]
    public async Task UnknownCaller_Should_BeLoggedWithTheNumberOnly()
    {
        await using var rig = await SyncRig.StartAsync();
        rig.Contact("Someone Else", "+358 40 999 9999");
        var call = rig.Direct();

        var summary = rig.Run();

        var party = Assert.Single(rig.PhoneCallOf(call).GetAttributeValue<EntityCollection>(PhoneCall.From).Entities);
        Assert.Null(party.GetAttributeValue<EntityReference>(ActivityParty.PartyId));
        Assert.Equal(SyncRig.Customer, party[ActivityParty.AddressUsed]);
        Assert.Contains("no customer has the number: logged with the number only", Assert.Single(summary.Decisions).Reason);
    }

    [Fact]
    public async Task SeveralCustomersWithMultipleMatchesPickFirst_Should_TakeTheContactFirst()
    {
        await using var rig = await SyncRig.StartAsync();
        rig.Set(SettingNames.MultipleMatchesPickFirst, "True");
        rig.Lead("Lead Person", SyncRig.Customer);
        rig.Account("Contoso Oy", SyncRig.Customer);
        var contact = rig.Contact("Liisa Mäkinen", SyncRig.Customer);
        var call = rig.Direct();

        var summary = rig.Run();

        Assert.Equal(contact.Id, Assert.Single(Callers(rig.PhoneCallOf(call), PhoneCall.From))!.Id);
        Assert.Contains("the first of 3 customers with the number (MultipleMatchesPickFirst", Assert.Single(summary.Decisions).Reason);
    }

    [Fact]
    public async Task SeveralCustomersWithEnableMultipleMatchCreate_Should_MakeThemAllPartiesWithTheMultipleMatchStatus()
    {
        await using var rig = await SyncRig.StartAsync();
        var contact = rig.Contact("Liisa Mäkinen", SyncRig.Customer);
        var account = rig.Account("Contoso Oy", SyncRig.Customer);
        var call = rig.Direct();

        var summary = rig.Run();

        var phoneCall = rig.PhoneCallOf(call);
        Assert.Equal([contact.Id, account.Id], Callers(phoneCall, PhoneCall.From).Select(c => c!.Id));
        // MultipleMatchPhoneCallStatus 1 (the default) is Open: the call waits for someone to pick the customer.
        Assert.Equal((PhoneCall.StateOpen, PhoneCall.StatusOpen), (phoneCall.GetAttributeValue<OptionSetValue>(PhoneCall.StateCode).Value, phoneCall.GetAttributeValue<OptionSetValue>(PhoneCall.StatusCode).Value));
        Assert.Contains("2 customers have the number, all of them parties (EnableMultipleMatchCreate)", Assert.Single(summary.Decisions).Reason);
    }

    [Fact]
    public async Task MultipleMatchPhoneCallStatusOfACompletedReason_Should_CompleteTheCallWithIt()
    {
        await using var rig = await SyncRig.StartAsync();
        rig.Set(SettingNames.MultipleMatchPhoneCallStatus, "2");
        rig.Contact("Liisa Mäkinen", SyncRig.Customer);
        rig.Contact("Jukka Nieminen", SyncRig.Customer);
        var call = rig.Direct();

        rig.Run();

        var phoneCall = rig.PhoneCallOf(call);
        Assert.Equal((PhoneCall.StateCompleted, PhoneCall.StatusMade), (phoneCall.GetAttributeValue<OptionSetValue>(PhoneCall.StateCode).Value, phoneCall.GetAttributeValue<OptionSetValue>(PhoneCall.StatusCode).Value));
    }

    [Fact]
    public async Task SeveralCustomersWithNeitherSetting_Should_BeSkippedNamingThem()
    {
        await using var rig = await SyncRig.StartAsync();
        rig.Set(SettingNames.EnableMultipleMatchCreate, "False");
        rig.Contact("Liisa Mäkinen", SyncRig.Customer);
        rig.Lead("Lead Person", SyncRig.Customer);
        rig.Direct();

        var summary = rig.Run();

        Assert.Empty(rig.PhoneCalls());
        var decision = Assert.Single(summary.Decisions);
        Assert.Equal(PhoneCallSkipReason.MultipleMatches, decision.SkipReason);
        Assert.Contains("2 customers have the number +358401234567 (contact Liisa Mäkinen (by telephone1), lead Lead Person (by mobilephone)), and neither MultipleMatchesPickFirst nor EnableMultipleMatchCreate is on", decision.Reason);
        Assert.Equal(1, Assert.Single(rig.Runs()).GetAttributeValue<int>(SyncRun.SkippedMultipleMatches));
    }

    [Fact]
    public async Task LocallyStoredNumberWithNumbersToCut_Should_MatchTheInternationalCaller()
    {
        await using var rig = await SyncRig.StartAsync();
        var local = rig.Contact("Local Format", "040 123 4567");
        var exact = rig.Direct();
        rig.Run();
        rig.Set(SettingNames.NumbersToCut, "4");
        rig.Advance(TimeSpan.FromMinutes(3));
        var cut = rig.Direct();

        rig.Run();

        Assert.Null(Assert.Single(Callers(rig.PhoneCallOf(exact), PhoneCall.From)));
        Assert.Equal(local.Id, Assert.Single(Callers(rig.PhoneCallOf(cut), PhoneCall.From))!.Id);
    }
}
