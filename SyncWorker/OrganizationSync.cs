using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Xrm.Sdk;
using VoiceForD365.Core.Callbacks;
using VoiceForD365.Core.Enreach;
using VoiceForD365.Core.PhoneCalls;
using VoiceForD365.Core.Settings;
using VoiceForD365.WebApiClient;

namespace VoiceForD365.SyncWorker;

/// <summary>
/// One organization the worker syncs: its Dataverse connection and its Enreach HTTP stack, and one run of Core's
/// <see cref="PhoneCallSync"/> at a time. Each run first reads the Enreach settings from the organization's environment
/// variables, exactly as the plug-ins do (one place to configure: Dynamics), so a changed secret or endpoint is used
/// from the next run on. The worker's loop, <c>vfd sync</c> and the bench all run the sync through this class.
/// </summary>
public sealed class OrganizationSync : IDisposable
{
    /// <summary>The log category of the per-call-event decisions (one line each; a nightly retro writes thousands): set it to Warning to leave them out.</summary>
    public const string DecisionsLogCategory = "VoiceForD365.SyncWorker.Decisions";

    /// <summary>The log category of the sync's and the Enreach client's trace (entry, windows, queries, batches, retries), at Debug.</summary>
    public const string TraceLogCategory = "VoiceForD365.SyncWorker.Trace";

    private readonly IOrganizationService _service;
    private readonly Func<long> _dataverseRequests;
    private readonly IDisposable? _ownedService;
    private readonly CountingHttpHandler _enreachHandler;
    private readonly SyncWorkerOptions _options;
    private readonly SyncMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly ILogger _decisions;
    private readonly ILogger _trace;
    private readonly CallbackSyncCache _callbackProfiles;

    /// <param name="name">The organization's name in logs and metrics.</param>
    /// <param name="url">Where it is (logged; never a secret).</param>
    /// <param name="service">The organization, as the Voice ApiUser.</param>
    /// <param name="dataverseRequests">Requests sent to the organization so far (the Web API client's HTTP requests, or the local organization's count).</param>
    /// <param name="options">The worker's id, lease and batch size (its organizations are not read).</param>
    /// <param name="enreachHandler">The innermost Enreach HTTP handler; null: a SocketsHttpHandler. Disposed with this.</param>
    /// <param name="ownedService">Disposed with this (the Web API client <see cref="Connect"/> made).</param>
    public OrganizationSync(string name, Uri url, IOrganizationService service, Func<long> dataverseRequests, SyncWorkerOptions options, SyncMetrics metrics,
        ILoggerFactory? loggers = null, TimeProvider? time = null, HttpMessageHandler? enreachHandler = null, IDisposable? ownedService = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(dataverseRequests);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(metrics);
        Name = name;
        Url = url;
        WorkerId = options.WorkerId ?? throw new ArgumentException("The worker id must be resolved first (SyncWorkerOptions.WorkerId).", nameof(options));
        _service = service;
        _dataverseRequests = dataverseRequests;
        _options = options;
        _metrics = metrics;
        _time = time ?? TimeProvider.System;
        _enreachHandler = new CountingHttpHandler(enreachHandler);
        _ownedService = ownedService;
        loggers ??= NullLoggerFactory.Instance;
        _log = loggers.CreateLogger<OrganizationSync>();
        _decisions = loggers.CreateLogger(DecisionsLogCategory);
        _trace = loggers.CreateLogger(TraceLogCategory);
        _callbackProfiles = new CallbackSyncCache(options.CallbackProfilesRefresh);
    }

    /// <summary>Connects to an organization of the configuration over the Dataverse Web API.</summary>
    /// <exception cref="ArgumentException">The connection string is not usable (the message never shows a secret).</exception>
    public static OrganizationSync Connect(SyncOrganizationOptions organization, SyncWorkerOptions options, SyncMetrics metrics, ILoggerFactory? loggers = null,
        TimeProvider? time = null, HttpMessageHandler? enreachHandler = null)
    {
        ArgumentNullException.ThrowIfNull(organization);
        var client = new DataverseWebApiClient(organization.ConnectionString, new DataverseWebApiClientOptions { Logger = loggers?.CreateLogger<DataverseWebApiClient>() });
        return new OrganizationSync(organization.Name.Trim(), client.WebApiUrl, client, () => client.HttpRequests, options, metrics, loggers, time, enreachHandler, client);
    }

    public string Name { get; }

    public Uri Url { get; }

    /// <summary>The lease owner this organization's runs write.</summary>
    public string WorkerId { get; }

    /// <summary>Enreach HTTP requests so far.</summary>
    public long EnreachRequests => _enreachHandler.Requests;

    /// <summary>
    /// One run (see <see cref="PhoneCallSync.Run"/>), logged, one line per decision, and measured. <paramref name="stop"/>
    /// stops it at the next batch boundary: the batch being written is finished, the lease released and the run
    /// recorded as stopped; what it did not reach is read again by the next run.
    /// </summary>
    /// <exception cref="OrganizationSyncException">The run could not start: the organization can't be reached, or its Enreach environment variables are not usable.</exception>
    public Task<PhoneCallSyncSummary> RunAsync(PhoneCallSyncMode mode, CancellationToken stop = default) =>
        // Core is synchronous (it runs in the sandbox too): a pool thread of its own, never abandoned on stop, so that
        // a stop waits for the batch being written.
        Task.Run(() => Run(mode, stop), CancellationToken.None);

    /// <summary>What the sync did or would do with one call (read-only; see <see cref="PhoneCallSync.Explain"/>).</summary>
    /// <exception cref="OrganizationSyncException">The organization can't be reached, or its Enreach environment variables are not usable.</exception>
    /// <exception cref="EnreachException">Enreach could not be read.</exception>
    public Task<PhoneCallExplanation> ExplainAsync(Guid callId, DateTime? startedAround = null) =>
        Task.Run(() => PhoneCallSync.Explain(_service, ConnectEnreach(), callId, Options(PhoneCallSyncMode.Continuous), startedAround));

    /// <summary>
    /// One run of the callback sync (see <see cref="CallbackSync.Run"/>), logged with one line per decision. The
    /// profiles come from this organization's cache (<see cref="RefreshCallbackProfilesAsync"/>).
    /// </summary>
    /// <exception cref="OrganizationSyncException">The run could not start: the organization can't be reached, or its Enreach environment variables are not usable.</exception>
    public Task<CallbackSyncSummary> RunCallbacksAsync(CancellationToken stop = default) => Task.Run(() => RunCallbacks(stop), CancellationToken.None);

    /// <summary>
    /// Every worker's next callback run (this one's too) reads the callback profiles and settings again
    /// (<c>vfd sync --refresh</c>): asked through the organization, so replicas elsewhere see it.
    /// </summary>
    public Task RefreshCallbackProfilesAsync() => Task.Run(() =>
    {
        _callbackProfiles.RefreshNow();
        CallbackSync.RequestRefresh(_service, _time.GetUtcNow().UtcDateTime);
    });

    /// <summary>What the callback sync did or would do with one callback request (read-only; see <see cref="CallbackSync.Explain"/>).</summary>
    /// <exception cref="OrganizationSyncException">The organization can't be reached, or its Enreach environment variables are not usable.</exception>
    /// <exception cref="EnreachException">Enreach could not be read.</exception>
    public Task<CallbackExplanation> ExplainCallbackAsync(Guid requestId) =>
        Task.Run(() => CallbackSync.Explain(_service, ConnectEnreach(), requestId, CallbackOptions()));

    private CallbackSyncSummary RunCallbacks(CancellationToken stop)
    {
        var enreachBefore = EnreachRequests;
        var dataverseBefore = _dataverseRequests();
        var started = _time.GetTimestamp();
        try
        {
            var summary = CallbackSync.Run(_service, ConnectEnreach(), CallbackOptions(), stop);
            var enreach = EnreachRequests - enreachBefore;
            var dataverse = _dataverseRequests() - dataverseBefore;
            _metrics.Record(Name, summary, enreach, dataverse);
            var level = LevelOf(summary.Status);
            if (_decisions.IsEnabled(LogLevel.Information))
                foreach (var decision in summary.Decisions)
                    using (_decisions.BeginScope(new Dictionary<string, object> { ["CallbackRequestId"] = decision.RequestId, ["Outcome"] = decision.Outcome.ToString(), ["Close"] = decision.Close.ToString() }))
                        SyncWorkerLog.Decision(_decisions, Name, decision.ToString());
            SyncWorkerLog.CallbackRunEnded(_log, level, Name, summary.Status.ToString(), summary.Profiles, summary.Created, summary.AlreadyLogged, summary.Skipped, summary.Failed,
                summary.Closed, summary.CloseFailed, enreach, dataverse, Math.Round(summary.Duration.TotalSeconds, 3), summary.Message, summary.RunId);
            return summary;
        }
        catch (OrganizationSyncException e)
        {
            _metrics.RecordError(Name, _time.GetElapsedTime(started), EnreachRequests - enreachBefore, _dataverseRequests() - dataverseBefore, callback: true);
            SyncWorkerLog.RunNotStarted(_log, Name, e.Message);
            throw;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _metrics.RecordError(Name, _time.GetElapsedTime(started), EnreachRequests - enreachBefore, _dataverseRequests() - dataverseBefore, callback: true);
            SyncWorkerLog.RunCrashed(_log, e, Name);
            throw;
        }
    }

    private CallbackSyncOptions CallbackOptions() => new()
    {
        WorkerId = WorkerId,
        Cache = _callbackProfiles,
        UtcNow = () => _time.GetUtcNow().UtcDateTime,
        LeaseDuration = _options.LeaseDuration,
        MaxOperationsPerBatch = _options.MaxOperationsPerBatch,
        Trace = line => SyncWorkerLog.Trace(_trace, Name, line),
    };

    private PhoneCallSyncSummary Run(PhoneCallSyncMode mode, CancellationToken stop)
    {
        var enreachBefore = EnreachRequests;
        var dataverseBefore = _dataverseRequests();
        var started = _time.GetTimestamp();
        try
        {
            var summary = PhoneCallSync.Run(_service, ConnectEnreach(), Options(mode), stop);
            var enreach = EnreachRequests - enreachBefore;
            var dataverse = _dataverseRequests() - dataverseBefore;
            _metrics.Record(Name, summary, enreach, dataverse);
            Log(summary, enreach, dataverse);
            return summary;
        }
        catch (OrganizationSyncException e)
        {
            _metrics.RecordError(Name, _time.GetElapsedTime(started), EnreachRequests - enreachBefore, _dataverseRequests() - dataverseBefore);
            SyncWorkerLog.RunNotStarted(_log, Name, e.Message);
            throw;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _metrics.RecordError(Name, _time.GetElapsedTime(started), EnreachRequests - enreachBefore, _dataverseRequests() - dataverseBefore);
            SyncWorkerLog.RunCrashed(_log, e, Name);
            throw;
        }
    }

    private PhoneCallSyncOptions Options(PhoneCallSyncMode mode) => new()
    {
        WorkerId = WorkerId,
        Mode = mode,
        UtcNow = () => _time.GetUtcNow().UtcDateTime,
        LeaseDuration = _options.LeaseDuration,
        MaxOperationsPerBatch = _options.MaxOperationsPerBatch,
        Trace = line => SyncWorkerLog.Trace(_trace, Name, line),
    };

    /// <summary>The Enreach client, from the organization's environment variables as the plug-ins read them.</summary>
    private EnreachClient ConnectEnreach()
    {
        EnreachSettings settings;
        try
        {
            var variables = new EnvironmentVariables(_service, EnreachEnvironmentVariables.All);
            settings = EnreachSettings.FromEnvironmentVariables(variables.Get);
        }
        catch (EnreachConfigurationException e)
        {
            throw new OrganizationSyncException(
                $"The Enreach API is not configured in {Name}: {e.Message} Set the environment variables in Dynamics (Power Apps → Solutions → Default → Environment variables).", e);
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            throw new OrganizationSyncException($"{Name} ({Url}) could not be read: {Describe(e)}", e);
        }
        return new EnreachClient(settings, _enreachHandler, line => SyncWorkerLog.Trace(_trace, Name, line));
    }

    /// <summary>A Dataverse fault by its message and code; anything else by its message (the Web API client's are actionable and secret-free).</summary>
    public static string Describe(Exception e) => e switch
    {
        System.ServiceModel.FaultException<OrganizationServiceFault> fault =>
            $"{fault.Detail.Message} (Dataverse error 0x{fault.Detail.ErrorCode.ToString("X8", CultureInfo.InvariantCulture)})",
        _ => e.Message,
    };

    private void Log(PhoneCallSyncSummary summary, long enreach, long dataverse)
    {
        var level = LevelOf(summary.Status);
        if (_decisions.IsEnabled(LogLevel.Information))
            foreach (var decision in summary.Decisions)
                using (_decisions.BeginScope(new Dictionary<string, object>
                       {
                           ["CallId"] = decision.CallId, ["AgentId"] = decision.AgentId, ["Outcome"] = decision.Outcome.ToString(), ["SkipReason"] = decision.SkipReason.ToString(),
                       }))
                    SyncWorkerLog.Decision(_decisions, Name, decision.ToString());
        var skipped = summary.SkippedByReason.Count == 0
            ? ""
            : " (" + string.Join(", ", summary.SkippedByReason.OrderBy(p => p.Key).Select(p => p.Key + " " + p.Value.ToString(CultureInfo.InvariantCulture))) + ")";
        SyncWorkerLog.RunEnded(_log, level, Name, summary.Kind.ToString().ToLowerInvariant(), summary.Status.ToString(), summary.Created, summary.Merged, summary.AlreadyLogged,
            summary.Skipped, skipped, summary.Failed, summary.Decisions.Count, enreach, dataverse, Math.Round(summary.Duration.TotalSeconds, 3), summary.Message, summary.RunId);
    }

    private static LogLevel LevelOf(PhoneCallSyncStatus status) => status switch
    {
        PhoneCallSyncStatus.Succeeded => LogLevel.Information,
        // Normal with several replicas: another one syncs this organization now.
        PhoneCallSyncStatus.LeaseHeld => LogLevel.Debug,
        PhoneCallSyncStatus.Failed => LogLevel.Error,
        _ => LogLevel.Warning,
    };

    public void Dispose()
    {
        _enreachHandler.Dispose();
        _ownedService?.Dispose();
    }
}
