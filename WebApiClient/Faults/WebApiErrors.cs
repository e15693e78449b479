using System.Globalization;
using System.Net;
using System.ServiceModel;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Xrm.Sdk;
using VoiceForD365.Core.Schema;

namespace VoiceForD365.WebApiClient.Faults;

/// <summary>
/// Dataverse's error answers as the SDK reports them: FaultException&lt;OrganizationServiceFault&gt; with the error
/// code of the error JSON (<c>{"error":{"code":"0x80040217","message":"…"}}</c>) and its message, plus a hint for the
/// refusals an administrator fixes (a missing privilege, a service-protection wait beyond the retry budget).
/// </summary>
internal static partial class WebApiErrors
{
    public static FaultException<OrganizationServiceFault> Fault(int code, string message, string? traceText = null) =>
        new(new OrganizationServiceFault { ErrorCode = code, Message = message, Timestamp = DateTime.UtcNow, TraceText = traceText! }, new FaultReason(message));

    /// <summary>The fault for an error answer to <paramref name="description"/>.</summary>
    public static FaultException<OrganizationServiceFault> FromAnswer(WebApiAnswer answer, string description, TimeSpan retryBudget)
    {
        var (code, message, trace) = Parse(answer.Body);
        var status = (int)answer.Status;
        message ??= $"Dataverse answered {status} {answer.Status} to {description}{(answer.Body.Length > 0 ? ": " + Shorten(answer.Body) : ".")}";
        code ??= FallbackCode(answer.Status, message);
        switch (answer.Status)
        {
            case HttpStatusCode.Forbidden:
                var privilege = PrivilegePattern().Match(message);
                if (privilege.Success)
                    message += $" (to {description}, the application user needs the privilege {privilege.Value}: add it to one of its security roles, e.g. Voice ApiUser.)";
                break;
            case HttpStatusCode.TooManyRequests:
            case HttpStatusCode.ServiceUnavailable:
                var wait = answer.RetryAfter is { } retryAfter ? $"Retry-After {Http.WebApiHttp.Seconds(retryAfter)}" : "no Retry-After";
                message += $" (service protection: {description} was not retried further, {wait}, retry budget {Http.WebApiHttp.Seconds(retryBudget)}.)";
                break;
        }
        return Fault(code.Value, message, trace);
    }

    /// <summary>Code, message and trace text of Dataverse's error JSON; nulls when the body is not that JSON.</summary>
    private static (int? Code, string? Message, string? Trace) Parse(string body)
    {
        if (body.Length == 0 || body[0] != '{') return (null, null, null);
        try
        {
            using var document = JsonDocument.Parse(body);
            if (!document.RootElement.TryGetProperty("error", out var error) || error.ValueKind != JsonValueKind.Object) return (null, null, null);
            int? code = null;
            if (error.TryGetProperty("code", out var codeElement) && codeElement.GetString() is { Length: > 2 } hex
                && hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
                && uint.TryParse(hex.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var value))
                code = unchecked((int)value);
            var message = error.TryGetProperty("message", out var messageElement) ? messageElement.GetString() : null;
            var trace = error.TryGetProperty("@Microsoft.PowerApps.CDS.TraceText", out var traceElement) ? traceElement.GetString() : null;
            return (code, string.IsNullOrEmpty(message) ? null : message, trace);
        }
        catch (JsonException)
        {
            return (null, null, null);
        }
    }

    /// <summary>The code when the error JSON has none (older answers send <c>"code":""</c>).</summary>
    private static int FallbackCode(HttpStatusCode status, string message) => status switch
    {
        HttpStatusCode.NotFound => ErrorCodes.ObjectDoesNotExist,
        HttpStatusCode.PreconditionFailed => message.Contains("RowVersion", StringComparison.OrdinalIgnoreCase) ? ErrorCodes.ConcurrencyVersionMismatch : ErrorCodes.DuplicateRecord,
        HttpStatusCode.Forbidden => ErrorCodes.PrivilegeDenied,
        HttpStatusCode.TooManyRequests => ErrorCodes.ServiceProtectionRequests,
        HttpStatusCode.NotImplemented => ErrorCodes.RequestNotSupported,
        _ => ErrorCodes.InvalidArgument,
    };

    private static string Shorten(string body)
    {
        var text = body.Trim();
        return text.Length <= 300 ? text : text[..300] + "…";
    }

    [GeneratedRegex(@"\bprv[A-Za-z0-9_]+")]
    private static partial Regex PrivilegePattern();
}

/// <summary>One HTTP answer (to a request on its own or a part of a $batch).</summary>
internal sealed record WebApiAnswer(HttpStatusCode Status, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public bool IsSuccess => (int)Status is >= 200 and < 300;

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public TimeSpan? RetryAfter =>
        Header("Retry-After") is { } text && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) ? TimeSpan.FromSeconds(seconds) : null;
}
