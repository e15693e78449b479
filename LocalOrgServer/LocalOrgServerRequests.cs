namespace VoiceForD365.LocalOrgServer;

/// <summary>The requests the server received, in order. Thread-safe.</summary>
public sealed class LocalOrgServerRequests
{
    private readonly object _lock = new();
    private readonly List<LocalOrgServerRequest> _log = new();

    public int Count
    {
        get { lock (_lock) return _log.Count; }
    }

    public IReadOnlyList<LocalOrgServerRequest> Log
    {
        get { lock (_lock) return _log.ToList(); }
    }

    public void Reset()
    {
        lock (_lock) _log.Clear();
    }

    internal void Record(LocalOrgServerRequest request)
    {
        lock (_lock) _log.Add(request);
    }
}
