using System.Globalization;
using System.Net;
using System.ServiceModel;
using System.Text;
using System.Text.Json;
using Microsoft.Xrm.Sdk;
using VoiceForD365.Core.Schema;

namespace VoiceForD365.LocalOrgServer;

/// <summary>One Web API request (on its own, or a part of a $batch): method, path and query relative to the Web API root, headers, body.</summary>
internal sealed record WebApiRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>Whether the Prefer header holds the preference (e.g. return=representation, odata.continue-on-error).</summary>
    public bool Prefers(string preference) =>
        Header("Prefer")?.Split(',').Any(p => p.Trim().StartsWith(preference, StringComparison.OrdinalIgnoreCase)) == true;

    /// <summary>The odata.maxpagesize preference, when given.</summary>
    public int? MaxPageSize
    {
        get
        {
            foreach (var part in Header("Prefer")?.Split(',') ?? [])
            {
                var pair = part.Split('=', 2);
                if (pair.Length == 2 && pair[0].Trim().Equals("odata.maxpagesize", StringComparison.OrdinalIgnoreCase)
                    && int.TryParse(pair[1].Trim().Trim('"'), NumberStyles.Integer, CultureInfo.InvariantCulture, out var size) && size > 0)
                    return size;
            }
            return null;
        }
    }
}

/// <summary>A Web API answer: status, headers and (JSON) body.</summary>
internal sealed record WebApiResponse(int Status, IReadOnlyDictionary<string, string> Headers, string? Body)
{
    public static readonly IReadOnlyDictionary<string, string> NoHeaders = new Dictionary<string, string>();

    /// <summary>UTF-8 text as Dataverse writes it (+ and ä as themselves, not \u escapes).</summary>
    public static readonly JsonWriterOptions JsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static WebApiResponse Json(int status, string json, IReadOnlyDictionary<string, string>? headers = null) => new(status, headers ?? NoHeaders, json);

    public static WebApiResponse NoContent(IReadOnlyDictionary<string, string>? headers = null) => new(204, headers ?? NoHeaders, null);

    public bool IsSuccess => Status is >= 200 and < 300;
}

/// <summary>A refusal the server makes itself (before the organization sees the request), with Dataverse's status and code.</summary>
internal sealed class WebApiException(int status, int code, string message) : Exception(message)
{
    public int Status { get; } = status;

    public int Code { get; } = code;

    /// <summary>Dataverse's code for a malformed or unknown OData request.</summary>
    public const int SyntaxError = unchecked((int)0x80060888);

    public static WebApiException BadRequest(string message) => new(400, SyntaxError, message);

    public static WebApiException NotFound(string message) => new(404, SyntaxError, message);
}

/// <summary>Errors in Dataverse's JSON shape, and the HTTP status each fault code gets.</summary>
internal static class WebApiErrors
{
    public static WebApiResponse From(Exception exception) => exception switch
    {
        FaultException<OrganizationServiceFault> fault => Response(StatusOf(fault.Detail.ErrorCode), fault.Detail.ErrorCode, fault.Detail.Message, fault.Detail.TraceText),
        WebApiException refusal => Response(refusal.Status, refusal.Code, refusal.Message, null),
        Microsoft.OData.ODataException odata => Response(400, WebApiException.SyntaxError, odata.Message, null),
        _ => throw exception,
    };

    public static WebApiResponse Response(int status, int code, string message, string? traceText, IReadOnlyDictionary<string, string>? headers = null) =>
        WebApiResponse.Json(status, Write(code, message, traceText), headers);

    public static string Write(int code, string message, string? traceText)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, WebApiResponse.JsonOptions))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("error");
            writer.WriteString("code", "0x" + unchecked((uint)code).ToString("x8", CultureInfo.InvariantCulture));
            writer.WriteString("message", message);
            if (!string.IsNullOrEmpty(traceText)) writer.WriteString("@Microsoft.PowerApps.CDS.TraceText", traceText);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>The HTTP status Dataverse answers a fault with (compose-http-requests-handle-errors).</summary>
    public static int StatusOf(int code) => code switch
    {
        ErrorCodes.ObjectDoesNotExist => (int)HttpStatusCode.NotFound,
        ErrorCodes.DuplicateRecord or ErrorCodes.DuplicateRecordEntityKey or ErrorCodes.ConcurrencyVersionMismatch => (int)HttpStatusCode.PreconditionFailed,
        ErrorCodes.PrivilegeDenied => (int)HttpStatusCode.Forbidden,
        ErrorCodes.RequestNotSupported => (int)HttpStatusCode.NotImplemented,
        _ when ErrorCodes.IsServiceProtection(code) => (int)HttpStatusCode.TooManyRequests,
        _ => (int)HttpStatusCode.BadRequest,
    };
}
