using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using VoiceForD365.LocalOrg.Samples;
using Xunit;

namespace VoiceForD365.Tests.WebApi;

/// <summary>`vfd serve` over real HTTP, with the requests of the Webex Contact Center sample and of Postman-style callers.</summary>
public sealed class ServeTests : IClassFixture<ServeFixture>
{
    private readonly ServeFixture _serve;

    public ServeTests(ServeFixture serve) => _serve = serve;

    private async Task<(HttpStatusCode Status, JsonElement Json, HttpResponseMessage Response)> GetAsync(string url, string? prefer = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (prefer != null) request.Headers.Add("Prefer", prefer);
        var response = await _serve.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone(), response);
    }

    [Fact]
    public void FirstOutputLines_Should_GiveTheWebApiTheConnectionStringAndTheEmulator()
    {
        var lines = _serve.Output.Split('\n');

        Assert.StartsWith("Web API:           http://127.0.0.1:", lines[0]);
        Assert.EndsWith("/api/data/v9.2/", lines[0].TrimEnd());
        Assert.Matches(@"^Connection string: AuthType=Bearer;Url=http://127\.0\.0\.1:\d+/;Token=\S+$", lines[1].TrimEnd());
        Assert.StartsWith("Enreach emulator:  http://127.0.0.1:", lines[2]);
    }

    [Fact]
    public async Task WebexWhoAmI_Should_AnswerTheUserBusinessUnitAndOrganization()
    {
        var (status, json, _) = await GetAsync("WhoAmI");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(Guid.TryParse(json.GetProperty("UserId").GetString(), out _));
        Assert.True(Guid.TryParse(json.GetProperty("BusinessUnitId").GetString(), out _));
        Assert.True(Guid.TryParse(json.GetProperty("OrganizationId").GetString(), out _));
    }

    [Fact]
    public async Task WebexContactLookupByPartOfANumber_Should_FindTheSampleContacts()
    {
        var (status, json, _) = await GetAsync($"contacts?$select=fullname,telephone1,contactid&$filter=contains(telephone1,'{Uri.EscapeDataString(SampleData.HelsinkiSwitchboardPrefix[5..] + " 100")}')");

        Assert.Equal(HttpStatusCode.OK, status);
        var rows = json.GetProperty("value").EnumerateArray().ToList();
        Assert.Equal(["Jukka Nieminen", "Liisa Mäkinen"], rows.Select(r => r.GetProperty("fullname").GetString()).Order());
        Assert.All(rows, r => Assert.True(Guid.TryParse(r.GetProperty("contactid").GetString(), out _)));
    }

    [Fact]
    public async Task WebexCaseCreatedForACallerThenQueriedByCustomer_Should_ComeBackWithItsLookup()
    {
        var (_, contacts, _) = await GetAsync("contacts?$select=contactid&$filter=lastname eq 'Nieminen'");
        var contactId = contacts.GetProperty("value")[0].GetProperty("contactid").GetString();
        var body = $$"""{"title":"Call from the IVR","description":"Created by the Webex flow","customerid_contact@odata.bind":"/contacts({{contactId}})","caseorigincode":1,"casetypecode":2}""";
        var create = await _serve.Http.PostAsync("incidents", new StringContent(body, Encoding.UTF8, "application/json"));

        var (status, json, _) = await GetAsync($"incidents?$filter=_customerid_value eq {contactId}&$select=title,_customerid_value,ticketnumber", "odata.include-annotations=\"*\"");

        Assert.Equal(HttpStatusCode.NoContent, create.StatusCode);
        Assert.Contains("/incidents(", create.Headers.GetValues("OData-EntityId").Single());
        Assert.Equal(HttpStatusCode.OK, status);
        var incident = Assert.Single(json.GetProperty("value").EnumerateArray());
        Assert.Equal("Call from the IVR", incident.GetProperty("title").GetString());
        Assert.Equal(contactId, incident.GetProperty("_customerid_value").GetString());
        Assert.Equal("contact", incident.GetProperty("_customerid_value@Microsoft.Dynamics.CRM.lookuplogicalname").GetString());
        Assert.Equal("customerid_contact", incident.GetProperty("_customerid_value@Microsoft.Dynamics.CRM.associatednavigationproperty").GetString());
    }

    [Fact]
    public async Task RequestWithoutTheToken_Should_Get401WithTheSignInChallenge()
    {
        using var anonymous = new HttpClient { BaseAddress = _serve.WebApiUrl };

        var response = await anonymous.GetAsync("WhoAmI");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.StartsWith("Bearer authorization_uri=https://login.microsoftonline.com/", response.Headers.NonValidated["WWW-Authenticate"].Single());
    }

    [Fact]
    public async Task MaxPageSize_Should_PageThroughNextLinks()
    {
        var names = new List<string>();
        var url = "contacts?$select=lastname&$orderby=lastname asc";
        var pages = 0;
        while (url != null)
        {
            var (_, json, _) = await GetAsync(url, "odata.maxpagesize=3");
            pages++;
            names.AddRange(json.GetProperty("value").EnumerateArray().Select(r => r.GetProperty("lastname").GetString()!));
            url = json.TryGetProperty("@odata.nextLink", out var next) ? next.GetString()! : null!;
        }

        Assert.Equal(2, pages);
        Assert.Equal(["Johansson", "Lind", "Mäkinen", "Nieminen"], names);
    }

    [Fact]
    public async Task FilterWithNotOrNullTopCountAndExpand_Should_AnswerAsDataverse()
    {
        var (status, json, _) = await GetAsync(
            "contacts?$select=fullname&$filter=not(lastname eq 'Lind') and (startswith(lastname,'N') or endswith(lastname,'nen')) and mobilephone ne null" +
            "&$orderby=fullname desc&$top=2&$count=true&$expand=parentcustomerid_account($select=name)");

        Assert.Equal(HttpStatusCode.OK, status);
        var rows = json.GetProperty("value").EnumerateArray().ToList();
        Assert.Equal(["Liisa Mäkinen", "Jukka Nieminen"], rows.Select(r => r.GetProperty("fullname").GetString()));
        Assert.All(rows, r => Assert.Equal("Contoso Oy", r.GetProperty("parentcustomerid_account").GetProperty("name").GetString()));
        Assert.Equal(2, json.GetProperty("@odata.count").GetInt32());
    }

    [Fact]
    public async Task UnknownTableOrColumn_Should_AnswerDataversesErrorJson()
    {
        var (tableStatus, table, _) = await GetAsync("widgets");
        var (columnStatus, column, _) = await GetAsync("contacts?$filter=shoesize eq 42");

        Assert.Equal(HttpStatusCode.NotFound, tableStatus);
        Assert.Contains("widgets", table.GetProperty("error").GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, columnStatus);
        Assert.StartsWith("0x", column.GetProperty("error").GetProperty("code").GetString());
        Assert.Contains("shoesize", column.GetProperty("error").GetProperty("message").GetString());
    }

    [Fact]
    public async Task UpdateOnlyPatchOfAMissingRow_Should_Get404AndCreateNothing()
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, $"accounts({Guid.NewGuid()})") { Content = new StringContent("""{"name":"Ghost"}""", Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("If-Match", "*");

        var response = await _serve.Http.SendAsync(request);
        var (_, accounts, _) = await GetAsync("accounts?$select=name&$filter=name eq 'Ghost'");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(accounts.GetProperty("value").EnumerateArray());
    }

    [Fact]
    public async Task CreateWithReturnRepresentation_Should_Answer201WithTheRow()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "accounts?$select=name,revenue") { Content = new StringContent("""{"name":"Alder Logistics","revenue":1000.5}""", Encoding.UTF8, "application/json") };
        request.Headers.Add("Prefer", "return=representation");

        var response = await _serve.Http.SendAsync(request);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("Alder Logistics", json.GetProperty("name").GetString());
        Assert.Equal(1000.5m, json.GetProperty("revenue").GetDecimal());
    }

    [Fact]
    public async Task ChangeSetWithAContentIdReference_Should_CreateBothRowsLinked()
    {
        const string body = "--batch_1\r\nContent-Type: multipart/mixed; boundary=changeset_1\r\n\r\n" +
            "--changeset_1\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\nContent-ID: 1\r\n\r\n" +
            "POST /api/data/v9.2/accounts HTTP/1.1\r\nContent-Type: application/json\r\n\r\n{\"name\":\"Batch Oy\"}\r\n" +
            "--changeset_1\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\nContent-ID: 2\r\n\r\n" +
            "POST /api/data/v9.2/contacts HTTP/1.1\r\nContent-Type: application/json\r\n\r\n{\"lastname\":\"Batchinen\",\"parentcustomerid_account@odata.bind\":\"$1\"}\r\n" +
            "--changeset_1--\r\n--batch_1--\r\n";
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/mixed; boundary=batch_1");

        var response = await _serve.Http.PostAsync("$batch", content);
        var answer = await response.Content.ReadAsStringAsync();
        var (_, json, _) = await GetAsync("contacts?$select=lastname&$filter=lastname eq 'Batchinen'&$expand=parentcustomerid_account($select=name)");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, answer.Split("HTTP/1.1 204 No Content").Length - 1);
        Assert.Equal("Batch Oy", Assert.Single(json.GetProperty("value").EnumerateArray()).GetProperty("parentcustomerid_account").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Metadata_Should_DescribeTheTablesAndTheirNavigationProperties()
    {
        var csdl = await _serve.Http.GetStringAsync("$metadata");
        var (_, definition, _) = await GetAsync("EntityDefinitions(LogicalName='incident')?$select=EntitySetName&$expand=ManyToOneRelationships($select=ReferencingAttribute,ReferencedEntity,ReferencingEntityNavigationPropertyName)");

        Assert.Contains("<EntityType Name=\"contact\">", csdl);
        Assert.Equal("incidents", definition.GetProperty("EntitySetName").GetString());
        Assert.Contains(definition.GetProperty("ManyToOneRelationships").EnumerateArray(), r =>
            r.GetProperty("ReferencingAttribute").GetString() == "customerid" && r.GetProperty("ReferencedEntity").GetString() == "contact"
            && r.GetProperty("ReferencingEntityNavigationPropertyName").GetString() == "customerid_contact");
    }
}
