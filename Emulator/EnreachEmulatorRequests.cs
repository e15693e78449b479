namespace VoiceForD365.Emulator;

/// <summary>One request the emulator received.</summary>
public sealed class EnreachEmulatorRequest
{
    internal EnreachEmulatorRequest(DateTimeOffset time, EnreachEmulatorEndpoint endpoint, string method, string path, string query, bool hadAuthorization)
    {
        Time = time;
        Endpoint = endpoint;
        Method = method;
        Path = path;
        Query = query;
        HadAuthorization = hadAuthorization;
    }

    public DateTimeOffset Time { get; }

    public EnreachEmulatorEndpoint Endpoint { get; }

    public string Method { get; }

    public string Path { get; }

    public string Query { get; }

    /// <summary>Whether the request carried an Authorization header (its value is not kept).</summary>
    public bool HadAuthorization { get; }

    /// <summary>Status code answered (0 until the answer is written).</summary>
    public int StatusCode { get; internal set; }

    public override string ToString() => $"{Method} {Path}{Query} -> {StatusCode}";
}

/// <summary>Requests received, counted per endpoint (every request, failed ones included). Thread-safe.</summary>
public sealed class EnreachEmulatorRequests
{
    /// <summary>How many requests <see cref="Log"/> keeps (the counts are not limited).</summary>
    public const int LogCapacity = 10_000;

    private readonly object _lock = new();
    private readonly Dictionary<EnreachEmulatorEndpoint, int> _counts = new();
    private readonly Queue<EnreachEmulatorRequest> _log = new();
    private readonly TimeProvider _clock;
    private int _total;

    public EnreachEmulatorRequests(TimeProvider? clock = null) => _clock = clock ?? TimeProvider.System;

    /// <summary>Requests received for <paramref name="endpoint"/> since the start or the last <see cref="Reset"/>.</summary>
    public int Count(EnreachEmulatorEndpoint endpoint)
    {
        lock (_lock) return _counts.TryGetValue(endpoint, out var n) ? n : 0;
    }

    /// <summary>Every request received since the start or the last <see cref="Reset"/>.</summary>
    public int Total
    {
        get { lock (_lock) return _total; }
    }

    /// <summary>The latest requests (at most <see cref="LogCapacity"/>), oldest first.</summary>
    public IReadOnlyList<EnreachEmulatorRequest> Log
    {
        get { lock (_lock) return _log.ToArray(); }
    }

    public void Reset()
    {
        lock (_lock)
        {
            _counts.Clear();
            _log.Clear();
            _total = 0;
        }
    }

    internal EnreachEmulatorRequest Record(EnreachEmulatorEndpoint endpoint, string method, string path, string query, bool hadAuthorization)
    {
        var request = new EnreachEmulatorRequest(_clock.GetUtcNow(), endpoint, method, path, query, hadAuthorization);
        lock (_lock)
        {
            _counts[endpoint] = (_counts.TryGetValue(endpoint, out var n) ? n : 0) + 1;
            _total++;
            _log.Enqueue(request);
            while (_log.Count > LogCapacity) _log.Dequeue();
        }
        return request;
    }
}
