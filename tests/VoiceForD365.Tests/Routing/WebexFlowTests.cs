using System.Net;
using System.Text.Json;
using VoiceForD365.LocalOrg.Samples;
using VoiceForD365.RoutingService;
using Xunit;

namespace VoiceForD365.Tests.Routing;

/// <summary>The shipped Webex flow: well formed, one lookup to our endpoint with the bearer key, and what a caller hears, the queue priority and the screen pop when it runs against the service.</summary>
public sealed class WebexFlowTests(SampleRoutingFixture fixture) : IClassFixture<SampleRoutingFixture>
{
    private static readonly WebexFlow Flow = WebexFlow.Load();

    private RoutingHarness Harness => fixture.Harness;

    private string Organization => Harness.Dataverse.BaseUrl.ToString().TrimEnd('/');

    [Fact]
    public void Flow_Should_LinkOnlyItsOwnActivities_AndHaveADiagramWidgetForEachActivityAndLink()
    {
        var eventFlow = Flow.Root.GetProperty("eventFlows").GetProperty("eventsMap").GetProperty("GLOBAL_EVENTS");
        foreach (var (process, diagram) in new[] { (Flow.MainProcess, Flow.Root.GetProperty("diagram")), (Flow.EventProcess, eventFlow.GetProperty("diagram")) })
        {
            var activities = WebexFlow.Activities(process).ToDictionary(a => a.GetProperty("id").GetString()!);
            var links = process.GetProperty("links").EnumerateArray().ToList();
            var widgets = diagram.GetProperty("widgets").EnumerateObject().ToDictionary(w => w.Name, w => w.Value);
            Assert.All(process.GetProperty("activities").EnumerateObject(), a => Assert.Equal(a.Name, a.Value.GetProperty("id").GetString()));
            Assert.All(links, l => Assert.True(activities.ContainsKey(l.GetProperty("sourceActivityId").GetString()!) && activities.ContainsKey(l.GetProperty("targetActivityId").GetString()!),
                $"link {l.GetProperty("id")} joins an activity of another flow"));
            Assert.All(activities.Values.Where(a => WebexFlow.Kind(a) is not ("NewPhoneContact" or "event")),
                a => Assert.Contains(links, l => l.GetProperty("targetActivityId").GetString() == a.GetProperty("id").GetString()));
            Assert.Equal(activities.Keys.Concat(links.Select(l => l.GetProperty("id").GetString()!)).Order(), widgets.Keys.Order());
            var linkWidgets = widgets.Values.Where(w => w.GetProperty("widgetType").GetString() == "link").Select(w => w.GetProperty("id").GetString()).ToHashSet();
            Assert.All(widgets.Values.Where(w => w.GetProperty("widgetType").GetString() == "activity").SelectMany(w => w.GetProperty("ports").EnumerateArray()),
                port => Assert.All(port.GetProperty("links").EnumerateArray(), link => Assert.Contains(link.GetString(), linkWidgets)));
        }
        Assert.All(eventFlow.GetProperty("onEvents").EnumerateObject(), e => Assert.Equal(e.Name, Flow.EventProcess.GetProperty("activities").GetProperty(e.Value.GetString()!).GetProperty("name").GetString()));
        Assert.Equal(Flow.Variables.Count, Flow.Variables.Select(v => v.GetProperty("name").GetString()).Distinct().Count());
    }

    [Fact]
    public void Flow_Should_AskOurEndpointOnce_WithTheBearerKeyItsAdministratorSets()
    {
        var lookups = WebexFlow.Activities(Flow.MainProcess).Concat(WebexFlow.Activities(Flow.EventProcess)).Where(a => WebexFlow.Kind(a) == "http-request-v2").ToList();

        var lookup = Assert.Single(lookups).GetProperty("properties");
        var url = new Uri(lookup.GetProperty("httpRequestUrl").GetString()!);
        Assert.Equal((Uri.UriSchemeHttps, WebexEndpoint.Path), (url.Scheme, url.AbsolutePath));
        Assert.Equal("{{NewPhoneContact.ANI}}", lookup.GetProperty("httpQueryParameters").GetProperty("ani").GetString());
        Assert.Equal("Bearer {{VfdWebexKey}}", lookup.GetProperty("httpRequestHeaders").GetProperty("Authorization").GetString());
        var key = Flow.Variables.Single(v => v.GetProperty("name").GetString() == "VfdWebexKey");
        Assert.Equal((true, ""), (key.GetProperty("isSecure").GetBoolean(), key.GetProperty("value").GetString()));
        // The service answers within its budget; Webex waits a little longer and does not ask twice.
        Assert.InRange(lookup.GetProperty("httpResponseTimeout").GetInt32(), new RoutingServiceOptions().BudgetMilliseconds + 500, 5000);
        Assert.Equal(0, lookup.GetProperty("retryAttempts").GetInt32());
    }

    [Fact]
    public void EveryPlaceholderOfTheFlow_Should_NameADeclaredVariable()
    {
        var declared = Flow.Variables.Select(v => v.GetProperty("name").GetString()!).Append("NewPhoneContact.ANI").ToHashSet();
        var used = Strings(Flow.Root).SelectMany(WebexFlow.Placeholders).ToHashSet();
        var queue = WebexFlow.Activities(Flow.MainProcess).Single(a => WebexFlow.Kind(a) == "queue-contact").GetProperty("properties");

        Assert.Contains("ScreenPopUrl", used);
        Assert.Subset(declared, used);
        Assert.Equal(("variablePriority", "QueuePriority"), (queue.GetProperty("priorityRadioGroup").GetString(), queue.GetProperty("priorityVariable").GetString()));
    }

    [Fact]
    public async Task LookupOutputs_Should_BeFieldsOurEndpointAnswers_IntoDeclaredVariables()
    {
        var (_, answer) = await Harness.WebexAsync(SampleData.ErikMobile);
        var outputs = Flow.Activity("LookupCaller").GetProperty("properties").GetProperty("outputVariableArray").EnumerateArray()
            .Select(o => (Variable: o.GetProperty("outputVariable").GetString()!, Field: o.GetProperty("jsonPathExp").GetString()![2..])).ToList();

        Assert.Subset(answer.EnumerateObject().Select(p => p.Name).ToHashSet(), outputs.Select(o => o.Field).ToHashSet());
        Assert.Subset(Flow.Variables.Select(v => v.GetProperty("name").GetString()!).ToHashSet(), outputs.Select(o => o.Variable).ToHashSet());
        Assert.Contains(outputs, o => o.Field == "queuePriority");
        Assert.Contains(outputs, o => o.Field == "screenPopUrl");
    }

    [Fact]
    public async Task KnownCallerWithACase_Should_HearTheirCase_BeQueuedByItsPriority_AndHaveItPopped()
    {
        var call = await Flow.RunAsync(Harness.Http, Harness.Routing.BaseUrl, SampleData.ErikMobile, RoutingHarness.WebexKey);

        Assert.Equal((HttpStatusCode.OK, "Bearer", RoutingHarness.WebexKey), (call.Lookup.Status, call.Lookup.Authorization?.Scheme, call.Lookup.Authorization?.Parameter));
        Assert.Equal(["Thank you for calling.", "Hello Erik Johansson. I see your case CAS-01001-F7K2, Invoicing system down, is still open. I am connecting you to an agent who will have it in front of them."],
            call.Prompts);
        Assert.Equal(2, call.QueuePriority);
        Assert.Equal($"{Organization}/main.aspx?pagetype=entityrecord&etn=incident&id={Harness.Sample.Cases[0].Id}", call.ScreenPop);
    }

    [Fact]
    public async Task KnownCallerWithoutACase_Should_BeGreetedByName_AndGetANewCaseFormForThem()
    {
        var call = await Flow.RunAsync(Harness.Http, Harness.Routing.BaseUrl, SampleData.LiisaMobile, RoutingHarness.WebexKey);

        Assert.Equal("Hello Liisa Mäkinen, welcome back. I am connecting you to an agent.", call.Prompts[^1]);
        Assert.Equal(6, call.QueuePriority);
        Assert.StartsWith($"{Organization}/main.aspx?pagetype=entityrecord&etn=incident&extraqs=customerid%3D{Harness.Sample.Contacts[0].Id}", call.ScreenPop, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownCaller_Should_HearTheGeneralGreeting_AndGetANewCaseForm()
    {
        var call = await Flow.RunAsync(Harness.Http, Harness.Routing.BaseUrl, "+358401112223", RoutingHarness.WebexKey);

        Assert.Equal(HttpStatusCode.OK, call.Lookup.Status);
        Assert.Equal("I am connecting you to an agent.", call.Prompts[^1]);
        Assert.Equal(6, call.QueuePriority);
        Assert.Equal($"{Organization}/main.aspx?pagetype=entityrecord&etn=incident", call.ScreenPop);
    }

    [Fact]
    public async Task FlowImportedWithoutItsKey_Should_BeRefused_AndStillQueueTheCallerWithoutAScreenPop()
    {
        var call = await Flow.RunAsync(Harness.Http, Harness.Routing.BaseUrl, SampleData.ErikMobile, key: null);

        Assert.Equal(HttpStatusCode.Unauthorized, call.Lookup.Status);
        Assert.Equal("I am connecting you to an agent.", call.Prompts[^1]);
        Assert.Equal(6, call.QueuePriority);
        Assert.Null(call.ScreenPop);
    }

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        JsonValueKind.String => [element.GetString()!],
        _ => [],
    };
}
