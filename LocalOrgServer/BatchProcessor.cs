using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace VoiceForD365.LocalOrgServer;

/// <summary>
/// <c>POST $batch</c>: up to 1,000 requests in order, each on its own, and change sets that succeed or fail as one
/// (one ExecuteTransaction in the organization), with <c>$n</c> Content-ID references to rows created earlier in the
/// change set. Without <c>Prefer: odata.continue-on-error</c> the first failure ends the batch.
/// </summary>
internal sealed class BatchProcessor(LocalWebApi api)
{
    public const int MaxRequests = 1000;

    private sealed record Part(WebApiRequest Request, string? ContentId);

    private sealed record Group(IReadOnlyList<Part> Parts, bool IsChangeSet);

    public async Task<WebApiResponse> ProcessAsync(string contentType, Stream body, bool continueOnError, IOrganizationService service, CancellationToken cancellationToken)
    {
        List<Group> groups;
        try
        {
            groups = await ReadGroupsAsync(contentType, body, cancellationToken).ConfigureAwait(false);
        }
        catch (WebApiException e)
        {
            return WebApiErrors.From(e);
        }
        var count = groups.Sum(g => g.Parts.Count);
        if (count > MaxRequests)
            return WebApiErrors.From(WebApiException.BadRequest($"The batch holds {count} requests; at most {MaxRequests} are allowed."));

        var boundary = "batchresponse_" + Guid.NewGuid().ToString("D");
        var text = new StringBuilder();
        var failedStatus = 0;
        foreach (var group in groups)
        {
            text.Append("--").Append(boundary).Append("\r\n");
            var failed = group.IsChangeSet ? WriteChangeSet(text, group, service) : WritePart(text, group.Parts[0], api.Handle(group.Parts[0].Request, service));
            if (failed != 0 && failedStatus == 0) failedStatus = failed;
            if (failed != 0 && !continueOnError) break;
        }
        text.Append("--").Append(boundary).Append("--\r\n");
        var headers = new Dictionary<string, string> { ["Content-Type"] = "multipart/mixed; boundary=" + boundary };
        return new WebApiResponse(failedStatus != 0 && !continueOnError ? failedStatus : 200, headers, text.ToString());
    }

    /// <summary>Runs a change set in one transaction; its answer is each part's, or the one error that rolled it back.</summary>
    private int WriteChangeSet(StringBuilder text, Group group, IOrganizationService service)
    {
        WebApiResponse? error = null;
        var answers = new List<(Part Part, WebApiResponse Response)>();
        try
        {
            var urls = new Dictionary<string, string>(StringComparer.Ordinal);
            var calls = new List<(Part Part, WebApiCall Call)>();
            foreach (var part in group.Parts)
            {
                var call = api.Translate(part.Request, reference => urls.TryGetValue(reference, out var url) ? url : LocalWebApi.NoContentIds(reference), preassignIds: true);
                if (part.ContentId != null && call.EntityUrl != null) urls["$" + part.ContentId] = call.EntityUrl;
                if (!call.Writes && call.Requests.Count > 0) throw WebApiException.BadRequest("A change set can't hold GET requests.");
                calls.Add((part, call));
            }
            var transaction = new ExecuteTransactionRequest { Requests = new OrganizationRequestCollection(), ReturnResponses = true };
            foreach (var (_, call) in calls) transaction.Requests.AddRange(call.Requests);
            var responses = transaction.Requests.Count > 0 ? ((OrganizationResponseCollection)service.Execute(transaction).Results["Responses"]!).ToList() : [];
            var next = 0;
            foreach (var (part, call) in calls)
            {
                answers.Add((part, call.Respond(responses.Skip(next).Take(call.Requests.Count).ToList(), service)));
                next += call.Requests.Count;
            }
        }
        catch (Exception e) when (e is System.ServiceModel.FaultException<OrganizationServiceFault> or WebApiException or Microsoft.OData.ODataException)
        {
            error = WebApiErrors.From(e);
        }
        if (error != null) return WritePart(text, new Part(group.Parts[0].Request, null), error);
        var changeSet = "changesetresponse_" + Guid.NewGuid().ToString("D");
        text.Append("Content-Type: multipart/mixed; boundary=").Append(changeSet).Append("\r\n\r\n");
        foreach (var (part, response) in answers)
        {
            text.Append("--").Append(changeSet).Append("\r\n");
            WritePart(text, part, response);
        }
        text.Append("--").Append(changeSet).Append("--\r\n");
        return 0;
    }

    /// <summary>Writes one answer as an application/http part; returns its status when it failed, else 0.</summary>
    private static int WritePart(StringBuilder text, Part part, WebApiResponse response)
    {
        text.Append("Content-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n");
        if (part.ContentId != null) text.Append("Content-ID: ").Append(part.ContentId).Append("\r\n");
        text.Append("\r\nHTTP/1.1 ").Append(response.Status.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(ReasonPhrases.GetReasonPhrase(response.Status)).Append("\r\n");
        text.Append("OData-Version: 4.0\r\n");
        foreach (var (name, value) in response.Headers) text.Append(name).Append(": ").Append(value).Append("\r\n");
        if (response.Body != null && !response.Headers.ContainsKey("Content-Type")) text.Append("Content-Type: application/json; odata.metadata=minimal\r\n");
        text.Append("\r\n");
        if (response.Body != null) text.Append(response.Body).Append("\r\n");
        return response.IsSuccess ? 0 : response.Status;
    }

    private static async Task<List<Group>> ReadGroupsAsync(string contentType, Stream body, CancellationToken cancellationToken)
    {
        var groups = new List<Group>();
        var reader = new MultipartReader(Boundary(contentType), body) { BodyLengthLimit = null };
        for (var section = await reader.ReadNextSectionAsync(cancellationToken).ConfigureAwait(false); section != null; section = await reader.ReadNextSectionAsync(cancellationToken).ConfigureAwait(false))
        {
            if (section.ContentType?.StartsWith("multipart/mixed", StringComparison.OrdinalIgnoreCase) == true)
            {
                var parts = new List<Part>();
                var inner = new MultipartReader(Boundary(section.ContentType), section.Body) { BodyLengthLimit = null };
                for (var part = await inner.ReadNextSectionAsync(cancellationToken).ConfigureAwait(false); part != null; part = await inner.ReadNextSectionAsync(cancellationToken).ConfigureAwait(false))
                    parts.Add(await ReadPartAsync(part, cancellationToken).ConfigureAwait(false));
                groups.Add(new Group(parts, IsChangeSet: true));
                continue;
            }
            groups.Add(new Group([await ReadPartAsync(section, cancellationToken).ConfigureAwait(false)], IsChangeSet: false));
        }
        return groups;
    }

    /// <summary>An application/http part: request line, headers, blank line, body.</summary>
    private static async Task<Part> ReadPartAsync(MultipartSection section, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await section.Body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        var message = Encoding.UTF8.GetString(buffer.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal);
        var split = message.IndexOf("\n\n", StringComparison.Ordinal);
        var head = (split < 0 ? message : message[..split]).Trim('\n').Split('\n');
        var bodyText = split < 0 ? "" : message[(split + 2)..].Trim();
        var requestLine = head[0].Split(' ');
        if (requestLine.Length < 2) throw WebApiException.BadRequest($"A part of the batch has no request line: '{head[0]}'.");
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in head.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0) headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }
        var contentId = section.Headers?.TryGetValue("Content-ID", out var id) == true ? id.ToString() : null;
        return new Part(new WebApiRequest(requestLine[0], Relative(requestLine[1]), headers, Encoding.UTF8.GetBytes(bodyText)), contentId);
    }

    /// <summary>A part's URL relative to the Web API root (parts give it absolute, from the host, or relative).</summary>
    private static string Relative(string url)
    {
        const string root = "/api/data/v9.2/";
        var at = url.IndexOf(root, StringComparison.OrdinalIgnoreCase);
        return at >= 0 ? url[(at + root.Length)..] : url.TrimStart('/');
    }

    private static string Boundary(string contentType)
    {
        var boundary = HeaderUtilities.RemoveQuotes(MediaTypeHeaderValue.Parse(contentType).Boundary).Value;
        return string.IsNullOrEmpty(boundary) ? throw WebApiException.BadRequest("The $batch request's Content-Type has no boundary.") : boundary;
    }
}
