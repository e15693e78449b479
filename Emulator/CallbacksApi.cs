using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace VoiceForD365.Emulator;

/// <summary>
/// Callback lists and requests, as the product assumes Enreach serves them (none of it is public; the product's
/// <c>EnreachAssumptions</c> holds the names): <c>GET {api}/callbacklists</c>,
/// <c>GET {api}/callbacklists/{listId}/requests?CreatedAfter=&amp;CreatedBefore=</c> (UTC <c>yyyy-MM-dd HH:mm:ss</c>,
/// [after, before)) and <c>POST {api}/callbacklists/{listId}/requests/{requestId}/close</c> (body
/// <c>{"Note": …}</c>, optional), which sets the status to Closed for every later read; closing again changes nothing.
/// </summary>
public static class CallbacksApi
{
    public static IEnumerable<EmulatorRoute> Routes(EnreachEmulator emulator, string root)
    {
        ArgumentNullException.ThrowIfNull(emulator);
        yield return new EmulatorRoute(
            EnreachEmulatorEndpoint.CallbackLists, root + "callbacklists", Authenticated: true,
            _ => EmulatorResponse.Ok(EmulatorJson.Write(w =>
            {
                w.WriteStartArray();
                foreach (var list in emulator.Callbacks.Lists) WriteList(w, list);
                w.WriteEndArray();
            })),
            MissingFieldsJson: "[{\"Description\":\"A list without id and name\"}]");
        yield return new EmulatorRoute(
            EnreachEmulatorEndpoint.CallbackRequests, root + "callbacklists/{listId}/requests", Authenticated: true,
            context => Requests(emulator, context),
            MissingFieldsJson: "[{\"Note\":\"A request without id\"}]");
        yield return new EmulatorRoute(
            EnreachEmulatorEndpoint.CloseCallbackRequest, root + "callbacklists/{listId}/requests/{requestId}/close", Authenticated: true,
            context => Close(emulator, context),
            MissingFieldsJson: "{\"Note\":\"A request without id\"}",
            Method: "POST");
    }

    private static EmulatorResponse Requests(EnreachEmulator emulator, HttpContext context)
    {
        if (!Guid.TryParse(context.Request.RouteValues["listId"]?.ToString(), out var listId))
            return EmulatorResponse.Error(400, "The request is invalid: the callback list id is not a GUID.");
        var error = EmulatorQuery.Time(context.Request, "CreatedAfter", out var after);
        if (error != null) return error;
        error = EmulatorQuery.Time(context.Request, "CreatedBefore", out var before);
        if (error != null) return error;
        if (after == null || before == null) return EmulatorResponse.Error(400, "The request is invalid: give CreatedAfter and CreatedBefore.");
        if (before < after) return EmulatorResponse.Error(400, "The request is invalid: CreatedBefore is before CreatedAfter.");
        if (emulator.Callbacks.FindList(listId) == null) return EmulatorResponse.Error(404, "Callback list not found.");
        var requests = emulator.Callbacks.Created(listId, after.Value, before.Value, emulator.UtcNow);
        return EmulatorResponse.Ok(EmulatorJson.Write(w =>
        {
            w.WriteStartArray();
            foreach (var request in requests) WriteRequest(w, request);
            w.WriteEndArray();
        }));
    }

    private static EmulatorResponse Close(EnreachEmulator emulator, HttpContext context)
    {
        if (!Guid.TryParse(context.Request.RouteValues["listId"]?.ToString(), out var listId) ||
            !Guid.TryParse(context.Request.RouteValues["requestId"]?.ToString(), out var requestId))
            return EmulatorResponse.Error(400, "The request is invalid: the callback list id or request id is not a GUID.");
        string? note;
        try
        {
            note = ReadNote(context.Request);
        }
        catch (JsonException)
        {
            return EmulatorResponse.Error(400, "The request is invalid: the body is not JSON.");
        }
        var closed = emulator.Callbacks.Close(listId, requestId, note, emulator.UtcNow);
        return closed == null
            ? EmulatorResponse.Error(404, "Callback request not found.")
            : EmulatorResponse.Ok(EmulatorJson.Write(w => WriteRequest(w, closed)));
    }

    private static string? ReadNote(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        var body = reader.ReadToEndAsync().GetAwaiter().GetResult();
        if (body.Trim().Length == 0) return null;
        using var json = JsonDocument.Parse(body);
        return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("Note", out var note) && note.ValueKind == JsonValueKind.String
            ? note.GetString()
            : null;
    }

    private static void WriteList(Utf8JsonWriter w, EnreachEmulatorCallbackList list)
    {
        w.WriteStartObject();
        w.WriteString("Id", list.Id);
        w.WriteString("Name", list.Name);
        if (list.Description != null) w.WriteString("Description", list.Description); else w.WriteNull("Description");
        if (list.QueueId is { } queue) w.WriteString("QueueId", queue); else w.WriteNull("QueueId");
        if (list.QueueName != null) w.WriteString("QueueName", list.QueueName); else w.WriteNull("QueueName");
        w.WriteEndObject();
    }

    private static void WriteRequest(Utf8JsonWriter w, EnreachEmulatorCallbackRequest request)
    {
        w.WriteStartObject();
        w.WriteString("Id", request.Id);
        w.WriteString("CallbackListId", request.ListId);
        if (request.ContactNumber != null) w.WriteString("ContactNumber", request.ContactNumber); else w.WriteNull("ContactNumber");
        w.WriteString("Created", EmulatorQuery.Format(request.Created));
        if (request.Note != null) w.WriteString("Note", request.Note); else w.WriteNull("Note");
        w.WriteString("Status", request.Status);
        if (request.VoicemailRecordingId is { } voicemail) w.WriteString("VoicemailRecordingId", voicemail); else w.WriteNull("VoicemailRecordingId");
        w.WriteEndObject();
    }
}
