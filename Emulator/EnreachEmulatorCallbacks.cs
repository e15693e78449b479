namespace VoiceForD365.Emulator;

/// <summary>A callback list of the emulated Enreach.</summary>
public sealed record EnreachEmulatorCallbackList(Guid Id, string Name, string? Description = null, Guid? QueueId = null, string? QueueName = null);

/// <summary>A callback request (a caller asked to be called back), as the emulated Enreach keeps it. Times are UTC.</summary>
public sealed record EnreachEmulatorCallbackRequest
{
    public required Guid Id { get; init; }

    public required Guid ListId { get; init; }

    /// <summary>The number to call back.</summary>
    public string? ContactNumber { get; init; }

    /// <summary>When the request was made; it is visible from then on, by the emulator's clock.</summary>
    public required DateTime Created { get; init; }

    public string? Note { get; init; }

    /// <summary>The handling status: <see cref="EnreachEmulatorCallbacks.New"/> until closed, then <see cref="EnreachEmulatorCallbacks.Closed"/>.</summary>
    public string Status { get; init; } = EnreachEmulatorCallbacks.New;

    /// <summary>The caller's voicemail, if they left one.</summary>
    public Guid? VoicemailRecordingId { get; init; }

    /// <summary>When it was closed (the first time), and the note the closer gave.</summary>
    public DateTime? Closed { get; init; }

    public string? CloseNote { get; init; }
}

/// <summary>The emulated Enreach's callback lists and requests, changeable while it runs. Thread-safe.</summary>
public sealed class EnreachEmulatorCallbacks
{
    public const string New = "New";
    public const string Closed = "Closed";

    private readonly object _lock = new();
    private readonly List<EnreachEmulatorCallbackList> _lists = new();
    private readonly Dictionary<Guid, EnreachEmulatorCallbackRequest> _requests = new();
    private readonly List<Guid> _order = new();

    public EnreachEmulatorCallbackList AddList(string name, Guid? id = null, string? description = null, Guid? queueId = null, string? queueName = null)
    {
        var list = new EnreachEmulatorCallbackList(id ?? Guid.NewGuid(), name, description, queueId, queueName);
        lock (_lock)
        {
            if (_lists.Exists(l => l.Id == list.Id)) throw new InvalidOperationException($"The emulator already has a callback list with id {list.Id:D}.");
            _lists.Add(list);
        }
        return list;
    }

    /// <summary>Adds a request to one of the lists.</summary>
    public void Add(EnreachEmulatorCallbackRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        request = request with { Created = DateTime.SpecifyKind(request.Created, DateTimeKind.Utc) };
        lock (_lock)
        {
            if (!_lists.Exists(l => l.Id == request.ListId)) throw new InvalidOperationException($"The emulator has no callback list with id {request.ListId:D}.");
            if (!_requests.TryAdd(request.Id, request)) throw new InvalidOperationException($"The emulator already has a callback request with id {request.Id:D}.");
            _order.Add(request.Id);
        }
    }

    public IReadOnlyList<EnreachEmulatorCallbackList> Lists
    {
        get { lock (_lock) return _lists.ToArray(); }
    }

    /// <summary>Every request, as it is now (closed ones with their status), in the order added.</summary>
    public IReadOnlyList<EnreachEmulatorCallbackRequest> Requests
    {
        get { lock (_lock) return _order.Select(id => _requests[id]).ToArray(); }
    }

    public EnreachEmulatorCallbackRequest? Find(Guid requestId)
    {
        lock (_lock) return _requests.TryGetValue(requestId, out var request) ? request : null;
    }

    public void Clear()
    {
        lock (_lock)
        {
            _lists.Clear();
            _requests.Clear();
            _order.Clear();
        }
    }

    internal EnreachEmulatorCallbackList? FindList(Guid listId)
    {
        lock (_lock) return _lists.Find(l => l.Id == listId);
    }

    /// <summary>The requests of a list created in [from, to), visible at <paramref name="now"/>.</summary>
    internal IReadOnlyList<EnreachEmulatorCallbackRequest> Created(Guid listId, DateTime from, DateTime to, DateTime now)
    {
        lock (_lock)
            return _order.Select(id => _requests[id])
                .Where(r => r.ListId == listId && r.Created >= from && r.Created < to && r.Created <= now)
                .OrderBy(r => r.Created).ThenBy(r => r.Id).ToArray();
    }

    /// <summary>Closes a request of the list (again: nothing changes); null when the list has no such request.</summary>
    internal EnreachEmulatorCallbackRequest? Close(Guid listId, Guid requestId, string? note, DateTime now)
    {
        lock (_lock)
        {
            if (!_requests.TryGetValue(requestId, out var request) || request.ListId != listId || request.Created > now) return null;
            if (request.Closed != null) return request;
            var closed = request with { Status = Closed, Closed = now, CloseNote = note };
            _requests[requestId] = closed;
            return closed;
        }
    }
}
