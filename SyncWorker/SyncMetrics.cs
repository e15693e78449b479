using System.Diagnostics.Metrics;
using VoiceForD365.Core.Callbacks;
using VoiceForD365.Core.PhoneCalls;

namespace VoiceForD365.SyncWorker;

/// <summary>
/// The worker's metrics, meter <see cref="MeterName"/> (System.Diagnostics.Metrics: <c>dotnet-counters</c> reads them
/// as they are, OpenTelemetry exports them when configured). Every instrument carries the tag <c>organization</c>.
/// </summary>
public sealed class SyncMetrics : IDisposable
{
    public const string MeterName = "VoiceForD365.Sync";

    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Counter<long> _runs;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _calls;
    private readonly Counter<long> _callbackRequests;
    private readonly Counter<long> _enreachRequests;
    private readonly Counter<long> _dataverseRequests;

    /// <summary>The meter from the host's factory (what the worker uses; tests collect from it).</summary>
    public SyncMetrics(IMeterFactory meterFactory)
        : this(meterFactory.Create(MeterName), ownsMeter: false)
    {
    }

    /// <summary>A meter of its own (<c>vfd sync</c>, the bench).</summary>
    public SyncMetrics()
        : this(new Meter(MeterName), ownsMeter: true)
    {
    }

    private SyncMetrics(Meter meter, bool ownsMeter)
    {
        _meter = meter;
        _ownsMeter = ownsMeter;
        _runs = meter.CreateCounter<long>("vfd.sync.runs", "{run}", "Runs by kind (continuous, retro, debug, callback) and status (succeeded, calls_failed, failed, stopped, not_configured, lease_held, error).");
        _duration = meter.CreateHistogram<double>("vfd.sync.run.duration", "s", "How long a run took, by kind and status.");
        _calls = meter.CreateCounter<long>("vfd.sync.calls", "{call event}",
            "Call events decided, by outcome (created, merged, already_logged, skipped, failed); skipped ones also by reason (not_work, too_short, ...).");
        _callbackRequests = meter.CreateCounter<long>("vfd.sync.callback.requests", "{callback request}",
            "Callback requests decided, by outcome: created, already_logged, skipped, failed (their phone call) and closed, close_failed (their close in Enreach; a request counts once for each).");
        _enreachRequests = meter.CreateCounter<long>("vfd.sync.enreach.requests", "{request}", "HTTP requests to the Enreach API (discovery and retries included).");
        _dataverseRequests = meter.CreateCounter<long>("vfd.sync.dataverse.requests", "{request}", "Requests to Dataverse (over the Web API: HTTP requests, a $batch is one; metadata reads and retries included).");
    }

    /// <summary>What a run did.</summary>
    public void Record(string organization, PhoneCallSyncSummary summary, long enreachRequests, long dataverseRequests)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var org = new KeyValuePair<string, object?>("organization", organization);
        var kind = new KeyValuePair<string, object?>("kind", Snake(summary.Kind.ToString()));
        var status = new KeyValuePair<string, object?>("status", Snake(summary.Status.ToString()));
        _runs.Add(1, org, kind, status);
        _duration.Record(summary.Duration.TotalSeconds, org, kind, status);
        foreach (var group in summary.Decisions.GroupBy(d => (d.Outcome, d.SkipReason)))
        {
            var outcome = new KeyValuePair<string, object?>("outcome", Snake(group.Key.Outcome.ToString()));
            if (group.Key.Outcome == PhoneCallOutcome.Skipped)
                _calls.Add(group.Count(), org, outcome, new KeyValuePair<string, object?>("reason", Snake(group.Key.SkipReason.ToString())));
            else
                _calls.Add(group.Count(), org, outcome);
        }
        Requests(org, enreachRequests, dataverseRequests);
    }

    /// <summary>What a callback sync run did: kind <c>callback</c>.</summary>
    public void Record(string organization, CallbackSyncSummary summary, long enreachRequests, long dataverseRequests)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var org = new KeyValuePair<string, object?>("organization", organization);
        var status = new KeyValuePair<string, object?>("status", Snake(summary.Status.ToString()));
        _runs.Add(1, org, CallbackKind, status);
        _duration.Record(summary.Duration.TotalSeconds, org, CallbackKind, status);
        var outcomes = summary.Decisions.Where(d => d.Outcome != CallbackOutcome.NotWritten).Select(d => Snake(d.Outcome.ToString()))
            .Concat(summary.Decisions.Where(d => d.Close != CallbackCloseOutcome.NotTried).Select(d => d.Close == CallbackCloseOutcome.Closed ? "closed" : "close_failed"));
        foreach (var group in outcomes.GroupBy(o => o))
            _callbackRequests.Add(group.Count(), org, new KeyValuePair<string, object?>("outcome", group.Key));
        Requests(org, enreachRequests, dataverseRequests);
    }

    /// <summary>A run that could not start (<see cref="OrganizationSyncException"/>) or ended in an unexpected error; <paramref name="callback"/>: a callback sync run.</summary>
    public void RecordError(string organization, TimeSpan duration, long enreachRequests, long dataverseRequests, bool callback = false)
    {
        var org = new KeyValuePair<string, object?>("organization", organization);
        var status = new KeyValuePair<string, object?>("status", "error");
        if (callback)
        {
            _runs.Add(1, org, CallbackKind, status);
            _duration.Record(duration.TotalSeconds, org, CallbackKind, status);
        }
        else
        {
            _runs.Add(1, org, status);
            _duration.Record(duration.TotalSeconds, org, status);
        }
        Requests(org, enreachRequests, dataverseRequests);
    }

    private static readonly KeyValuePair<string, object?> CallbackKind = new("kind", "callback");

    private void Requests(KeyValuePair<string, object?> org, long enreach, long dataverse)
    {
        if (enreach > 0) _enreachRequests.Add(enreach, org);
        if (dataverse > 0) _dataverseRequests.Add(dataverse, org);
    }

    /// <summary>AlreadyLogged → already_logged: OpenTelemetry's spelling of attribute values.</summary>
    internal static string Snake(string name)
    {
        var text = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0) text.Append('_');
            text.Append(char.ToLowerInvariant(name[i]));
        }
        return text.ToString();
    }

    /// <summary>Disposes the meter it created; the factory's meters are the factory's to dispose.</summary>
    public void Dispose()
    {
        if (_ownsMeter) _meter.Dispose();
    }
}
