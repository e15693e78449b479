using System;
using System.Text.Json;

namespace VoiceForD365.RoutingService;

/// <summary>
/// Enreach's SmartRouting request: <c>{"anum": caller, "bnum": called number, "targetid"?: tag, "extradata"?: {CallId,
/// LegId, CurrQueueId, CurrUserId, IsInternalCaller, DYN_PAR_*}}</c>. Property names are read ignoring case.
/// </summary>
internal sealed record SmartRoutingRequest(string Anum, string Bnum, string? TargetId, string CallId)
{
    /// <summary>The request, or null with the reason (a 400's message).</summary>
    public static SmartRoutingRequest? Parse(ReadOnlyMemory<byte> body, out string problem)
    {
        problem = "";
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            problem = $"The body is not JSON: {e.Message}";
            return null;
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problem = "The body must be a JSON object with anum and bnum.";
                return null;
            }
            string? anum = null, bnum = null, targetId = null, callId = null;
            foreach (var property in root.EnumerateObject())
            {
                if (Is(property, "anum")) anum = Text(property, ref problem);
                else if (Is(property, "bnum")) bnum = Text(property, ref problem);
                else if (Is(property, "targetid")) targetId = Text(property, ref problem);
                else if (Is(property, "extradata") && property.Value.ValueKind == JsonValueKind.Object)
                {
                    foreach (var extra in property.Value.EnumerateObject())
                    {
                        if (Is(extra, "CallId") && extra.Value.ValueKind == JsonValueKind.String) callId = extra.Value.GetString();
                    }
                }
                if (problem.Length > 0) return null;
            }
            if (string.IsNullOrWhiteSpace(bnum))
            {
                problem = "bnum (the number called) is required.";
                return null;
            }
            // A caller who hides their number arrives with an empty anum: an unknown caller.
            return new SmartRoutingRequest((anum ?? "").Trim(), bnum.Trim(), targetId, string.IsNullOrWhiteSpace(callId) ? "-" : callId.Trim());
        }
    }

    private static bool Is(JsonProperty property, string name) => string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase);

    private static string? Text(JsonProperty property, ref string problem)
    {
        switch (property.Value.ValueKind)
        {
            case JsonValueKind.String:
                return property.Value.GetString();
            case JsonValueKind.Null:
                return null;
            default:
                problem = $"{property.Name} must be a string, not {property.Value.ValueKind.ToString().ToLowerInvariant()}.";
                return null;
        }
    }
}
