using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.Xrm.Sdk;
using VoiceForD365.Core.Schema;
using VoiceForD365.LocalOrg.Samples;
using VoiceForD365.RoutingService;
using Xunit;

namespace VoiceForD365.Tests.Routing;

/// <summary>The Webex IVR lookup over the sample data: one request for who calls, their latest active case, the queue priority and the screen pop.</summary>
public sealed class WebexLookupTests(SampleRoutingFixture fixture) : IClassFixture<SampleRoutingFixture>
{
    private RoutingHarness Harness => fixture.Harness;

    private string Organization => Harness.Dataverse.BaseUrl.ToString().TrimEnd('/');

    [Fact]
    public async Task KnownCallerWithACase_Should_GetTheCaseItsPriorityAndItsScreenPop()
    {
        var (status, json) = await Harness.WebexAsync(SampleData.ErikMobile);

        var erik = Harness.Sample.Contacts[2];
        var @case = Harness.Sample.Cases[0];
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(
            ("found", true, erik.Id.ToString(), "Erik Johansson", "contact", 1),
            (S(json, "lookup"), json.GetProperty("known").GetBoolean(), S(json, "customerId"), S(json, "customerName"), S(json, "customerType"), json.GetProperty("matchCount").GetInt32()));
        Assert.Equal((true, @case.Id.ToString(), "CAS-01001-F7K2", "Invoicing system down", "Default Value", "High", 2),
            (json.GetProperty("hasCase").GetBoolean(), S(json, "caseId"), S(json, "caseNumber"), S(json, "caseTitle"), S(json, "caseSeverity"), S(json, "casePriority"),
                json.GetProperty("queuePriority").GetInt32()));
        Assert.Equal($"{Organization}/main.aspx?pagetype=entityrecord&etn=incident&id={@case.Id}", S(json, "screenPopUrl"));
    }

    [Fact]
    public async Task KnownCallerWithoutACase_Should_GetANewCaseFormForThem()
    {
        var (status, json) = await Harness.WebexAsync(SampleData.LiisaMobile);

        var liisa = Harness.Sample.Contacts[0];
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(("found", "Liisa Mäkinen", false, "", 6), (S(json, "lookup"), S(json, "customerName"), json.GetProperty("hasCase").GetBoolean(), S(json, "caseNumber"), json.GetProperty("queuePriority").GetInt32()));
        Assert.Equal($"{Organization}/main.aspx?pagetype=entityrecord&etn=incident&extraqs=" + Uri.EscapeDataString($"customerid={liisa.Id}&customeridname=Liisa Mäkinen&customeridtype=contact"),
            S(json, "screenPopUrl"));
    }

    [Fact]
    public async Task Lead_Should_BeKnownWithoutACase()
    {
        var (_, json) = await Harness.WebexAsync(SampleData.PekkaMobile);

        Assert.Equal(("found", "lead", "Pekka Laine", false), (S(json, "lookup"), S(json, "customerType"), S(json, "customerName"), json.GetProperty("hasCase").GetBoolean()));
        Assert.Equal($"{Organization}/main.aspx?pagetype=entityrecord&etn=incident", S(json, "screenPopUrl"));
    }

    [Fact]
    public async Task UnknownCaller_Should_GetAnEmptyCustomerAndANewCaseForm()
    {
        var (status, json) = await Harness.WebexAsync("+358401112223");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(("unknown", false, "", "", 0, 6), (S(json, "lookup"), json.GetProperty("known").GetBoolean(), S(json, "customerId"), S(json, "customerType"),
            json.GetProperty("matchCount").GetInt32(), json.GetProperty("queuePriority").GetInt32()));
        Assert.Equal($"{Organization}/main.aspx?pagetype=entityrecord&etn=incident", S(json, "screenPopUrl"));
    }

    [Fact]
    public async Task AniWithItsPlusUnencoded_Should_StillBeFound()
    {
        var (_, json) = await Harness.WebexAsync("+46701234567", encode: false);

        Assert.Equal("Erik Johansson", S(json, "customerName"));
    }

    [Fact]
    public async Task MissingAni_Should_Get400()
    {
        var (status, json) = await Harness.WebexAsync("");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith("ani (the caller's number) is required", S(json, "error"), StringComparison.Ordinal);
    }

    private static string S(JsonElement json, string property) => json.GetProperty(property).GetString()!;
}

/// <summary>The Webex lookup's case choice, priority table and screen pops as configured, and a Dynamics that does not answer.</summary>
public sealed class WebexLookupConfigurationTests
{
    [Fact]
    public async Task LatestActiveCase_Should_BeTheCustomersNewestActiveOne()
    {
        await using var harness = await RoutingHarness.StartAsync(seed: h =>
        {
            var anna = h.Sample.Contacts[3];
            h.Later();
            h.Org.Service.Create(Case("Anna's newer case", anna, IncidentPriority.Low));
            h.Later();
            var resolved = h.Org.Service.Create(Case("Anna's newest, resolved", anna, IncidentPriority.High));
            h.Org.Service.Update(new Entity(Incident.EntityName, resolved) { [Incident.StateCode] = new OptionSetValue(1), [Incident.StatusCode] = new OptionSetValue(5) });
            h.Later();
            h.Org.Service.Create(Case("Someone else's newest", h.Sample.Contacts[1], IncidentPriority.High));
        });

        var (_, json) = await harness.WebexAsync("+358 9 4242 3001");

        Assert.Equal(("Anna's newer case", "Low", 5), (json.GetProperty("caseTitle").GetString(), json.GetProperty("casePriority").GetString(), json.GetProperty("queuePriority").GetInt32()));
    }

    [Fact]
    public async Task ConfiguredAppAndPriorityTable_Should_ShapeTheAnswer()
    {
        var app = new Guid("8a18ed00-21e1-ed11-a7c6-000d3a8bcaaa");
        await using var harness = await RoutingHarness.StartAsync(o =>
        {
            o.Webex.AppId = app;
            o.Webex.QueuePriorities = [new QueuePriorityOption { CasePriority = IncidentPriority.High, Severity = 1, QueuePriority = 1 }, new QueuePriorityOption { CasePriority = IncidentPriority.High, QueuePriority = 3 }];
            o.Webex.UnknownCallerPriority = 9;
        });

        var (_, erik) = await harness.WebexAsync(SampleData.ErikMobile);
        var (_, unknown) = await harness.WebexAsync("+358401112223");

        Assert.Equal((1, 9), (erik.GetProperty("queuePriority").GetInt32(), unknown.GetProperty("queuePriority").GetInt32()));
        Assert.StartsWith($"{harness.Dataverse.BaseUrl}main.aspx?appid={app}&pagetype=entityrecord&etn=incident&id=", erik.GetProperty("screenPopUrl").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HangingDynamics_Should_AnswerAnUnknownCallerWithinTheBudget()
    {
        await using var harness = await RoutingHarness.StartAsync(o => o.BudgetMilliseconds = 500);
        harness.Dataverse.Faults.Slow(TimeSpan.FromSeconds(30));
        var watch = Stopwatch.StartNew();

        var (status, json) = await harness.WebexAsync(SampleData.ErikMobile);

        Assert.Equal((HttpStatusCode.OK, "unavailable", false), (status, json.GetProperty("lookup").GetString(), json.GetProperty("known").GetBoolean()));
        Assert.InRange(watch.ElapsedMilliseconds, 500, 2000);
    }

    private static Entity Case(string title, EntityReference customer, int priority) => new(Incident.EntityName)
    {
        [Incident.Title] = title,
        [Incident.CustomerId] = new EntityReference(customer.LogicalName, customer.Id),
        [Incident.PriorityCode] = new OptionSetValue(priority),
    };
}
