namespace VoiceForD365.Emulator;

/// <summary>Which endpoint shows a call event: a user's (<c>/calls</c>) or a queue's (<c>/servicecall</c>).</summary>
public enum EnreachEmulatorCallView
{
    /// <summary>A user's call event (<c>GET /calls</c>): a direct call, or an agent's part of a service call.</summary>
    User,

    /// <summary>A queue's view of an inbound service call (<c>GET /servicecall</c>), with the agent who answered, if any.</summary>
    Queue,
}

/// <summary>The privacy classification a user gives a call in Voice Center.</summary>
public enum EnreachEmulatorClassification
{
    Unclassified,
    Work,
    Private,
}

/// <summary>
/// One version of one call event as the emulated Enreach keeps it. Enreach shows a version from
/// <see cref="Modified"/> on (post-processing makes an event visible some seconds after the call ended); a later
/// version with the same <see cref="Id"/> replaces it from its own <see cref="Modified"/> (a correction). Times are
/// UTC.
/// </summary>
public sealed record EnreachEmulatorCall
{
    /// <summary>The call event's own id.</summary>
    public required Guid Id { get; init; }

    /// <summary>The whole call's id, shared by its events.</summary>
    public required Guid CallId { get; init; }

    public EnreachEmulatorCallView View { get; init; } = EnreachEmulatorCallView.User;

    /// <summary>The event's user (<see cref="EnreachEmulatorCallView.User"/>), or the agent who answered a queue call; null: nobody did.</summary>
    public Guid? UserId { get; init; }

    /// <summary>The queue: the one that allocated an agent's service call, or the queue of a queue view; null for a direct call.</summary>
    public Guid? QueueId { get; init; }

    public string? QueueName { get; init; }

    public bool Outgoing { get; init; }

    public bool Answered { get; init; } = true;

    /// <summary>The calling number.</summary>
    public string? ANum { get; init; }

    /// <summary>The called number.</summary>
    public string? BNum { get; init; }

    public required DateTime StartTime { get; init; }

    public int DurationSeconds { get; init; }

    /// <summary>The user's classification; a queue view has none.</summary>
    public EnreachEmulatorClassification? Classification { get; init; } = EnreachEmulatorClassification.Work;

    public IReadOnlyList<Guid> RecordingIds { get; init; } = [];

    /// <summary>When this version became visible (Enreach's Modified).</summary>
    public required DateTime Modified { get; init; }

    public override string ToString() =>
        $"{View} event {Id:D} of call {CallId:D} ({(Outgoing ? "out" : "in")}, {(Answered ? "answered" : "not answered")}, {DurationSeconds} s, {Classification?.ToString() ?? "no classification"}, modified {Modified:yyyy-MM-dd HH:mm:ss})";
}
