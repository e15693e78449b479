using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VoiceForD365.Core.Callbacks;
using VoiceForD365.Core.PhoneCalls;
using VoiceForD365.SyncWorker;
using VoiceForD365.WebApiClient;

namespace VoiceForD365.Cli.Sync;

/// <summary>What `vfd sync` runs.</summary>
public sealed record SyncCommandOptions
{
    public string? ConnectionString { get; init; }

    /// <summary>One worker cycle: a phone call sync run (what changed since the last one, or the nightly retro when it is due), then a callback sync run, then exit.</summary>
    public bool Once { get; init; }

    /// <summary>One retro run (the past 24 hours by start time) now, then exit.</summary>
    public bool Retro { get; init; }

    /// <summary>Print one line per call event (the worker logs them; here they are left out unless asked for).</summary>
    public bool Decisions { get; init; }

    /// <summary>The lease owner; null: the machine's name and a random part.</summary>
    public string? WorkerId { get; init; }

    /// <summary>--refresh: every worker reads the callback profiles and settings again at its next run.</summary>
    public bool Refresh { get; init; }

    /// <summary>--callbacks (with --once): the callback sync run only, without the phone call sync run.</summary>
    public bool Callbacks { get; init; }

    /// <summary>The sleep between runs when continuous.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The clock of the runs and the sleeps (tests freeze it).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}

/// <summary>
/// `vfd sync --connection "…" [--once | --retro]`: the phone call sync and the callback sync against one organization
/// over the Dataverse Web API, with the Enreach settings of the organization's environment variables, exactly as the
/// worker runs them; continuous by default (a cycle of both, then 60 s of sleep, until Ctrl-C or SIGTERM, which let the
/// run finish the batch it is writing); --once is one cycle, --retro one retro run of the phone call sync only. `vfd sync explain &lt;CallId&gt;` says, reading only, what the sync did or would do with one call.
/// </summary>
public static class SyncCommand
{
    /// <summary>
    /// The exit codes of a single run (--once, --retro). --once runs two (phone calls, then callbacks): its code is the
    /// higher of the two runs' codes, so 0 only when both succeeded.
    /// </summary>
    public static class ExitCodes
    {
        public const int Succeeded = 0;

        /// <summary>The run failed, or some phone calls could not be written, or the command could not start (a bad argument, an organization that can't be reached).</summary>
        public const int Failed = 1;

        /// <summary>A setting is missing or wrong (DefaultCrmAssignee, for one): the run did not start.</summary>
        public const int NotConfigured = 2;

        /// <summary>Another worker holds the organization's lease: it syncs the organization now.</summary>
        public const int LeaseHeld = 3;

        /// <summary>Stopped by Ctrl-C or SIGTERM at a batch boundary.</summary>
        public const int Stopped = 4;
    }

    public static Command Create()
    {
        var connection = ConnectionOption.Create(recursive: true);
        var once = new Option<bool>("--once")
        {
            Description = "One cycle of the worker: a phone call sync run (what changed since the last run, or the nightly retro when it is due), then a callback sync run; print both summaries and exit: 0 when both succeeded, else the higher of the two runs' codes.",
        };
        var retro = new Option<bool>("--retro") { Description = "One retro run of the phone call sync now (the calls that started in the past 24 hours), print its summary and exit: 0 when it succeeded." };
        var decisions = new Option<bool>("--decisions") { Description = "Print what the sync decided for each call event, and why." };
        var refresh = new Option<bool>("--refresh")
        {
            Description = "Have every worker of the organization read the callback profiles and settings again at its next run (they do every 60 minutes by themselves), then exit; with --once, then run.",
        };
        var callbacks = new Option<bool>("--callbacks") { Description = "With --once: the callback sync run only (every active callback profile's open requests), without the phone call sync run." };
        var workerId = new Option<string?>("--worker-id") { Description = "This worker's name, kept as the owner of the organization's lease (default: the machine's name and a random part)." };
        var command = new Command("sync",
            "Sync Enreach calls and callback requests to phone calls in an organization, as the sync worker does: continuously (a cycle, then 60 s of sleep, until Ctrl-C), or --once (one cycle), or --retro. " +
            "The Enreach credentials come from the organization's environment variables.")
        {
            connection, once, retro, decisions, refresh, callbacks, workerId, CreateExplain(connection),
        };
        command.SetAction(parseResult =>
        {
            var configuration = parseResult.InvocationConfiguration;
            var options = new SyncCommandOptions
            {
                ConnectionString = ConnectionOption.Value(parseResult, connection),
                Once = parseResult.GetValue(once),
                Retro = parseResult.GetValue(retro),
                Decisions = parseResult.GetValue(decisions),
                WorkerId = parseResult.GetValue(workerId),
                Refresh = parseResult.GetValue(refresh),
                Callbacks = parseResult.GetValue(callbacks),
            };
            return StopSignals.Run(stop => Run(options, configuration.Output, configuration.Error, stop));
        });
        return command;
    }

    private static Command CreateExplain(Option<string?> connection)
    {
        var callId = new Argument<string>("CallId") { Description = "The call's Enreach CallId (a GUID; every event of the call shares it), or an Enreach callback request's id." };
        var started = new Option<string?>("--started")
        {
            Description = "When the call started, roughly (UTC, yyyy-MM-dd HH:mm:ss): needed to find the queue's view of a call no agent took, which Enreach can't look up by CallId.",
        };
        var command = new Command("explain",
            "Say what the sync did or would do with one call, and why: its events in Enreach, its phone calls in Dynamics, a decision per event; or with one callback request, found on the active profiles' lists. Writes nothing.")
        {
            callId, started,
        };
        command.SetAction(parseResult =>
        {
            var configuration = parseResult.InvocationConfiguration;
            return Explain(ConnectionOption.Value(parseResult, connection), parseResult.GetValue(callId) ?? "", parseResult.GetValue(started), configuration.Output, configuration.Error);
        });
        return command;
    }

    /// <summary>Runs once (--once, --retro) or until <paramref name="stop"/>; returns the exit code (<see cref="ExitCodes"/>).</summary>
    public static int Run(SyncCommandOptions options, TextWriter output, TextWriter error, CancellationToken stop)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Once && options.Retro) return Fail(error, "vfd sync: --once and --retro are two kinds of single run: give one of them.");
        if (options.Callbacks && !options.Once) return Fail(error, "vfd sync: --callbacks goes with --once (the worker and vfd sync without --once run the callback sync every minute anyway).");
        if (options.ConnectionString == null) return Fail(error, ConnectionOption.Missing("vfd sync"));
        if (Organization(options.ConnectionString, out var connection) is not { } organization) return Fail(error, "vfd sync: " + connection.Problem);
        var worker = new SyncWorkerOptions { WorkerId = options.WorkerId ?? SyncWorkerHost.DefaultWorkerId(), Interval = options.Interval };
        worker.Organizations.Add(organization);
        try
        {
            worker.Validate();
        }
        catch (SyncWorkerConfigurationException e)
        {
            return Fail(error, "vfd sync: " + e.Message);
        }
        if (options.Refresh)
        {
            var refreshed = RequestRefresh(worker, options, output, error);
            if (refreshed != ExitCodes.Succeeded || !(options.Once || options.Retro)) return refreshed;
        }
        return options.Once || options.Retro
            ? RunOnce(options, worker, output, error, stop)
            : RunContinuously(options, worker, connection.Url!, output, error, stop);
    }

    /// <summary>The organization of a connection string, named by its host; null (and why, never with a secret) when the string can't be used.</summary>
    private static SyncOrganizationOptions? Organization(string connectionString, out (Uri? Url, string? Problem) connection)
    {
        var organization = new SyncOrganizationOptions { ConnectionString = connectionString };
        if (organization.ConnectionProblem() is { } problem)
        {
            connection = (null, problem);
            return null;
        }
        var url = DataverseConnectionString.Parse(connectionString).WebApiUrl;
        connection = (url, null);
        organization.Name = url.Authority;
        return organization;
    }

    private static int RequestRefresh(SyncWorkerOptions worker, SyncCommandOptions options, TextWriter output, TextWriter error)
    {
        using var metrics = new SyncMetrics();
        using var sync = OrganizationSync.Connect(worker.Organizations[0], worker, metrics, time: options.Time);
        try
        {
            sync.RefreshCallbackProfilesAsync().GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return Fail(error, "vfd sync --refresh: " + OrganizationSync.Describe(e));
        }
        output.WriteLine("Callback profiles: every worker of the organization reads them and the settings again at its next run.");
        output.Flush();
        return ExitCodes.Succeeded;
    }

    private static int RunCallbacksOnce(SyncCommandOptions options, OrganizationSync sync, TextWriter output, TextWriter error, CancellationToken stop)
    {
        CallbackSyncSummary summary;
        try
        {
            summary = sync.RunCallbacksAsync(stop).GetAwaiter().GetResult();
        }
        catch (OrganizationSyncException e)
        {
            return Fail(error, "vfd sync: " + e.Message);
        }
        output.WriteLine(summary.ToString());
        if (options.Decisions)
            foreach (var decision in summary.Decisions)
                output.WriteLine("  " + decision);
        output.Flush();
        return Exit(summary.Status, summary.Message, error, "some callback requests were not logged or closed");
    }

    private static int Exit(PhoneCallSyncStatus status, string message, TextWriter error, string partly)
    {
        var (code, what) = status switch
        {
            PhoneCallSyncStatus.Succeeded => (ExitCodes.Succeeded, ""),
            PhoneCallSyncStatus.CallsFailed => (ExitCodes.Failed, partly),
            PhoneCallSyncStatus.NotConfigured => (ExitCodes.NotConfigured, "the run did not start"),
            PhoneCallSyncStatus.LeaseHeld => (ExitCodes.LeaseHeld, "the run did not start"),
            PhoneCallSyncStatus.Stopped => (ExitCodes.Stopped, "the run stopped"),
            _ => (ExitCodes.Failed, "the run failed"),
        };
        return code == ExitCodes.Succeeded ? code : Fail(error, $"vfd sync: {what}: {message}", code);
    }

    private static int RunOnce(SyncCommandOptions options, SyncWorkerOptions worker, TextWriter output, TextWriter error, CancellationToken stop)
    {
        using var metrics = new SyncMetrics();
        using var sync = OrganizationSync.Connect(worker.Organizations[0], worker, metrics, time: options.Time);
        if (options.Callbacks) return RunCallbacksOnce(options, sync, output, error, stop);
        var calls = RunCallsOnce(options, sync, output, error, stop);
        // --once is one worker cycle: the callback sync follows, as in the loop also when the phone call sync failed; --retro is phone calls only.
        if (options.Retro || stop.IsCancellationRequested) return calls;
        return Math.Max(calls, RunCallbacksOnce(options, sync, output, error, stop));
    }

    private static int RunCallsOnce(SyncCommandOptions options, OrganizationSync sync, TextWriter output, TextWriter error, CancellationToken stop)
    {
        PhoneCallSyncSummary summary;
        try
        {
            summary = sync.RunAsync(options.Retro ? PhoneCallSyncMode.Retro : PhoneCallSyncMode.Scheduled, stop).GetAwaiter().GetResult();
        }
        catch (OrganizationSyncException e)
        {
            return Fail(error, "vfd sync: " + e.Message);
        }
        output.Write(summary.ToString());
        output.WriteLine();
        if (options.Decisions)
            foreach (var decision in summary.Decisions)
                output.WriteLine("  " + decision);
        output.Flush();
        return Exit(summary.Status, summary.Message, error, "some phone calls were not written");
    }

    private static int RunContinuously(SyncCommandOptions options, SyncWorkerOptions worker, Uri webApiUrl, TextWriter output, TextWriter error, CancellationToken stop)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Logging.AddProvider(new CommandLogProvider(output, options.Time));
        builder.Logging.SetMinimumLevel(LogLevel.Information);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.Logging.AddFilter(OrganizationSync.DecisionsLogCategory, options.Decisions ? LogLevel.Information : LogLevel.None);
        builder.Services.Configure<ConsoleLifetimeOptions>(lifetime => lifetime.SuppressStatusMessages = true);
        builder.Services.AddSingleton(options.Time);
        builder.Services.AddPhoneCallSyncWorker(worker);
        try
        {
            using var host = builder.Build();
            output.WriteLine($"vfd sync: {webApiUrl} continuously (a run, then {worker.Interval.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s of sleep); Ctrl-C stops after the batch being written.");
            output.Flush();
            host.RunAsync(stop).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return Fail(error, "vfd sync: " + OrganizationSync.Describe(e));
        }
        return ExitCodes.Succeeded;
    }

    /// <summary>`vfd sync explain`: prints the explanation; 0, or 1 with one line on <paramref name="error"/>.</summary>
    public static int Explain(string? connectionString, string callId, string? started, TextWriter output, TextWriter error)
    {
        if (connectionString == null) return Fail(error, ConnectionOption.Missing("vfd sync explain"));
        if (!Guid.TryParse(callId, out var id))
            return Fail(error, $"vfd sync explain: '{callId}' is not a CallId: give the call's Enreach CallId (or a callback request's id), a GUID such as 3f2504e0-4f89-11d3-9a0c-0305e82c3301.");
        DateTime? around = null;
        if (started != null)
        {
            if (!DateTime.TryParse(started, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
                return Fail(error, $"vfd sync explain: --started '{started}' is not a time: give it as yyyy-MM-dd HH:mm:ss (UTC).");
            around = at;
        }
        if (Organization(connectionString, out var connection) is not { } organization) return Fail(error, "vfd sync explain: " + connection.Problem);
        using var metrics = new SyncMetrics();
        var sync = OrganizationSync.Connect(organization, new SyncWorkerOptions { WorkerId = SyncWorkerHost.DefaultWorkerId() }, metrics);
        using (sync)
        {
            try
            {
                var call = sync.ExplainAsync(id, around).GetAwaiter().GetResult();
                // Not a call's id: perhaps a callback request's.
                var callback = call.Decisions.Count == 0 && call.LoggedPhoneCalls.Count == 0 ? sync.ExplainCallbackAsync(id).GetAwaiter().GetResult() : null;
                output.Write(callback != null && (callback.Decisions.Count > 0 || callback.LoggedPhoneCalls.Count > 0) ? callback.ToString() : call.ToString());
                if (callback != null && callback.Decisions.Count == 0 && callback.LoggedPhoneCalls.Count == 0) output.Write(callback.ToString());
                output.Flush();
                return ExitCodes.Succeeded;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                return Fail(error, "vfd sync explain: " + OrganizationSync.Describe(e));
            }
        }
    }

    private static int Fail(TextWriter error, string line, int code = ExitCodes.Failed)
    {
        error.WriteLine(line);
        error.Flush();
        return code;
    }
}
