using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace VoiceForD365.Emulator;

/// <summary>
/// Calls, as the product assumes Enreach serves them (the product's <c>EnreachAssumptions</c> lists what is not
/// public): <c>GET {api}/calls</c> (users' call events, by <c>StartTime</c>+<c>EndTime</c>, by
/// <c>ModifiedAfter</c>+<c>ModifiedBefore</c> or by <c>CallId</c>; optional <c>UserIDs</c>, repeated or
/// comma-separated) and <c>GET {api}/servicecall</c> (queues' inbound calls, by the same windows). Times are UTC
/// <c>yyyy-MM-dd HH:mm:ss</c>; a window is [from, to) and at most 31 days; anything else is a 400. What is shown is
/// what Enreach would show at the emulator's clock (<see cref="EnreachEmulatorCalls"/>).
/// </summary>
public static class CallsApi
{
    public static IEnumerable<EmulatorRoute> Routes(EnreachEmulator emulator, string root)
    {
        ArgumentNullException.ThrowIfNull(emulator);
        yield return new EmulatorRoute(
            EnreachEmulatorEndpoint.UserCalls, root + "calls", Authenticated: true,
            context => UserCalls(emulator, context.Request),
            MissingFieldsJson: "[{\"ANum\":\"+358401234567\",\"BNum\":\"+358101000000\",\"Duration\":42}]");
        yield return new EmulatorRoute(
            EnreachEmulatorEndpoint.ServiceCalls, root + "servicecall", Authenticated: true,
            context => ServiceCalls(emulator, context.Request),
            MissingFieldsJson: "[{\"QueueName\":\"Support\",\"Duration\":42}]");
    }

    private static EmulatorResponse UserCalls(EnreachEmulator emulator, HttpRequest request)
    {
        var error = EmulatorQuery.Window(request, out var window, EmulatorQuery.MaxWindow);
        if (error != null) return error;
        error = EmulatorQuery.Id(request, "CallId", out var callId);
        if (error != null) return error;
        error = EmulatorQuery.Ids(request, "UserIDs", out var userIds);
        if (error != null) return error;
        if (window == null && callId == null)
            return EmulatorResponse.Error(400, "The request is invalid: give StartTime and EndTime, ModifiedAfter and ModifiedBefore, or CallId.");
        var now = emulator.UtcNow;
        var events = Candidates(emulator, now, window)
            .Where(c => c.View == EnreachEmulatorCallView.User)
            .Where(c => window == null || window.Contains(c))
            .Where(c => callId == null || c.CallId == callId)
            .Where(c => userIds == null || (c.UserId is { } user && userIds.Contains(user)));
        return EmulatorResponse.Ok(EmulatorJson.Write(w =>
        {
            w.WriteStartArray();
            foreach (var call in events) WriteUserCall(w, call, emulator);
            w.WriteEndArray();
        }));
    }

    private static EmulatorResponse ServiceCalls(EnreachEmulator emulator, HttpRequest request)
    {
        var error = EmulatorQuery.Window(request, out var window, EmulatorQuery.MaxWindow);
        if (error != null) return error;
        if (window == null) return EmulatorResponse.Error(400, "The request is invalid: give StartTime and EndTime, or ModifiedAfter and ModifiedBefore.");
        var events = Candidates(emulator, emulator.UtcNow, window)
            .Where(c => c.View == EnreachEmulatorCallView.Queue && window.Contains(c));
        return EmulatorResponse.Ok(EmulatorJson.Write(w =>
        {
            w.WriteStartArray();
            foreach (var call in events) WriteServiceCall(w, call);
            w.WriteEndArray();
        }));
    }

    /// <summary>The visible events the window can hold (without a window, by CallId: every one).</summary>
    private static List<EnreachEmulatorCall> Candidates(EnreachEmulator emulator, DateTime now, EmulatorWindow? window)
    {
        if (window == null) return emulator.Calls.Visible(now, DateTime.MinValue, now);
        var from = window.ByModified ? emulator.Calls.EarliestArrival(window.From) : window.From - EnreachEmulatorTraffic.MaxStartDelay;
        return emulator.Calls.Visible(now, from, window.To);
    }

    private static void WriteUserCall(Utf8JsonWriter w, EnreachEmulatorCall call, EnreachEmulator emulator)
    {
        w.WriteStartObject();
        w.WriteString("Id", call.Id);
        w.WriteString("CallId", call.CallId);
        WriteId(w, "UserId", call.UserId);
        var user = call.UserId is { } id ? emulator.Users.Find(id) : null;
        if (user != null) w.WriteString("UserName", user.UserName); else w.WriteNull("UserName");
        WriteText(w, "ANum", call.ANum);
        WriteText(w, "BNum", call.BNum);
        w.WriteString("StartTime", EmulatorQuery.Format(call.StartTime));
        w.WriteNumber("Direction", call.Outgoing ? 1 : 0);
        w.WriteNumber("Duration", call.DurationSeconds);
        w.WriteNumber("EndResult", call.Answered ? 0 : 1);
        w.WriteString("CallTypeString", call.QueueId == null ? "DirectCall" : "ServiceCall");
        WriteId(w, "AnswerQueueId", call.QueueId);
        WriteText(w, "AnswerQueueName", call.QueueName);
        WriteRecordings(w, call);
        if (call.Classification is { } classification) w.WriteString("Classification", classification.ToString()); else w.WriteNull("Classification");
        w.WriteString("Modified", EmulatorQuery.Format(call.Modified));
        w.WriteEndObject();
    }

    private static void WriteServiceCall(Utf8JsonWriter w, EnreachEmulatorCall call)
    {
        w.WriteStartObject();
        w.WriteString("Id", call.Id);
        w.WriteString("CallId", call.CallId);
        WriteId(w, "QueueId", call.QueueId);
        WriteText(w, "QueueName", call.QueueName);
        WriteText(w, "ANum", call.ANum);
        WriteText(w, "BNum", call.BNum);
        w.WriteString("StartTime", EmulatorQuery.Format(call.StartTime));
        w.WriteNumber("Duration", call.DurationSeconds);
        w.WriteNumber("EndResult", call.Answered ? 0 : 1);
        WriteId(w, "AnsweredByUserId", call.UserId);
        WriteRecordings(w, call);
        w.WriteString("Modified", EmulatorQuery.Format(call.Modified));
        w.WriteEndObject();
    }

    private static void WriteRecordings(Utf8JsonWriter w, EnreachEmulatorCall call)
    {
        w.WriteStartArray("RecordingIds");
        foreach (var recording in call.RecordingIds) w.WriteStringValue(recording);
        w.WriteEndArray();
    }

    private static void WriteId(Utf8JsonWriter w, string name, Guid? id)
    {
        if (id is { } value) w.WriteString(name, value); else w.WriteNull(name);
    }

    private static void WriteText(Utf8JsonWriter w, string name, string? text)
    {
        if (text != null) w.WriteString(name, text); else w.WriteNull(name);
    }
}
