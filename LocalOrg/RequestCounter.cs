namespace VoiceForD365.LocalOrg;

/// <summary>
/// Counts the organization service requests made, by message: what a test or benchmark asserts "requests per
/// operation" with. Safe to read while requests run on other threads (<see cref="ByMessage"/> is a snapshot).
/// </summary>
public sealed class RequestCounter
{
    private readonly object _lock = new();
    private readonly Dictionary<string, int> _byMessage = new(StringComparer.Ordinal);
    private int _total;
    private int _fromPlugins;

    public int Total => Volatile.Read(ref _total);

    /// <summary>Requests made by plug-ins (through the service a plug-in gets from its context), included in Total.</summary>
    public int FromPlugins => Volatile.Read(ref _fromPlugins);

    public IReadOnlyDictionary<string, int> ByMessage
    {
        get
        {
            lock (_lock) return new Dictionary<string, int>(_byMessage, StringComparer.Ordinal);
        }
    }

    public int Of(string message)
    {
        lock (_lock) return _byMessage.GetValueOrDefault(message);
    }

    public void Reset()
    {
        lock (_lock)
        {
            _byMessage.Clear();
            _total = 0;
            _fromPlugins = 0;
        }
    }

    internal void Count(string message, bool fromPlugin)
    {
        lock (_lock)
        {
            _byMessage[message] = _byMessage.GetValueOrDefault(message) + 1;
            _total++;
            if (fromPlugin) _fromPlugins++;
        }
    }

    public override string ToString() => $"{Total} requests ({string.Join(", ", ByMessage.OrderBy(p => p.Key).Select(p => $"{p.Key} {p.Value}"))})";
}
