using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace VoiceForD365.Emulator;

/// <summary>What a route answers: a status and a JSON body (or none), plus headers.</summary>
public sealed record EmulatorResponse(int StatusCode, string? Json, IReadOnlyDictionary<string, string>? Headers = null)
{
    public static EmulatorResponse Ok(string json) => new(200, json);

    public static EmulatorResponse Error(int statusCode, string message, IReadOnlyDictionary<string, string>? headers = null) =>
        new(statusCode, EmulatorJson.Write(w => { w.WriteStartObject(); w.WriteString("Message", message); w.WriteEndObject(); }), headers);
}

/// <summary>
/// One endpoint of the emulator: its identity (for counting and faults), its route pattern, whether it needs the API
/// user's credentials, how it answers, what its answer looks like with the expected fields missing, and its HTTP method.
/// </summary>
public sealed record EmulatorRoute(
    EnreachEmulatorEndpoint Endpoint,
    string Pattern,
    bool Authenticated,
    Func<HttpContext, EmulatorResponse> Handle,
    string MissingFieldsJson,
    string Method = "GET")
{
    internal static readonly EmulatorRoute NotFound = new(
        EnreachEmulatorEndpoint.Unknown, "", false, _ => EmulatorResponse.Error(404, "No HTTP resource was found that matches the request URI."), "{}");
}

/// <summary>Every request goes through here: count, injected delay, injected failure, authentication, answer.</summary>
internal sealed class EmulatorPipeline(EnreachEmulator emulator, CancellationToken stopping)
{
    public async Task ServeAsync(HttpContext context, EmulatorRoute route)
    {
        var request = context.Request;
        var record = emulator.Requests.Record(route.Endpoint, request.Method, request.Path.Value ?? "", request.QueryString.Value ?? "",
            request.Headers.ContainsKey("Authorization"));
        var (delay, trickle, fault) = emulator.Faults.Take(route.Endpoint);
        using var gone = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);

        if (delay is { } wait && wait > TimeSpan.Zero && !await WaitAsync(wait, context, record, gone.Token).ConfigureAwait(false)) return;

        EmulatorResponse response;
        var contentType = "application/json; charset=utf-8";
        if (fault is { Kind: EnreachEmulatorFaults.FaultKind.Status })
        {
            response = StatusFault(fault);
        }
        else if (fault is { Kind: EnreachEmulatorFaults.FaultKind.Body })
        {
            response = new EmulatorResponse(fault.StatusCode, fault.Body);
        }
        else if (fault is { Kind: EnreachEmulatorFaults.FaultKind.Malformed })
        {
            var real = route.Handle(context);
            switch (fault.Malformation)
            {
                case EnreachEmulatorMalformation.NotJson:
                    response = new EmulatorResponse(200, "<!DOCTYPE html><html><head><title>Maintenance</title></head><body><h1>We'll be back soon</h1></body></html>");
                    contentType = "text/html; charset=utf-8";
                    break;
                case EnreachEmulatorMalformation.MissingFields:
                    response = new EmulatorResponse(200, route.MissingFieldsJson);
                    break;
                default:
                    var json = real.Json ?? "{}";
                    response = new EmulatorResponse(200, json[..Math.Max(1, json.Length / 2)]);
                    break;
            }
        }
        else if (route.Authenticated && !emulator.IsApiUser(request.Headers.Authorization.ToString()))
        {
            response = Unauthorized();
        }
        else
        {
            response = route.Handle(context);
        }

        record.StatusCode = response.StatusCode;
        context.Response.StatusCode = response.StatusCode;
        if (response.Headers != null)
        {
            foreach (var header in response.Headers) context.Response.Headers[header.Key] = header.Value;
        }
        if (response.Json != null)
        {
            context.Response.ContentType = contentType;
            var bytes = Encoding.UTF8.GetBytes(response.Json);
            context.Response.ContentLength = bytes.Length;
            if (trickle is not { } interval)
            {
                await context.Response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
                return;
            }
            try
            {
                await context.Response.StartAsync(gone.Token).ConfigureAwait(false);
                for (var i = 0; i < bytes.Length; i++)
                {
                    await context.Response.Body.WriteAsync(bytes.AsMemory(i, 1), gone.Token).ConfigureAwait(false);
                    await context.Response.Body.FlushAsync(gone.Token).ConfigureAwait(false);
                    if (i + 1 < bytes.Length && !await WaitAsync(interval, context, record, gone.Token).ConfigureAwait(false)) return;
                }
            }
            catch (Exception e) when (e is OperationCanceledException || e is IOException)
            {
                record.StatusCode = 499;
                context.Abort();
            }
        }
    }

    /// <summary>Waits; false (and the connection aborted) when the client went away or the emulator stops first.</summary>
    private static async Task<bool> WaitAsync(TimeSpan wait, HttpContext context, EnreachEmulatorRequest record, CancellationToken gone)
    {
        try
        {
            await Task.Delay(wait, gone).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            record.StatusCode = 499;
            context.Abort();
            return false;
        }
    }

    private static EmulatorResponse Unauthorized() =>
        EmulatorResponse.Error(401, "Authorization has been denied for this request.",
            new Dictionary<string, string> { ["WWW-Authenticate"] = "Basic realm=\"Enreach emulator\"" });

    private static EmulatorResponse StatusFault(EnreachEmulatorFaults.Fault fault)
    {
        switch (fault.StatusCode)
        {
            case 401:
                return Unauthorized();
            case 403:
                return EmulatorResponse.Error(403, "The API user has no right to this resource.");
        }
        var headers = new Dictionary<string, string>();
        if (fault.RetryAfter is { } after)
        {
            headers["Retry-After"] = fault.RetryAfterAsDate
                ? DateTimeOffset.UtcNow.Add(after).ToString("R", CultureInfo.InvariantCulture)
                : Math.Ceiling(after.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        }
        return fault.StatusCode == 429
            ? EmulatorResponse.Error(429, "Too many requests. Please try again later.", headers)
            : EmulatorResponse.Error(fault.StatusCode, "An error has occurred.", headers);
    }
}
