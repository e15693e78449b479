using Microsoft.Xrm.Sdk;
using VoiceForD365.Core.Matching;
using VoiceForD365.Core.Numbers;
using VoiceForD365.Core.Schema;
using VoiceForD365.LocalOrg;
using VoiceForD365.Plugins.Numbers;
using Xunit;

namespace VoiceForD365.Tests.Numbers;

/// <summary>
/// The matcher and the rebuild through the product's Dataverse Web API client, against the local organization served
/// over HTTP on loopback: how the sync worker and the routing service run them against a real organization.
/// </summary>
public sealed class NumbersOverWebApiTests : IDisposable
{
    private readonly LocalOrganization _org = new(new LocalOrganizationOptions { PluginTypes = [typeof(NumberKeysOnPhoneChange)] });
    private readonly LocalOrgServer.LocalOrgServer _server;
    private readonly WebApiClient.DataverseWebApiClient _client;

    public NumbersOverWebApiTests()
    {
        _server = LocalOrgServer.LocalOrgServer.Start(_org);
        _client = new WebApiClient.DataverseWebApiClient(_server.ConnectionString);
    }

    public void Dispose()
    {
        _client.Dispose();
        _server.Dispose();
    }

    [Fact]
    public void ThousandsOfNumbers_Should_FindTheirCallersInTheDocumentedOrder()
    {
        var numbers = Enumerable.Range(0, 2500).Select(i => "+35840" + (1000000 + i)).ToList();
        var lead = _client.Create(new Entity(Lead.EntityName) { [Lead.FullName] = "Lead", [Lead.MobilePhone] = numbers[1500] });
        var account = _client.Create(new Entity(Account.EntityName) { [Account.Name] = "Contoso Oy", [Account.Telephone1] = "040 100 1500" });
        var contact = _client.Create(new Entity(Contact.EntityName) { [Contact.FullName] = "Aino", [Contact.Telephone2] = "00358 40 100 1500" });

        var result = new CallerMatcher(_client).Match(numbers, new MatchOptions(numbersToCut: 4));

        Assert.Equal([contact, account, lead], result.For(numbers[1500]).Matches.Select(m => m.Id));
        Assert.Equal(1, result.Numbers.Count(n => n.Count != CallerMatchCount.None));
    }

    [Fact]
    public void Rebuild_Should_WriteStaleKeysInBatchesAndThenNothing()
    {
        // Saved with keys left wrong, as an import that bypassed plug-ins leaves them.
        var stale = _org.Service.Create(new Entity(Contact.EntityName) { [Contact.FullName] = "Aino", [Contact.MobilePhone] = "+358504545640" });
        _org.Service.Update(new Entity(Contact.EntityName, stale) { [Contact.MobilePhoneKey] = "0000000" });

        var first = new NumberKeyRebuilder(_client).Rebuild();
        var second = new NumberKeyRebuilder(_client).Rebuild();

        Assert.Equal((1, 0), (first.Updated, first.Failed));
        Assert.Equal((1, 0), (second.Read, second.Updated));
        Assert.Equal("4545640", _org.Service.Retrieve(Contact.EntityName, stale, new(Contact.MobilePhoneKey)).GetAttributeValue<string>(Contact.MobilePhoneKey));
    }
}
