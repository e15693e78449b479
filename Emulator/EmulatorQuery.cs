using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace VoiceForD365.Emulator;

/// <summary>A time window of a request: which filter (start or modified), from, to (UTC).</summary>
internal sealed record EmulatorWindow(bool ByModified, DateTime From, DateTime To)
{
    public bool Contains(EnreachEmulatorCall call)
    {
        var time = ByModified ? call.Modified : call.StartTime;
        return time >= From && time < To;
    }
}

/// <summary>Enreach's query parameters as the emulator reads them: strict, answering 400 as Enreach would.</summary>
internal static class EmulatorQuery
{
    /// <summary>Enreach's time format in filters, UTC.</summary>
    public const string TimeFormat = "yyyy-MM-dd HH:mm:ss";

    /// <summary>The longest window <c>/calls</c> and <c>/servicecall</c> answer.</summary>
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(31);

    public static string Format(DateTime utc) => utc.ToString(TimeFormat, CultureInfo.InvariantCulture);

    /// <summary>A time parameter; an error answer when it is malformed (absent: null time, no error).</summary>
    public static EmulatorResponse? Time(HttpRequest request, string name, out DateTime? time)
    {
        time = null;
        var text = request.Query[name].ToString();
        if (text.Length == 0) return null;
        if (!DateTime.TryParseExact(text, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
            return EmulatorResponse.Error(400, $"The request is invalid: {name} is not a time in the format {TimeFormat} (UTC).");
        time = parsed;
        return null;
    }

    /// <summary>
    /// The window of <c>StartTime</c>/<c>EndTime</c> or <c>ModifiedAfter</c>/<c>ModifiedBefore</c>; null window and no
    /// error when neither pair is given; an error for half a pair, a malformed time, an end before the start or a
    /// window over 31 days (<paramref name="maxSpan"/>: none).
    /// </summary>
    public static EmulatorResponse? Window(HttpRequest request, out EmulatorWindow? window, TimeSpan? maxSpan)
    {
        window = null;
        foreach (var (fromName, toName, byModified) in new[] { ("StartTime", "EndTime", false), ("ModifiedAfter", "ModifiedBefore", true) })
        {
            var error = Time(request, fromName, out var from);
            if (error != null) return error;
            error = Time(request, toName, out var to);
            if (error != null) return error;
            if (from == null && to == null) continue;
            if (from == null || to == null) return EmulatorResponse.Error(400, $"The request is invalid: {fromName} and {toName} go together.");
            if (to < from) return EmulatorResponse.Error(400, $"The request is invalid: {toName} is before {fromName}.");
            if (maxSpan is { } max && to.Value - from.Value > max)
                return EmulatorResponse.Error(400, $"The request is invalid: the time range is more than {max.TotalDays:0} days.");
            window = new EmulatorWindow(byModified, from.Value, to.Value);
            return null;
        }
        return null;
    }

    /// <summary>A GUID parameter (absent: null); an error when it is not a GUID.</summary>
    public static EmulatorResponse? Id(HttpRequest request, string name, out Guid? id)
    {
        id = null;
        var text = request.Query[name].ToString();
        if (text.Length == 0) return null;
        if (!Guid.TryParse(text, out var parsed)) return EmulatorResponse.Error(400, $"The request is invalid: {name} is not a GUID.");
        id = parsed;
        return null;
    }

    /// <summary>A list of GUIDs, the parameter repeated and/or comma-separated (absent: null).</summary>
    public static EmulatorResponse? Ids(HttpRequest request, string name, out HashSet<Guid>? ids)
    {
        ids = null;
        if (!request.Query.TryGetValue(name, out var values)) return null;
        ids = new HashSet<Guid>();
        foreach (var value in values)
            foreach (var part in (value ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (!Guid.TryParse(part, out var id)) return EmulatorResponse.Error(400, $"The request is invalid: {name} holds a value that is not a GUID.");
                ids.Add(id);
            }
        return null;
    }
}
