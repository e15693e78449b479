using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;

namespace VoiceForD365.RoutingService;

/// <summary>
/// The service's metrics (meter <c>VoiceForD365.RoutingService</c>, for OpenTelemetry or dotnet-counters): answers by
/// outcome, answer time, and Dataverse requests.
/// </summary>
internal sealed class RoutingMetrics : IDisposable
{
    public const string MeterName = "VoiceForD365.RoutingService";

    private readonly Meter _meter;
    private readonly Counter<long> _answers;
    private readonly Histogram<double> _duration;

    public RoutingMetrics(IMeterFactory meters, DataverseGate gate)
    {
        _meter = meters.Create(MeterName);
        _answers = _meter.CreateCounter<long>("vfd.routing.answers", description: "Answers by outcome (Routed, NoRuleApplies, LoopPrevented, Unavailable, RulesNotLoaded, Refused, Webex, WebexUnavailable).");
        _duration = _meter.CreateHistogram<double>("vfd.routing.answer.duration", unit: "ms", description: "Time from request to answer.");
        _meter.CreateObservableCounter("vfd.routing.dataverse.requests", () => gate.Requests, description: "Dataverse requests made for calls (cache misses).");
    }

    public void Answered(string outcome, TimeSpan elapsed)
    {
        var tag = new KeyValuePair<string, object?>("outcome", outcome);
        _answers.Add(1, tag);
        _duration.Record(elapsed.TotalMilliseconds, tag);
    }

    public void Dispose() => _meter.Dispose();
}
