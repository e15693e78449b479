using Microsoft.Extensions.Logging;

namespace VoiceForD365.RoutingService;

/// <summary>Every line the routing service logs: decisions with their reason, never a key.</summary>
internal static partial class RoutingLog
{
    [LoggerMessage(1, LogLevel.Information, "SmartRouting {CallId} anum {Anum} bnum {Bnum}: {Status} {InitialTarget} {FailTarget} ({Outcome}: {Reason}) in {Milliseconds} ms")]
    public static partial void SmartRouting(ILogger logger, string callId, string anum, string bnum, int status, string initialTarget, string failTarget,
        string outcome, string reason, long milliseconds);

    [LoggerMessage(2, LogLevel.Warning, "SmartRouting {CallId} anum {Anum} bnum {Bnum}: 204 without asking the rules, as Dynamics is unavailable ({Reason}) after {Milliseconds} ms")]
    public static partial void SmartRoutingUnavailable(ILogger logger, string callId, string anum, string bnum, string reason, long milliseconds);

    [LoggerMessage(3, LogLevel.Warning, "SmartRouting: {Status} {Problem}")]
    public static partial void SmartRoutingRefused(ILogger logger, int status, string problem);

    [LoggerMessage(4, LogLevel.Information, "Webex caller {Ani}: {Lookup} {Customer}, case {Case}, queue priority {QueuePriority} in {Milliseconds} ms")]
    public static partial void WebexLookup(ILogger logger, string ani, string lookup, string customer, string @case, int queuePriority, long milliseconds);

    [LoggerMessage(5, LogLevel.Warning, "Webex caller {Ani}: answered as unknown, as Dynamics is unavailable ({Reason}) after {Milliseconds} ms")]
    public static partial void WebexUnavailable(ILogger logger, string ani, string reason, long milliseconds);

    [LoggerMessage(6, LogLevel.Error, "Dynamics failed a lookup of {Number}: {Error}")]
    public static partial void LookupFailed(ILogger logger, string number, string error);

    [LoggerMessage(7, LogLevel.Information, "Routing rules loaded: {Count} active ({Settings}) in {Milliseconds} ms")]
    public static partial void RulesLoaded(ILogger logger, int count, string settings, long milliseconds);

    [LoggerMessage(8, LogLevel.Warning, "Routing rule skipped: {Problem}")]
    public static partial void RuleSkipped(ILogger logger, string problem);

    [LoggerMessage(9, LogLevel.Error, "Routing rules could not be read ({Error}); {Kept}")]
    public static partial void RulesFailed(ILogger logger, string error, string kept);

    [LoggerMessage(10, LogLevel.Warning, "Circuit opened: Dynamics is not asked for {Seconds} s after failed lookups (last: {Error})")]
    public static partial void CircuitOpened(ILogger logger, double seconds, string error);

    [LoggerMessage(11, LogLevel.Information, "Circuit half open: the next lookup tries Dynamics again")]
    public static partial void CircuitHalfOpened(ILogger logger);

    [LoggerMessage(12, LogLevel.Information, "Circuit closed: Dynamics answers again")]
    public static partial void CircuitClosed(ILogger logger);
}
