using Microsoft.Extensions.Logging;

namespace VoiceForD365.SyncWorker;

/// <summary>The worker's log events (structured: each placeholder is a field). Nothing here ever carries a secret.</summary>
internal static partial class SyncWorkerLog
{
    [LoggerMessage(EventId = 1, EventName = "LoopStarted", Level = LogLevel.Information,
        Message = "{Organization}: phone call sync started for {Url} as worker {WorkerId}, a run every {IntervalSeconds} s after the previous one")]
    public static partial void LoopStarted(ILogger logger, string organization, Uri url, string workerId, double intervalSeconds);

    [LoggerMessage(EventId = 2, EventName = "LoopStopped", Level = LogLevel.Information, Message = "{Organization}: phone call sync stopped")]
    public static partial void LoopStopped(ILogger logger, string organization);

    [LoggerMessage(EventId = 3, EventName = "RunEnded",
        Message = "{Organization}: {Kind} run {Status}: {Created} created, {Merged} merged, {AlreadyLogged} already logged, {Skipped} skipped{SkippedByReason}, {Failed} failed " +
                  "of {Events} call events; {EnreachRequests} Enreach and {DataverseRequests} Dataverse requests; {Seconds} s. {Message} (run {RunId})")]
    public static partial void RunEnded(ILogger logger, LogLevel level, string organization, string kind, string status, int created, int merged, int alreadyLogged,
        int skipped, string skippedByReason, int failed, int events, long enreachRequests, long dataverseRequests, double seconds, string message, Guid runId);

    [LoggerMessage(EventId = 4, EventName = "RunNotStarted", Level = LogLevel.Error, Message = "{Organization}: the run did not start: {Reason}")]
    public static partial void RunNotStarted(ILogger logger, string organization, string reason);

    [LoggerMessage(EventId = 5, EventName = "RunCrashed", Level = LogLevel.Error, Message = "{Organization}: the run ended in an unexpected error; the next run carries on from the checkpoints")]
    public static partial void RunCrashed(ILogger logger, Exception exception, string organization);

    [LoggerMessage(EventId = 6, EventName = "CallDecision", Level = LogLevel.Information, Message = "{Organization}: {Decision}")]
    public static partial void Decision(ILogger logger, string organization, string decision);

    [LoggerMessage(EventId = 8, EventName = "CallbackRunEnded",
        Message = "{Organization}: callback run {Status}: {Profiles} profile(s), {Created} logged, {AlreadyLogged} already logged, {Skipped} skipped, {Failed} failed, " +
                  "{Closed} closed, {CloseFailed} close(s) failed; {EnreachRequests} Enreach and {DataverseRequests} Dataverse requests; {Seconds} s. {Message} (run {RunId})")]
    public static partial void CallbackRunEnded(ILogger logger, LogLevel level, string organization, string status, int profiles, int created, int alreadyLogged, int skipped,
        int failed, int closed, int closeFailed, long enreachRequests, long dataverseRequests, double seconds, string message, Guid runId);

    [LoggerMessage(EventId = 7, EventName = "Trace", Level = LogLevel.Debug, Message = "{Organization}: {Line}")]
    public static partial void Trace(ILogger logger, string organization, string line);
}
