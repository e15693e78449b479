using Microsoft.Xrm.Sdk;
using VoiceForD365.Core.Numbers;
using VoiceForD365.Core.Schema;
using Xunit;

namespace VoiceForD365.Tests.Numbers;

/// <summary>The rebuild of number keys for records saved before the solution (or by imports that bypassed plug-ins), on the local organization.</summary>
public sealed class NumberKeyRebuildTests
{
    [Fact]
    public void RecordsSavedBeforeTheSolution_Should_GetTheirKeys()
    {
        var org = new NumbersOrg(withKeyPlugin: false);
        var contact = org.Contact("Aino", (Contact.Telephone1, "+358504545640"), (Contact.Business2, "09 765 4321"));
        var inactive = org.Contact("Former", (Contact.MobilePhone, "+358401112222"));
        org.Deactivate(Contact.EntityName, inactive);
        var account = org.Account("Contoso", (Account.Telephone3, "+46 8 123 456 78"));
        var lead = org.Lead("Lead", (Lead.MobilePhone, "1234"));
        org.Contact("No phone");

        var summary = new NumberKeyRebuilder(org.Service).Rebuild();

        Assert.Equal(new Dictionary<string, string> { [Contact.Telephone1Key] = "4545640", [Contact.Business2Key] = "7654321" }, org.Keys(Contact.EntityName, contact));
        Assert.Equal(new Dictionary<string, string> { [Contact.MobilePhoneKey] = "1112222" }, org.Keys(Contact.EntityName, inactive));
        Assert.Equal(new Dictionary<string, string> { [Account.Telephone3Key] = "2345678" }, org.Keys(Account.EntityName, account));
        Assert.Equal(new Dictionary<string, string> { [Lead.MobilePhoneKey] = "1234" }, org.Keys(Lead.EntityName, lead));
        Assert.Equal((5, 4, 1, 0), (summary.Read, summary.Updated, summary.Unchanged, summary.Failed));
        Assert.Equal(["contact: 3 read, 2 updated, 1 unchanged, 0 changed meanwhile, 0 failed", "account: 1 read, 1 updated, 0 unchanged, 0 changed meanwhile, 0 failed",
            "lead: 1 read, 1 updated, 0 unchanged, 0 changed meanwhile, 0 failed"], summary.Tables.Select(t => t.ToString()));
        Assert.True(summary.Complete);
    }

    [Fact]
    public void SecondRebuild_Should_ReadEverythingAndWriteNothing()
    {
        var org = new NumbersOrg(withKeyPlugin: false);
        org.Contact("Aino", (Contact.Telephone1, "+358504545640"));
        org.Account("Contoso", (Account.Telephone1, "+358 9 765 4321"));
        new NumberKeyRebuilder(org.Service).Rebuild();
        org.Org.Requests.Reset();

        var summary = new NumberKeyRebuilder(org.Service).Rebuild();

        Assert.Equal((2, 0, 2), (summary.Read, summary.Updated, summary.Unchanged));
        Assert.Equal(0, org.Org.Requests.Of("ExecuteMultiple"));
        Assert.Equal(0, org.Org.Requests.Of(MessageNames.Update));
        Assert.Equal(CustomerTables.All.Count, org.Org.Requests.Of(MessageNames.RetrieveMultiple));
    }

    [Fact]
    public void RecordsKeyedByThePlugin_Should_NeedNoWrite()
    {
        var org = new NumbersOrg();
        org.Contact("Aino", (Contact.Telephone1, "+358504545640"), (Contact.Home2, "+358 9 765 4321"));
        org.Lead("Lead", (Lead.Telephone2, "+1 425 555 0100"));

        var summary = new NumberKeyRebuilder(org.Service).Rebuild();

        Assert.Equal((2, 0), (summary.Read, summary.Updated));
    }

    [Fact]
    public void WrongAndLeftOverKeys_Should_BeCorrectedAndCleared()
    {
        var org = new NumbersOrg(withKeyPlugin: false);
        var id = org.Service.Create(new Entity(Contact.EntityName)
        {
            [Contact.FullName] = "Aino",
            [Contact.Telephone1] = "+358504545640",
            [Contact.Telephone1Key] = "0000000",
            [Contact.Telephone2Key] = "1112222",
        });

        var summary = new NumberKeyRebuilder(org.Service).Rebuild(CustomerTables.Contact);

        Assert.Equal(new Dictionary<string, string> { [Contact.Telephone1Key] = "4545640" }, org.Keys(Contact.EntityName, id));
        Assert.Equal(1, summary.Updated);
    }

    [Fact]
    public void ThousandsOfRecords_Should_BeWrittenInBatchesOfAtMostAThousand()
    {
        var org = new NumbersOrg(withKeyPlugin: false);
        for (var i = 0; i < 2500; i++) org.Contact("Contact " + i, (Contact.MobilePhone, "+35840" + (1000000 + i)));
        org.Org.Requests.Reset();

        var summary = new NumberKeyRebuilder(org.Service).Rebuild(CustomerTables.Contact);

        Assert.Equal((2500, 2500, 3), (summary.Read, summary.Updated, summary.Batches));
        Assert.Equal(3, org.Org.Requests.Of("ExecuteMultiple"));
        Assert.Equal(2500, org.Org.Requests.Of(MessageNames.Update));
        Assert.Equal(1, org.Org.Requests.Of(MessageNames.RetrieveMultiple));
    }

    [Fact]
    public void RefusedUpdate_Should_BeReportedWhileTheOthersAreWritten()
    {
        var org = new NumbersOrg(false, typeof(RefuseLockedContactPlugin));
        var locked = org.Contact(RefuseLockedContactPlugin.LockedName, (Contact.Telephone1, "+358504545640"));
        var other = org.Contact("Aino", (Contact.Telephone1, "+358401112222"));

        var summary = new NumberKeyRebuilder(org.Service).Rebuild();

        var failure = Assert.Single(summary.Failures);
        Assert.Equal((Contact.EntityName, locked), (failure.Table, failure.Id));
        Assert.Contains("This contact is locked: test rule.", failure.Message);
        Assert.Equal(ErrorCodes.PluginError, failure.ErrorCode);
        Assert.Equal((2, 1, 1), (summary.Read, summary.Updated, summary.Failed));
        Assert.False(summary.Complete);
        Assert.Empty(org.Keys(Contact.EntityName, locked));
        Assert.Equal("1112222", org.Keys(Contact.EntityName, other)[Contact.Telephone1Key]);
    }

    [Fact]
    public void RecordChangedWhileRebuilding_Should_BeLeftAloneAndKeyedByTheNextRun()
    {
        var org = new NumbersOrg(false, typeof(TouchOtherContactPlugin));
        // Ids in this order, so the rebuild updates the toucher first and the touched record's row version has moved when its turn comes.
        org.Service.Create(new Entity(Contact.EntityName, new Guid("11111111-1111-1111-1111-111111111111"))
            { [Contact.FullName] = TouchOtherContactPlugin.ToucherName, [Contact.Telephone1] = "+358504545640" });
        var touched = org.Service.Create(new Entity(Contact.EntityName, new Guid("22222222-2222-2222-2222-222222222222"))
            { [Contact.FullName] = TouchOtherContactPlugin.TouchedName, [Contact.Telephone1] = "+358401112222" });

        var first = new NumberKeyRebuilder(org.Service).Rebuild(CustomerTables.Contact);

        Assert.Equal((2, 1, 1, 0), (first.Read, first.Updated, first.ChangedMeanwhile, first.Failed));
        Assert.Empty(org.Keys(Contact.EntityName, touched));

        var second = new NumberKeyRebuilder(org.Service).Rebuild(CustomerTables.Contact);

        Assert.Equal((1, 0), (second.Updated, second.ChangedMeanwhile));
        Assert.Equal("1112222", org.Keys(Contact.EntityName, touched)[Contact.Telephone1Key]);
    }
}
