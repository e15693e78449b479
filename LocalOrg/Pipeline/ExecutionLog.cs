namespace VoiceForD365.LocalOrg.Pipeline;

/// <summary>
/// The organization's plug-in trace log and system jobs. Requests append to them; any thread may read them while
/// requests run on others, and gets a snapshot (a copy taken under the log's own lock, so a reader never waits for a
/// request to finish).
/// </summary>
internal sealed class ExecutionLog
{
    private readonly object _lock = new();
    private readonly List<PluginTrace> _traces = new();
    private readonly List<SystemJob> _systemJobs = new();

    public IReadOnlyList<PluginTrace> Traces
    {
        get
        {
            lock (_lock) return _traces.ToArray();
        }
    }

    public IReadOnlyList<SystemJob> SystemJobs
    {
        get
        {
            lock (_lock) return _systemJobs.ToArray();
        }
    }

    public void Add(PluginTrace trace)
    {
        lock (_lock) _traces.Add(trace);
    }

    public void Add(SystemJob job)
    {
        lock (_lock) _systemJobs.Add(job);
    }

    public void ClearTraces()
    {
        lock (_lock) _traces.Clear();
    }
}
