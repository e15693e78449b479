using System.Globalization;
using System.Net;
using System.Text;
using VoiceForD365.WebApiClient.Faults;

namespace VoiceForD365.WebApiClient.Batch;

/// <summary>One request of a $batch: method, URL relative to the Web API root, headers and JSON body.</summary>
internal sealed record WebApiOperation(HttpMethod Method, string Url, byte[]? Body, IReadOnlyList<KeyValuePair<string, string>> Headers, string Description)
{
    public static IReadOnlyList<KeyValuePair<string, string>> NoHeaders { get; } = [];
}

/// <summary>
/// Writes the multipart/mixed body of a $batch (each operation on its own, or groups as atomic change sets) and reads
/// the answer's parts back in order, change set parts included.
/// </summary>
internal static class Multipart
{
    /// <summary>The body and its Content-Type. A group of more than one operation (or any group, when <paramref name="changeSets"/>) becomes a change set.</summary>
    public static (byte[] Body, string ContentType) WriteBatch(Uri webApiUrl, IReadOnlyList<IReadOnlyList<WebApiOperation>> groups, bool changeSets)
    {
        var batch = "batch_" + Guid.NewGuid().ToString("N");
        var text = new StringBuilder();
        var contentId = 0;
        foreach (var group in groups)
        {
            if (group.Count == 1 && !changeSets)
            {
                text.Append("--").Append(batch).Append("\r\n");
                WritePart(text, webApiUrl, group[0], null);
                continue;
            }
            var changeSet = "changeset_" + Guid.NewGuid().ToString("N");
            text.Append("--").Append(batch).Append("\r\n")
                .Append("Content-Type: multipart/mixed; boundary=").Append(changeSet).Append("\r\n\r\n");
            foreach (var operation in group)
            {
                text.Append("--").Append(changeSet).Append("\r\n");
                WritePart(text, webApiUrl, operation, ++contentId);
            }
            text.Append("--").Append(changeSet).Append("--\r\n");
        }
        text.Append("--").Append(batch).Append("--\r\n");
        return (Encoding.UTF8.GetBytes(text.ToString()), "multipart/mixed; boundary=" + batch);
    }

    private static void WritePart(StringBuilder text, Uri webApiUrl, WebApiOperation operation, int? contentId)
    {
        text.Append("Content-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n");
        if (contentId is { } id) text.Append("Content-ID: ").Append(id.ToString(CultureInfo.InvariantCulture)).Append("\r\n");
        text.Append("\r\n").Append(operation.Method.Method).Append(' ').Append(webApiUrl.AbsolutePath).Append(operation.Url).Append(" HTTP/1.1\r\n");
        foreach (var (name, value) in operation.Headers) text.Append(name).Append(": ").Append(value).Append("\r\n");
        if (operation.Body != null) text.Append("Content-Type: application/json; type=entry\r\n");
        text.Append("\r\n");
        if (operation.Body != null) text.Append(Encoding.UTF8.GetString(operation.Body));
        text.Append("\r\n");
    }

    /// <summary>The HTTP answers inside a $batch answer, in order (a change set's parts in place).</summary>
    public static List<WebApiAnswer> ReadBatch(string contentType, string body)
    {
        var answers = new List<WebApiAnswer>();
        ReadParts(Boundary(contentType), body, answers);
        return answers;
    }

    private static void ReadParts(string boundary, string body, List<WebApiAnswer> answers)
    {
        var delimiter = "--" + boundary;
        foreach (var raw in body.Split(delimiter, StringSplitOptions.None).Skip(1))
        {
            if (raw.StartsWith("--", StringComparison.Ordinal)) break;
            var (headers, content) = SplitHead(raw.TrimStart('\r', '\n'));
            if (headers.TryGetValue("Content-Type", out var type) && type.StartsWith("multipart/mixed", StringComparison.OrdinalIgnoreCase))
            {
                ReadParts(Boundary(type), content, answers);
                continue;
            }
            answers.Add(ReadHttp(content));
        }
    }

    private static WebApiAnswer ReadHttp(string message)
    {
        var (head, body) = SplitRaw(message);
        var lines = head.Split("\r\n");
        var status = lines[0].Split(' ', 3);
        if (status.Length < 2 || !int.TryParse(status[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var code))
            throw WebApiErrors.Fault(Core.Schema.ErrorCodes.InvalidArgument, $"A part of Dataverse's $batch answer has no status line: '{lines[0]}'.");
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1)) AddHeader(headers, line);
        return new WebApiAnswer((HttpStatusCode)code, headers, body.TrimEnd('\r', '\n'));
    }

    private static (Dictionary<string, string> Headers, string Content) SplitHead(string part)
    {
        var (head, content) = SplitRaw(part);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in head.Split("\r\n")) AddHeader(headers, line);
        return (headers, content);
    }

    private static (string Head, string Body) SplitRaw(string text)
    {
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal);
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        return end < 0 ? (text.TrimEnd(), "") : (text[..end], text[(end + 4)..]);
    }

    private static void AddHeader(Dictionary<string, string> headers, string line)
    {
        var colon = line.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0) headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
    }

    private static string Boundary(string contentType)
    {
        foreach (var part in contentType.Split(';'))
        {
            var pair = part.Split('=', 2);
            if (pair.Length == 2 && pair[0].Trim().Equals("boundary", StringComparison.OrdinalIgnoreCase)) return pair[1].Trim().Trim('"');
        }
        throw WebApiErrors.Fault(Core.Schema.ErrorCodes.InvalidArgument, $"Dataverse's $batch answer has no boundary in its Content-Type '{contentType}'.");
    }
}
