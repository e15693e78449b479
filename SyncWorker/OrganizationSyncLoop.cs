using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VoiceForD365.Core.PhoneCalls;

namespace VoiceForD365.SyncWorker;

/// <summary>
/// The worker's loop for one organization: a run (<see cref="PhoneCallSyncMode.Scheduled"/>: what changed since the
/// last one, or the nightly retro when Core's schedule says so), a callback sync run, then <see cref="SyncWorkerOptions.Interval"/> of sleep,
/// until the host stops. A stop (SIGTERM, Ctrl-C) reaches the run under way through the stopping token, which Core
/// checks between batches: the batch being written is finished, the lease released, the run recorded as stopped.
/// A run that fails is logged and the loop goes on: the next run carries on from the organization's checkpoints.
/// </summary>
public sealed class OrganizationSyncLoop : BackgroundService
{
    private readonly OrganizationSync _sync;
    private readonly TimeSpan _interval;
    private readonly TimeProvider _time;
    private readonly ILogger _log;

    public OrganizationSyncLoop(OrganizationSync sync, TimeSpan interval, TimeProvider time, ILogger<OrganizationSyncLoop> log)
    {
        _sync = sync ?? throw new ArgumentNullException(nameof(sync));
        _interval = interval;
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _log = log ?? throw new ArgumentNullException(nameof(log));
    }

    /// <summary>The organization this loop syncs.</summary>
    public OrganizationSync Sync => _sync;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        SyncWorkerLog.LoopStarted(_log, _sync.Name, _sync.Url, _sync.WorkerId, _interval.TotalSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await _sync.RunAsync(PhoneCallSyncMode.Scheduled, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Logged by the run; the next one tries again.
            }
            // The callback sync beside it, each minute: a failing phone call sync does not hold callbacks up.
            try
            {
                if (!stoppingToken.IsCancellationRequested) await _sync.RunCallbacksAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Logged by the run; the next one tries again.
            }
            try
            {
                await Task.Delay(_interval, _time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        SyncWorkerLog.LoopStopped(_log, _sync.Name);
    }

    public override void Dispose()
    {
        base.Dispose();
        _sync.Dispose();
    }
}
