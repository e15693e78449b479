using System;
using System.Diagnostics;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using VoiceForD365.Core.Routing;

namespace VoiceForD365.RoutingService;

/// <summary>
/// <c>GET /webex/caller?ani=…</c>: the Webex Contact Center IVR's lookup in one request — whether the caller is known,
/// who (contact, account or lead), their latest active case, the queue priority and the agent's screen pop. Always
/// 200 for a request with an ani: when Dynamics does not answer within the budget, the caller is answered as unknown
/// (<c>lookup: "unavailable"</c>) so the call goes on to an agent.
/// </summary>
internal sealed class WebexEndpoint(RoutingRulesCache rules, CallerDirectory callers, RoutingServiceOptions options, QueuePriorityMap priorities,
    ScreenPopLinks screenPops, RoutingMetrics metrics, ILogger<WebexEndpoint> logger)
{
    public const string Path = "/webex/caller";

    public async Task HandleAsync(HttpContext context)
    {
        var watch = Stopwatch.StartNew();
        var ani = Ani(context.Request.Query["ani"].ToString());
        if (ani.Length == 0)
        {
            RoutingLog.SmartRoutingRefused(logger, StatusCodes.Status400BadRequest, "Webex lookup without ani");
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.Body.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(new ErrorAnswer("ani (the caller's number) is required: /webex/caller?ani=%2B358401234567"), RoutingJson.Plain.ErrorAnswer));
            return;
        }

        using var budget = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        budget.CancelAfter(options.Budget);
        WebexCaller answer;
        var number = CallerDirectory.KeyOf(ani);
        var snapshot = rules.Current;
        if (number is null)
        {
            answer = WebexCaller.NotKnown(new CallerIdentity(ani, CallerStatus.Unknown, null, 0), priorities, screenPops);
        }
        else if (snapshot is null)
        {
            answer = Unavailable(ani, "the caller-matching settings have not been read from Dynamics yet", watch);
        }
        else
        {
            try
            {
                answer = await callers.ForWebexAsync(number, snapshot, priorities, screenPops, budget.Token);
            }
            catch (Exception e) when (!context.RequestAborted.IsCancellationRequested)
            {
                if (e is not DataverseUnavailableException) RoutingLog.LookupFailed(logger, number, e.Message);
                answer = Unavailable(ani, e.Message, watch);
            }
        }

        var json = ToJson(answer);
        if (!answer.Unavailable)
        {
            metrics.Answered("Webex", watch.Elapsed);
            RoutingLog.WebexLookup(logger, ani, json.Lookup, answer.Identity?.ToString() ?? "", answer.Case?.Number ?? "none", json.QueuePriority, watch.ElapsedMilliseconds);
        }
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.Body.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(json, RoutingJson.Plain.WebexAnswer));
    }

    /// <summary>The ani as sent; a '+' sent unencoded in a query string arrives as a space and is put back.</summary>
    private static string Ani(string value) =>
        value.Length > 1 && value[0] == ' ' && char.IsDigit(value[1]) ? "+" + value.Trim() : value.Trim();

    private WebexCaller Unavailable(string ani, string reason, Stopwatch watch)
    {
        metrics.Answered("WebexUnavailable", watch.Elapsed);
        RoutingLog.WebexUnavailable(logger, ani, reason, watch.ElapsedMilliseconds);
        return WebexCaller.WithoutDynamics(priorities, screenPops);
    }

    private static WebexAnswer ToJson(WebexCaller caller)
    {
        var identity = caller.Identity;
        var lookup = caller.Unavailable ? "unavailable"
            : identity!.Status switch { CallerStatus.Known => "found", CallerStatus.Several => "several", _ => "unknown" };
        var customer = caller.Customer;
        var activeCase = caller.Case;
        return new WebexAnswer(lookup, customer is not null, customer?.Id.ToString("D") ?? "", customer?.Name ?? "", customer?.LogicalName ?? "",
            identity?.MatchCount ?? 0, activeCase is not null, activeCase?.Id.ToString("D") ?? "", activeCase?.Number ?? "", activeCase?.Title ?? "",
            activeCase?.Severity ?? "", activeCase?.Priority ?? "", caller.QueuePriority, caller.ScreenPopUrl);
    }
}
