namespace VoiceForD365.Emulator;

/// <summary>How an <see cref="EnreachEmulator"/> starts: its API user and the users it is seeded with.</summary>
public sealed class EnreachEmulatorOptions
{
    /// <summary>Email of the API user whose Basic credentials the emulator accepts (user name compared ignoring case).</summary>
    public string ApiUserName { get; set; } = "api.user@voice-emulator.test";

    /// <summary>Secret of the API user (compared exactly).</summary>
    public string ApiSecret { get; set; } = "emulator-secret-" + Guid.NewGuid().ToString("N");

    /// <summary>Enreach user id of the API user; it is one of the users (<c>/users</c>, <c>/users/me</c>).</summary>
    public Guid ApiUserId { get; set; } = Guid.NewGuid();

    /// <summary>Users besides the API user, present from the start.</summary>
    public IList<EnreachEmulatorUser> Users { get; } = new List<EnreachEmulatorUser>();

    /// <summary>
    /// Path (under the server's base URL) of the API endpoint that discovery hands out. Not the root on purpose, so
    /// a client that skips discovery's answer misses.
    /// </summary>
    public string ApiPathBase { get; set; } = "voice/";

    /// <summary>
    /// The emulator's clock (default: the system's): calls and callback requests are visible from their time by it,
    /// so a test or the bench that drives it (e.g. FakeTimeProvider) sees the same answers every run.
    /// </summary>
    public TimeProvider? Clock { get; set; }

    /// <summary>Generated call traffic to serve from the start (<see cref="EnreachEmulatorCalls.Traffic"/>); null: none.</summary>
    public EnreachEmulatorTrafficOptions? Traffic { get; set; }
}

/// <summary>A user of the emulated Enreach.</summary>
public sealed class EnreachEmulatorUser
{
    public EnreachEmulatorUser(Guid id, string userName, string? firstName = null, string? lastName = null)
    {
        ArgumentNullException.ThrowIfNull(userName);
        Id = id;
        UserName = userName;
        FirstName = firstName;
        LastName = lastName;
    }

    public Guid Id { get; }

    /// <summary>The user name, which in Enreach is the user's email.</summary>
    public string UserName { get; }

    public string? FirstName { get; }

    public string? LastName { get; }

    public override string ToString() => $"{UserName} ({Id:D})";
}
