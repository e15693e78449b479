using System;
using System.Diagnostics;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;
using VoiceForD365.Core.Routing;

namespace VoiceForD365.RoutingService;

/// <summary>
/// <c>POST /smartrouting</c>: Enreach asks where a call goes. 200 <c>{"InitialTarget": …, "FailTarget"?: …}</c> when a
/// rule routes it, 204 when nothing applies, a loop would follow, or Dynamics does not answer within the budget; 400
/// for a malformed body, 413 over <see cref="RoutingServiceOptions.MaxBodyBytes"/>, 415 when it is not JSON. Every
/// answer is logged with its reason.
/// </summary>
internal sealed class SmartRoutingEndpoint(RoutingRulesCache rules, CallerDirectory callers, RoutingServiceOptions options, RoutingMetrics metrics,
    ILogger<SmartRoutingEndpoint> logger)
{
    public const string Path = "/smartrouting";

    public async Task HandleAsync(HttpContext context)
    {
        var watch = Stopwatch.StartNew();
        var request = context.Request;
        if (!IsJson(request.ContentType))
        {
            await RefuseAsync(context, StatusCodes.Status415UnsupportedMediaType, $"The body must be JSON (Content-Type: application/json), not '{request.ContentType}'.");
            return;
        }
        var body = await ReadBodyAsync(request, options.MaxBodyBytes, context.RequestAborted);
        if (body is null)
        {
            await RefuseAsync(context, StatusCodes.Status413PayloadTooLarge, $"The body is larger than {options.MaxBodyBytes} bytes.");
            return;
        }
        var call = SmartRoutingRequest.Parse(body, out var problem);
        if (call is null)
        {
            await RefuseAsync(context, StatusCodes.Status400BadRequest, problem);
            return;
        }

        using var budget = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        budget.CancelAfter(options.Budget);
        var snapshot = rules.Current;
        if (snapshot is null)
        {
            Answer(context, call, watch, null, "RulesNotLoaded", "the routing rules have not been read from Dynamics yet");
            return;
        }

        CallerIdentity? caller = null;
        var facts = CallerFacts.None;
        if (RoutingDecider.NeedsCaller(snapshot.Rules, call.Bnum))
        {
            var number = CallerDirectory.KeyOf(call.Anum);
            if (number is null)
            {
                caller = new CallerIdentity(call.Anum, CallerStatus.Unknown, null, 0);
            }
            else
            {
                try
                {
                    var found = await callers.ForRoutingAsync(number, snapshot, budget.Token);
                    (caller, facts) = (found.Identity, found.Facts);
                }
                catch (Exception e) when (!context.RequestAborted.IsCancellationRequested)
                {
                    if (e is not DataverseUnavailableException) RoutingLog.LookupFailed(logger, number, e.Message);
                    context.Response.StatusCode = StatusCodes.Status204NoContent;
                    metrics.Answered("Unavailable", watch.Elapsed);
                    RoutingLog.SmartRoutingUnavailable(logger, call.CallId, call.Anum, call.Bnum, e.Message, watch.ElapsedMilliseconds);
                    return;
                }
            }
        }
        var decision = RoutingDecider.Decide(snapshot.Rules, call.Bnum, caller, facts);
        if (decision.Outcome == RoutingOutcome.Routed)
        {
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.Body.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(new SmartRoutingAnswer(decision.InitialTarget!, decision.FailTarget), RoutingJson.Plain.SmartRoutingAnswer));
        }
        Answer(context, call, watch, decision, decision.Outcome.ToString(), decision.Reason);
    }

    /// <summary>application/json, or any +json type, with or without parameters.</summary>
    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var type) &&
        (type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || type.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase));

    /// <summary>The body, or null when it is longer than <paramref name="limit"/> (read no further than that).</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit) return null;
        var buffer = new byte[limit + 1];
        var read = 0;
        while (read < buffer.Length)
        {
            var count = await request.Body.ReadAsync(buffer.AsMemory(read), cancellationToken);
            if (count == 0) break;
            read += count;
        }
        return read > limit ? null : buffer[..read];
    }

    private void Answer(HttpContext context, SmartRoutingRequest call, Stopwatch watch, RoutingDecision? decision, string outcome, string reason)
    {
        if (decision?.Outcome != RoutingOutcome.Routed) context.Response.StatusCode = StatusCodes.Status204NoContent;
        metrics.Answered(outcome, watch.Elapsed);
        RoutingLog.SmartRouting(logger, call.CallId, call.Anum, call.Bnum, context.Response.StatusCode, decision?.InitialTarget ?? "", decision?.FailTarget ?? "",
            outcome, reason, watch.ElapsedMilliseconds);
    }

    private async Task RefuseAsync(HttpContext context, int status, string problem)
    {
        metrics.Answered("Refused", TimeSpan.Zero);
        RoutingLog.SmartRoutingRefused(logger, status, problem);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.Body.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(new ErrorAnswer(problem), RoutingJson.Plain.ErrorAnswer));
    }
}
