using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace VoiceForD365.RoutingService;

/// <summary>SmartRouting's answer, in Enreach's spelling; FailTarget only when there is one.</summary>
internal sealed record SmartRoutingAnswer(
    [property: JsonPropertyName("InitialTarget")] string InitialTarget,
    [property: JsonPropertyName("FailTarget"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? FailTarget);

/// <summary>Why a request was refused (400, 413, 415).</summary>
internal sealed record ErrorAnswer([property: JsonPropertyName("error")] string Error);

/// <summary>
/// The Webex IVR lookup's answer: flat, and never null (empty text, false, 0), so every Flow Designer output variable
/// gets a value whatever the caller.
/// </summary>
internal sealed record WebexAnswer(
    [property: JsonPropertyName("lookup")] string Lookup,
    [property: JsonPropertyName("known")] bool Known,
    [property: JsonPropertyName("customerId")] string CustomerId,
    [property: JsonPropertyName("customerName")] string CustomerName,
    [property: JsonPropertyName("customerType")] string CustomerType,
    [property: JsonPropertyName("matchCount")] int MatchCount,
    [property: JsonPropertyName("hasCase")] bool HasCase,
    [property: JsonPropertyName("caseId")] string CaseId,
    [property: JsonPropertyName("caseNumber")] string CaseNumber,
    [property: JsonPropertyName("caseTitle")] string CaseTitle,
    [property: JsonPropertyName("caseSeverity")] string CaseSeverity,
    [property: JsonPropertyName("casePriority")] string CasePriority,
    [property: JsonPropertyName("queuePriority")] int QueuePriority,
    [property: JsonPropertyName("screenPopUrl")] string ScreenPopUrl);

/// <summary>GET /health: whether the rules are read and Dynamics is asked.</summary>
internal sealed record HealthAnswer(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("rules")] int Rules,
    [property: JsonPropertyName("rulesReadAt")] string RulesReadAt,
    [property: JsonPropertyName("circuit")] string Circuit);

[JsonSerializable(typeof(SmartRoutingAnswer))]
[JsonSerializable(typeof(ErrorAnswer))]
[JsonSerializable(typeof(WebexAnswer))]
[JsonSerializable(typeof(HealthAnswer))]
internal sealed partial class RoutingJson : JsonSerializerContext
{
    /// <summary>
    /// Writes text as it is (<c>+358…</c>, <c>Mäkinen</c>), not as \u escapes: these answers go to Enreach and Webex,
    /// never into an HTML page.
    /// </summary>
    public static RoutingJson Plain { get; } = new(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
