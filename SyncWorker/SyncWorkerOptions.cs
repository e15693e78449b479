using System.Globalization;
using VoiceForD365.Core.PhoneCalls;
using VoiceForD365.WebApiClient;

namespace VoiceForD365.SyncWorker;

/// <summary>
/// The worker's configuration, section <c>Sync</c> of appsettings.json or the environment
/// (<c>Sync__Organizations__0__ConnectionString</c>, …). Only how to reach each organization is configured here: the
/// Enreach credentials and every sync setting live in the organization itself (environment variables and Voice for
/// D365 settings), as the plug-ins read them.
/// </summary>
public sealed class SyncWorkerOptions
{
    /// <summary>The configuration section the worker reads.</summary>
    public const string SectionName = "Sync";

    /// <summary>
    /// This replica's name, kept as the lease owner in each organization. Null: the machine's name and a random part
    /// (a new one at every start, so a restarted worker waits for its old lease to expire). Give each replica a stable
    /// name of its own (e.g. the pod name) to resume at once after a restart; never give two running replicas one name.
    /// </summary>
    public string? WorkerId { get; set; }

    /// <summary>The sleep after each run, before the next one (default 60 s).</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long a lease lasts unless renewed: how long a crashed replica's organizations wait for another replica.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Operations per $batch, at most 1,000 (a completed phone call takes two): lower it when batches time out.</summary>
    public int MaxOperationsPerBatch { get; set; } = PhoneCallSyncOptions.MaxBatchOperations;

    /// <summary>How often the callback sync reads the callback profiles and settings again (default 60 minutes); <c>vfd sync --refresh</c> reads them at once.</summary>
    public TimeSpan CallbackProfilesRefresh { get; set; } = Core.Callbacks.CallbackSyncCache.DefaultRefreshInterval;

    /// <summary>
    /// How long a stop (SIGTERM, Ctrl-C) waits for the runs under way to finish the batch they are writing. Give the
    /// service manager a little more (systemd TimeoutStopSec, docker --stop-timeout, Kubernetes terminationGracePeriodSeconds).
    /// </summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The organizations this replica syncs, each in a loop of its own.</summary>
    public IList<SyncOrganizationOptions> Organizations { get; } = new List<SyncOrganizationOptions>();

    /// <summary>Throws <see cref="SyncWorkerConfigurationException"/> naming every problem.</summary>
    public void Validate()
    {
        var problems = new List<string>();
        if (Organizations.Count == 0)
            problems.Add($"no organization is configured: set {SectionName}:Organizations:0:Name and {SectionName}:Organizations:0:ConnectionString " +
                         $"(appsettings.json, or the environment variables {SectionName}__Organizations__0__Name and {SectionName}__Organizations__0__ConnectionString)");
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < Organizations.Count; i++)
        {
            var organization = Organizations[i];
            var where = $"{SectionName}:Organizations:{i}";
            if (string.IsNullOrWhiteSpace(organization.Name)) problems.Add($"{where}:Name is empty: give each organization a name (it appears in every log line and metric)");
            else if (!names.Add(organization.Name.Trim())) problems.Add($"{where}:Name '{organization.Name}' is used twice");
            var problem = organization.ConnectionProblem();
            if (problem != null) problems.Add($"{where}:ConnectionString: {problem}");
        }
        if (WorkerId != null && (WorkerId.Trim().Length == 0 || WorkerId.Length > 200)) problems.Add($"{SectionName}:WorkerId must be 1 to 200 characters, or left out");
        if (Interval < TimeSpan.FromSeconds(1) || Interval > TimeSpan.FromDays(1)) problems.Add($"{SectionName}:Interval must be from 00:00:01 to 1.00:00:00, not {Interval:c}");
        if (LeaseDuration < TimeSpan.FromSeconds(10)) problems.Add($"{SectionName}:LeaseDuration must be at least 00:00:10, not {LeaseDuration:c}");
        if (MaxOperationsPerBatch is < 2 or > PhoneCallSyncOptions.MaxBatchOperations)
            problems.Add($"{SectionName}:MaxOperationsPerBatch must be from 2 to {PhoneCallSyncOptions.MaxBatchOperations.ToString(CultureInfo.InvariantCulture)}, not {MaxOperationsPerBatch.ToString(CultureInfo.InvariantCulture)}");
        if (CallbackProfilesRefresh < TimeSpan.Zero) problems.Add($"{SectionName}:CallbackProfilesRefresh can't be negative, not {CallbackProfilesRefresh:c}");
        if (ShutdownTimeout <= TimeSpan.Zero) problems.Add($"{SectionName}:ShutdownTimeout must be positive, not {ShutdownTimeout:c}");
        if (problems.Count > 0) throw new SyncWorkerConfigurationException("The sync worker's configuration is not usable: " + string.Join("; ", problems) + ".");
    }
}

/// <summary>One organization the worker syncs.</summary>
public sealed class SyncOrganizationOptions
{
    /// <summary>A name of your choosing (e.g. contoso-prod): it appears in every log line and metric.</summary>
    public string Name { get; set; } = "";

    /// <summary>
    /// The Dataverse connection string (<c>AuthType=ClientSecret;Url=https://contoso.crm4.dynamics.com;ClientId=…;ClientSecret=…</c>,
    /// or <c>AuthType=Certificate</c>), of the application user with the Voice ApiUser role. Never logged.
    /// </summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>Why the connection string can't be used (never with its secret), or null.</summary>
    public string? ConnectionProblem()
    {
        try
        {
            DataverseConnectionString.Parse(ConnectionString);
            return null;
        }
        catch (ArgumentException e)
        {
            return WithoutParameterName(e);
        }
    }

    /// <summary>An ArgumentException's message without the " (Parameter '…')" the framework appends.</summary>
    private static string WithoutParameterName(ArgumentException e) =>
        e.ParamName == null ? e.Message : e.Message.Replace($" (Parameter '{e.ParamName}')", "", StringComparison.Ordinal);
}
