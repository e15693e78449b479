using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Xrm.Sdk;
using VoiceForD365.Core.Routing;
using VoiceForD365.Core.Settings;

namespace VoiceForD365.RoutingService;

/// <summary>
/// Keeps the routing rules and the caller-matching settings: read at start, then every
/// <see cref="RoutingServiceOptions.RuleRefreshSeconds"/> in the background, so no call waits for them. A failed read
/// keeps the rules already read (and logs why); until the first read succeeds, SmartRouting answers 204.
/// </summary>
internal sealed class RoutingRulesCache(IOrganizationService service, RoutingServiceOptions options, ILogger<RoutingRulesCache> logger, TimeProvider time)
    : BackgroundService
{
    /// <summary>A refresh longer than this is given up (and tried again at the next refresh).</summary>
    private static readonly TimeSpan RefreshTimeout = TimeSpan.FromSeconds(30);

    private readonly TaskCompletionSource _firstAttempt = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private RoutingSnapshot? _current;

    /// <summary>The rules last read; null until the first read succeeds.</summary>
    public RoutingSnapshot? Current => Volatile.Read(ref _current);

    /// <summary>Completes when the first read has succeeded or failed.</summary>
    public Task FirstAttempt => _firstAttempt.Task;

    /// <summary>Reads the rules and settings now; returns the new snapshot, or null when the read failed (the old one stays).</summary>
    public async Task<RoutingSnapshot?> RefreshAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(RefreshTimeout);
        var watch = Stopwatch.StartNew();
        try
        {
            var snapshot = await Task.Run(() =>
            {
                var dynamics = new BudgetedOrganizationService(service, timeout.Token, () => { });
                var settings = RoutingSettings.Read(new VoiceSettings(dynamics));
                return new RoutingSnapshot(RoutingRuleSet.Load(dynamics), settings, time.GetUtcNow());
            }, timeout.Token).ConfigureAwait(false);
            foreach (var skipped in snapshot.Rules.Skipped) RoutingLog.RuleSkipped(logger, skipped);
            Volatile.Write(ref _current, snapshot);
            RoutingLog.RulesLoaded(logger, snapshot.Rules.Rules.Count, snapshot.Settings.ToString(), watch.ElapsedMilliseconds);
            return snapshot;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var kept = Current is { } old
                ? $"the {old.Rules.Rules.Count} rules read at {old.LoadedAt:u} stay in use"
                : "no rules are in use yet: SmartRouting answers 204 until they are read";
            RoutingLog.RulesFailed(logger, e is OperationCanceledException ? $"no answer within {RefreshTimeout.TotalSeconds:0} s" : e.Message, kept);
            return null;
        }
        finally
        {
            _firstAttempt.TrySetResult();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(options.RuleRefreshSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            await RefreshAsync(stoppingToken).ConfigureAwait(false);
            try
            {
                await Task.Delay(interval, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
