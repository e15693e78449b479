namespace VoiceForD365.Emulator;

/// <summary>
/// The emulated Enreach's call events: those added one by one, and those of the generated <see cref="Traffic"/>.
/// What the endpoints show is what Enreach would show at the emulator's clock: of each event, its latest version
/// whose <see cref="EnreachEmulatorCall.Modified"/> has come. Thread-safe; changeable while the emulator runs.
/// </summary>
public sealed class EnreachEmulatorCalls
{
    private readonly object _lock = new();
    private readonly List<EnreachEmulatorCall> _added = new();
    private volatile EnreachEmulatorTraffic? _traffic;

    /// <summary>Generated traffic shown besides the added events; null: none.</summary>
    public EnreachEmulatorTraffic? Traffic
    {
        get => _traffic;
        set => _traffic = value;
    }

    /// <summary>Adds a version of an event: a new event, or (same <see cref="EnreachEmulatorCall.Id"/>, later Modified) a correction.</summary>
    public void Add(EnreachEmulatorCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        lock (_lock) _added.Add(Utc(call));
    }

    public void AddRange(IEnumerable<EnreachEmulatorCall> calls)
    {
        ArgumentNullException.ThrowIfNull(calls);
        var list = calls.Select(c => Utc(c ?? throw new ArgumentException("A call is null.", nameof(calls)))).ToList();
        lock (_lock) _added.AddRange(list);
    }

    /// <summary>Removes the added events and the traffic.</summary>
    public void Clear()
    {
        lock (_lock) _added.Clear();
        _traffic = null;
    }

    /// <summary>
    /// What Enreach shows at <paramref name="now"/> of the events that started in [<paramref name="from"/>,
    /// <paramref name="to"/>): the latest visible version of each, both views, in start order.
    /// </summary>
    public IReadOnlyList<EnreachEmulatorCall> Current(DateTime now, DateTime from, DateTime to) =>
        Visible(now, from - EnreachEmulatorTraffic.MaxStartDelay, to).Where(c => c.StartTime >= from && c.StartTime < to).ToArray();

    /// <summary>
    /// The latest version visible at <paramref name="now"/> of every event whose call arrived from
    /// <paramref name="arrivedFrom"/> to <paramref name="arrivedTo"/> (added events: all of them), in start order.
    /// </summary>
    internal List<EnreachEmulatorCall> Visible(DateTime now, DateTime arrivedFrom, DateTime arrivedTo)
    {
        List<EnreachEmulatorCall> candidates;
        lock (_lock) candidates = new List<EnreachEmulatorCall>(_added);
        var traffic = _traffic;
        if (traffic != null) candidates.AddRange(traffic.HoursOf(arrivedFrom, arrivedTo < now ? arrivedTo : now));
        var latest = new Dictionary<Guid, EnreachEmulatorCall>();
        foreach (var call in candidates)
        {
            if (call.Modified > now) continue;
            if (!latest.TryGetValue(call.Id, out var seen) || call.Modified >= seen.Modified) latest[call.Id] = call;
        }
        return latest.Values.OrderBy(c => c.StartTime).ThenBy(c => c.Id).ToList();
    }

    /// <summary>The earliest arrival a query must generate to see every version up to its window (the traffic's start without traffic).</summary>
    internal DateTime EarliestArrival(DateTime modifiedFrom)
    {
        var traffic = _traffic;
        return traffic == null ? modifiedFrom : modifiedFrom - traffic.MaxLag;
    }

    private static EnreachEmulatorCall Utc(EnreachEmulatorCall call) =>
        call with { StartTime = DateTime.SpecifyKind(call.StartTime, DateTimeKind.Utc), Modified = DateTime.SpecifyKind(call.Modified, DateTimeKind.Utc) };
}
