using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using VoiceForD365.Core.Schema;
using VoiceForD365.LocalOrg;
using VoiceForD365.LocalOrgServer;
using VoiceForD365.WebApiClient;
using Xunit;

namespace VoiceForD365.Tests.WebApi;

public class SmokeTests
{
    [Fact]
    public void Smoke()
    {
        var org = new LocalOrganization();
        using var server = LocalOrgServer.LocalOrgServer.Start(org);
        using var client = new DataverseWebApiClient(server.ConnectionString);
        var account = client.Create(new Entity(Account.EntityName) { [Account.Name] = "Contoso", ["revenue"] = new Money(12.5m), ["industrycode"] = new OptionSetValue(2) });
        var id = client.Create(new Entity(Contact.EntityName) { [Contact.LastName] = "Virtanen", [Contact.ParentCustomerId] = new EntityReference(Account.EntityName, account) });
        var row = client.Retrieve(Contact.EntityName, id, new ColumnSet(true));
        Assert.Equal("Virtanen", row[Contact.LastName]);
        Assert.Equal(account, row.GetAttributeValue<EntityReference>(Contact.ParentCustomerId).Id);
        var query = new QueryExpression(Account.EntityName) { ColumnSet = new ColumnSet(true) };
        var all = client.RetrieveMultiple(query);
        Assert.Single(all.Entities);
    }
}
