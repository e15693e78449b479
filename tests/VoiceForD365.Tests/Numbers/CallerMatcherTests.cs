using Microsoft.Xrm.Sdk;
using VoiceForD365.Core.Matching;
using VoiceForD365.Core.Numbers;
using VoiceForD365.Core.Schema;
using VoiceForD365.Core.Settings;
using Xunit;

namespace VoiceForD365.Tests.Numbers;

/// <summary>The caller matcher as the phone call sync, the callback sync and smart routing call it, on the local organization.</summary>
public sealed class CallerMatcherTests
{
    private readonly NumbersOrg _org = new();

    private CallerMatches MatchOne(string number, int numbersToCut = 0) =>
        new CallerMatcher(_org.Service).Match([number], new MatchOptions(numbersToCut)).For(number);

    [Fact]
    public void ExactE164Number_Should_FindTheContactWhateverItsSpelling()
    {
        var id = _org.Contact("Aino Virtanen", (Contact.MobilePhone, "+358 50 454 5640"));

        var matches = MatchOne("+358504545640");

        var match = Assert.Single(matches.Matches);
        Assert.Equal((Contact.EntityName, id, "Aino Virtanen", Contact.MobilePhone, "+358 50 454 5640"), (match.Table, match.Id, match.Name, match.MatchedColumn, match.MatchedNumber));
        Assert.Equal(CallerMatchCount.One, matches.Count);
        Assert.Same(match, matches.Single);
        var reference = match.ToEntityReference();
        Assert.Equal((Contact.EntityName, id, "Aino Virtanen"), (reference.LogicalName, reference.Id, reference.Name));
    }

    [Fact]
    public void LocalFormatWithNumbersToCut_Should_MatchWhereExactDoesNot()
    {
        var id = _org.Account("Contoso Oy", (Account.Telephone2, "050 454 5640"));

        Assert.Equal(CallerMatchCount.None, MatchOne("+358504545640").Count);
        var match = Assert.Single(MatchOne("+358504545640", numbersToCut: 4).Matches);
        Assert.Equal((Account.EntityName, id, Account.Telephone2), (match.Table, match.Id, match.MatchedColumn));
    }

    [Fact]
    public void SeveralMatchesAcrossTables_Should_ComeContactsAccountsLeadsOldestFirst()
    {
        var lead = _org.Lead("Lead", (Lead.Telephone1, "+358504545640"));
        var olderAccount = _org.Account("Older account", (Account.Telephone1, "+358504545640"));
        var newerContact = _org.Contact("Newer contact", (Contact.Telephone3, "+358504545640"));
        _org.Later(60);
        var newestContact = _org.Contact("Newest contact", (Contact.Telephone1, "+358504545640"));
        var oldestContact = CreateBackdated("Oldest contact");

        var matches = MatchOne("+358504545640");

        Assert.Equal(CallerMatchCount.Several, matches.Count);
        Assert.Equal([oldestContact, newerContact, newestContact, olderAccount, lead], matches.Matches.Select(m => m.Id));
        Assert.Equal(oldestContact, matches.First!.Id);
        Assert.Null(matches.Single);
    }

    [Fact]
    public void RecordsCreatedAtTheSameMoment_Should_ComeInTheOrderOfTheirIds()
    {
        var org = new NumbersOrg();
        var high = org.Service.Create(new Entity(Contact.EntityName, new Guid("f0000000-0000-0000-0000-000000000001")) { [Contact.FullName] = "High", [Contact.Telephone1] = "+358504545640" });
        var low = org.Service.Create(new Entity(Contact.EntityName, new Guid("0f000000-0000-0000-0000-000000000002")) { [Contact.FullName] = "Low", [Contact.Telephone1] = "+358504545640" });

        var matches = new CallerMatcher(org.Service).Match(["+358504545640"], MatchOptions.Exact).For("+358504545640");

        Assert.Equal([low, high], matches.Matches.Select(m => m.Id));
    }

    [Fact]
    public void InactiveRecordsAndClosedLeads_Should_BeIgnored()
    {
        var inactiveContact = _org.Contact("Former", (Contact.Telephone1, "+358504545640"));
        _org.Deactivate(Contact.EntityName, inactiveContact);
        var inactiveAccount = _org.Account("Closed Oy", (Account.Telephone1, "+358504545640"));
        _org.Deactivate(Account.EntityName, inactiveAccount);
        var qualified = _org.Lead("Qualified lead", (Lead.MobilePhone, "+358504545640"));
        _org.Deactivate(Lead.EntityName, qualified, state: 1, status: 3);
        var open = _org.Lead("Open lead", (Lead.Telephone2, "+358504545640"));

        var match = Assert.Single(MatchOne("+358504545640").Matches);

        Assert.Equal(open, match.Id);
    }

    [Fact]
    public void NumberUnderSevenDigits_Should_MatchOnlyExactlyEvenWithNumbersToCut()
    {
        var exact = _org.Contact("Switchboard", (Contact.Telephone1, "12 345"));
        _org.Contact("Longer", (Contact.Telephone1, "912345"));

        var match = Assert.Single(MatchOne("12345", numbersToCut: 4).Matches);

        Assert.Equal(exact, match.Id);
    }

    [Fact]
    public void RecordMatchingOnTwoColumns_Should_BeOneMatchOnTheFirstColumn()
    {
        _org.Contact("Aino", (Contact.MobilePhone, "+358504545640"), (Contact.Telephone2, "00358 50 454 5640"));

        var match = Assert.Single(MatchOne("+358504545640").Matches);

        Assert.Equal(Contact.Telephone2, match.MatchedColumn);
    }

    [Fact]
    public void SameKeyButAnotherNumber_Should_NotMatch()
    {
        _org.Contact("Other country", (Contact.Telephone1, "+46 70 454 5640"));

        Assert.Equal(CallerMatchCount.None, MatchOne("+358504545640").Count);
        Assert.Equal(CallerMatchCount.None, MatchOne("+358504545640", numbersToCut: 4).Count);
    }

    [Fact]
    public void NumbersGivenInSeveralSpellings_Should_BeOneEntryFoundByAnyOfThem()
    {
        _org.Contact("Aino", (Contact.Telephone1, "+358504545640"));

        var result = new CallerMatcher(_org.Service).Match(["+358504545640", "00358 50 454 5640", "  ", "unknown"], MatchOptions.Exact);

        Assert.Equal(["+358504545640", "unknown"], result.Numbers.Select(n => n.Number));
        Assert.Same(result.For("+358504545640"), result.For("+358 50 454 56 40"));
        Assert.Equal(CallerMatchCount.None, result.For("unknown").Count);
        Assert.Null(result.For("unknown").Normalized);
        Assert.Throws<KeyNotFoundException>(() => result.For("+358401112222"));
    }

    [Fact]
    public void NumbersWithoutDigits_Should_CostNoQuery()
    {
        _org.Org.Requests.Reset();

        var result = new CallerMatcher(_org.Service).Match(["anonymous", ""], MatchOptions.Exact);

        Assert.Equal(0, _org.Org.Requests.Total);
        Assert.Equal(CallerMatchCount.None, Assert.Single(result.Numbers).Count);
    }

    [Fact]
    public void ThousandsOfDistinctNumbers_Should_CostThreeQueriesPerTable()
    {
        var numbers = Enumerable.Range(0, 2500).Select(i => "+35840" + (1000000 + i)).ToList();
        for (var i = 0; i < 2500; i += 100) _org.Contact("Contact " + i, (Contact.MobilePhone, numbers[i]));
        _org.Account("Account", (Account.Telephone1, numbers[2499]));
        _org.Lead("Lead", (Lead.Telephone1, numbers[1234]));
        _org.Org.Requests.Reset();

        var result = new CallerMatcher(_org.Service).Match(numbers, MatchOptions.Exact);

        Assert.Equal(3 * CustomerTables.All.Count, _org.Org.Requests.Total);
        Assert.Equal(3 * CustomerTables.All.Count, _org.Org.Requests.Of(MessageNames.RetrieveMultiple));
        Assert.Equal(2500, result.Numbers.Count);
        Assert.Equal(27, result.Numbers.Count(n => n.Count == CallerMatchCount.One));
        Assert.Equal(Account.EntityName, result.For(numbers[2499]).Single!.Table);
        Assert.Equal(Lead.EntityName, result.For(numbers[1234]).Single!.Table);
    }

    [Fact]
    public void NumbersToCutSetting_Should_GiveTheOptions()
    {
        var settings = new Settings.SettingOrg(withValidation: false);
        settings.Create(SettingNames.NumbersToCut, "4");

        Assert.Equal(4, MatchOptions.FromSettings(new VoiceSettings(settings.Service)).NumbersToCut);
    }

    [Fact]
    public void MissingNumbersToCutSetting_Should_MeanExactMatching() =>
        Assert.Equal(0, MatchOptions.FromSettings(new VoiceSettings(new Settings.SettingOrg().Service)).NumbersToCut);

    [Fact]
    public void NumbersToCutSavedWithoutValidation_Should_StopMatchingWithTheSettingsMessage()
    {
        var settings = new Settings.SettingOrg(withValidation: false);
        settings.Create(SettingNames.NumbersToCut, "four");

        var error = Assert.Throws<InvalidSettingException>(() => MatchOptions.FromSettings(new VoiceSettings(settings.Service)));

        Assert.Contains("NumbersToCut must be a whole number from 0 to 16, but its Value is 'four'", error.Message);
        Assert.Contains("Callers are not matched until it is corrected.", error.Message);
    }

    /// <summary>A contact created a day before the others (the organization's clock set back for it).</summary>
    private Guid CreateBackdated(string name)
    {
        _org.Later(-24 * 60);
        var id = _org.Contact(name, (Contact.Business2, "+358 50 454 5640"));
        _org.Later(24 * 60);
        return id;
    }
}
