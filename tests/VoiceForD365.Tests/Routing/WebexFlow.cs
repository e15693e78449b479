using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit;

namespace VoiceForD365.Tests.Routing;

/// <summary>
/// The shipped Webex Contact Center flow (RoutingService/Webex, Flow Designer's export format) read and walked as Webex
/// runs it, for the few activity kinds it uses: start, play-message, http-request-v2 (sent for real), condition-activity,
/// queue-contact, and the event flow's screen-pop. Templates are Flow Designer's <c>{{Variable}}</c>; conditions the two
/// forms the flow uses (<c>{{ X == true }}</c>, <c>{{ X != "" }}</c>). Anything else fails the walk: the tests then say
/// the flow does something they do not check.
/// </summary>
public sealed partial class WebexFlow
{
    public const string FileName = "VoiceForD365_Webex_IVR_Flow.json";

    public static string FilePath { get; } = Path.Combine(Repository.Root, "RoutingService", "Webex", FileName);

    private WebexFlow(JsonElement root) => Root = root;

    public JsonElement Root { get; }

    public IReadOnlyList<JsonElement> Variables => Root.GetProperty("variables").EnumerateArray().ToList();

    public JsonElement MainProcess => Root.GetProperty("process");

    public JsonElement EventProcess => Root.GetProperty("eventFlows").GetProperty("eventsMap").GetProperty("GLOBAL_EVENTS").GetProperty("process");

    public static WebexFlow Load() => new(JsonDocument.Parse(File.ReadAllText(FilePath)).RootElement.Clone());

    public static IEnumerable<JsonElement> Activities(JsonElement process) => process.GetProperty("activities").EnumerateObject().Select(p => p.Value);

    public static string Kind(JsonElement activity) => activity.GetProperty("properties").GetProperty("activityName").GetString()!;

    public JsonElement Activity(string name) =>
        Activities(MainProcess).Concat(Activities(EventProcess)).Single(a => a.GetProperty("name").GetString() == name);

    /// <summary>
    /// One call: the flow from its start to the queue (the lookup sent to <paramref name="service"/> in place of the
    /// placeholder host), then the event flow when an agent answers. <paramref name="key"/> is what an administrator
    /// sets VfdWebexKey to (null: left as shipped).
    /// </summary>
    public async Task<Call> RunAsync(HttpClient http, Uri service, string ani, string? key)
    {
        var values = Variables.ToDictionary(v => v.GetProperty("name").GetString()!, v => (object)Typed(v.GetProperty("type").GetString()!, v.GetProperty("value").GetString()!), StringComparer.Ordinal);
        values["NewPhoneContact.ANI"] = ani;
        if (key is not null) values["VfdWebexKey"] = key;
        var call = new Call();
        var activity = Activities(MainProcess).Single(a => Kind(a) == "NewPhoneContact");
        for (var step = 0; step < 50; step++)
        {
            var properties = activity.GetProperty("properties");
            string port;
            switch (Kind(activity))
            {
                case "NewPhoneContact":
                    port = "out";
                    break;
                case "play-message":
                    call.Prompts.Add(Render(properties.GetProperty("promptsTts")[0].GetProperty("value").GetString()!, values));
                    port = "default";
                    break;
                case "http-request-v2":
                    call.Lookup = await SendAsync(http, service, properties, values);
                    port = "default";
                    break;
                case "condition-activity":
                    port = Condition(properties.GetProperty("expression").GetString()!, values) ? "true" : "false";
                    break;
                case "queue-contact":
                    call.QueuePriority = (int)values[properties.GetProperty("priorityVariable").GetString()!];
                    await AnsweredAsync(call, values);
                    return call;
                default:
                    throw new InvalidOperationException($"The walk does not know the activity kind {Kind(activity)} ({activity.GetProperty("name").GetString()}).");
            }
            activity = Next(MainProcess, activity, port);
        }
        throw new InvalidOperationException("The flow did not reach the queue in 50 steps.");
    }

    private Task AnsweredAsync(Call call, Dictionary<string, object> values)
    {
        var activity = Activities(EventProcess).Single(a => a.GetProperty("name").GetString() == "AgentContactAssigned");
        for (var step = 0; step < 20; step++)
        {
            var properties = activity.GetProperty("properties");
            switch (Kind(activity))
            {
                case "event":
                    activity = Next(EventProcess, activity, "out");
                    break;
                case "condition-activity":
                    activity = Next(EventProcess, activity, Condition(properties.GetProperty("expression").GetString()!, values) ? "true" : "false");
                    break;
                case "screen-pop":
                    Assert.Empty(properties.GetProperty("queryParameters").EnumerateObject());
                    call.ScreenPop = Render(properties.GetProperty("screenPopUrl").GetString()!, values);
                    activity = Next(EventProcess, activity, "default");
                    break;
                case "end":
                    return Task.CompletedTask;
                default:
                    throw new InvalidOperationException($"The walk does not know the event activity kind {Kind(activity)}.");
            }
        }
        throw new InvalidOperationException("The event flow did not end in 20 steps.");
    }

    /// <summary>The HTTP request as Webex sends it; each output variable set from its JSON path, as the declared type (unset when the path is absent).</summary>
    private static async Task<(HttpStatusCode Status, AuthenticationHeaderValue? Authorization, Uri Url)> SendAsync(HttpClient http, Uri service, JsonElement properties,
        Dictionary<string, object> values)
    {
        Assert.False(properties.GetProperty("authenticated").GetBoolean());
        Assert.Equal("GET", properties.GetProperty("httpRequestMethod").GetString());
        var shipped = new Uri(properties.GetProperty("httpRequestUrl").GetString()!);
        var query = string.Join("&", properties.GetProperty("httpQueryParameters").EnumerateObject()
            .Select(p => p.Name + "=" + Uri.EscapeDataString(Render(p.Value.GetString()!, values))));
        var url = new Uri(service, shipped.AbsolutePath.TrimStart('/') + "?" + query);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        foreach (var header in properties.GetProperty("httpRequestHeaders").EnumerateObject())
            request.Headers.TryAddWithoutValidation(header.Name, Render(header.Value.GetString()!, values));
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        if (response.IsSuccessStatusCode)
        {
            var json = JsonDocument.Parse(body).RootElement;
            foreach (var output in properties.GetProperty("outputVariableArray").EnumerateArray())
            {
                var target = output.GetProperty("outputVariable").GetString()!;
                var path = output.GetProperty("jsonPathExp").GetString()!;
                Assert.Matches("^\\$\\.[A-Za-z]+$", path);
                if (json.TryGetProperty(path[2..], out var value)) values[target] = FromJson(value, values[target], target);
            }
        }
        return (response.StatusCode, request.Headers.Authorization, url);
    }

    private static JsonElement Next(JsonElement process, JsonElement from, string port)
    {
        var id = from.GetProperty("id").GetString();
        var link = process.GetProperty("links").EnumerateArray().Single(l => l.GetProperty("sourceActivityId").GetString() == id && l.GetProperty("conditionExpr").GetString() == port);
        return process.GetProperty("activities").GetProperty(link.GetProperty("targetActivityId").GetString()!);
    }

    private static object Typed(string type, string value) => type switch
    {
        "BOOLEAN" => bool.Parse(value),
        "INTEGER" => int.Parse(value, System.Globalization.CultureInfo.InvariantCulture),
        "STRING" => value,
        _ => throw new InvalidOperationException($"Variable type {type}"),
    };

    /// <summary>The answer's value as the variable's type; a value of another JSON kind fails (the flow and the endpoint disagree).</summary>
    private static object FromJson(JsonElement value, object current, string variable) => current switch
    {
        bool => value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : throw new InvalidOperationException($"{variable} is BOOLEAN, the answer gives {value.ValueKind}"),
        int => value.ValueKind == JsonValueKind.Number ? value.GetInt32() : throw new InvalidOperationException($"{variable} is INTEGER, the answer gives {value.ValueKind}"),
        _ => value.ValueKind == JsonValueKind.String ? value.GetString()! : throw new InvalidOperationException($"{variable} is STRING, the answer gives {value.ValueKind}"),
    };

    public static IEnumerable<string> Placeholders(string template) => Placeholder().Matches(template).Select(m => m.Groups[1].Value);

    private static string Render(string template, Dictionary<string, object> values) =>
        Placeholder().Replace(template, m => values.TryGetValue(m.Groups[1].Value, out var value) ? Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!
            : throw new InvalidOperationException($"{{{{{m.Groups[1].Value}}}}} names no variable"));

    private static bool Condition(string expression, Dictionary<string, object> values)
    {
        var match = ConditionForm().Match(expression);
        if (!match.Success) throw new InvalidOperationException($"The walk does not know the condition {expression}.");
        var value = values[match.Groups["name"].Value];
        var equal = match.Groups["value"].Value == "true" ? value is true : Equals(value, "");
        return match.Groups["op"].Value == "==" ? equal : !equal;
    }

    [GeneratedRegex(@"\{\{\s*([A-Za-z][A-Za-z0-9_.]*)\s*\}\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex("^\\{\\{ (?<name>[A-Za-z]+) (?<op>==|!=) (?<value>true|\"\") \\}\\}$")]
    private static partial Regex ConditionForm();

    /// <summary>What the caller heard, what the lookup was, the queue priority and what the agent's screen popped.</summary>
    public sealed class Call
    {
        public List<string> Prompts { get; } = new();

        public (HttpStatusCode Status, AuthenticationHeaderValue? Authorization, Uri Url) Lookup { get; set; }

        public int QueuePriority { get; set; }

        public string? ScreenPop { get; set; }
    }
}
