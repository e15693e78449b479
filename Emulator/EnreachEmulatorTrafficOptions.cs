namespace VoiceForD365.Emulator;

/// <summary>A user of generated traffic: their Enreach id, and the mobile number their mobile calls are made and taken on.</summary>
/// <param name="Id">The Enreach user id (one of the emulator's users, so <c>/calls</c> can give its user name).</param>
/// <param name="MobileNumber">E.164; null: the user makes no mobile calls.</param>
/// <param name="WorkNumber">The user's direct number, E.164; null: one is made up from the user's place in the list.</param>
public sealed record EnreachEmulatorTrafficUser(Guid Id, string? MobileNumber = null, string? WorkNumber = null);

/// <summary>A service queue of generated traffic.</summary>
public sealed record EnreachEmulatorTrafficQueue(Guid Id, string Name, string Number);

/// <summary>
/// What <see cref="EnreachEmulatorTraffic"/> generates: a seed, a rate, the users, queues and customer numbers, and
/// the shares of each kind of call. The same options give the same calls, whenever and in whatever pieces they are
/// asked for.
/// </summary>
public sealed class EnreachEmulatorTrafficOptions
{
    public int Seed { get; set; } = 1;

    /// <summary>Calls (distinct CallIds) per hour; each hour gets exactly its share (fractions carried over hours).</summary>
    public double CallsPerHour { get; set; } = 60;

    /// <summary>The first moment of traffic, UTC (rounded down to the hour): no call starts before.</summary>
    public DateTime Start { get; set; } = new(2025, 1, 6, 0, 0, 0, DateTimeKind.Utc);

    public IList<EnreachEmulatorTrafficUser> Users { get; } = new List<EnreachEmulatorTrafficUser>();

    /// <summary>Queues for service calls; none: every call is direct.</summary>
    public IList<EnreachEmulatorTrafficQueue> Queues { get; } = new List<EnreachEmulatorTrafficQueue>();

    /// <summary>The customers' numbers (E.164) calls are made to and come from, besides unknown ones.</summary>
    public IList<string> CustomerNumbers { get; } = new List<string>();

    /// <summary>Share of calls whose other party is not among <see cref="CustomerNumbers"/> (all of them when that is empty).</summary>
    public double UnknownNumberShare { get; set; } = 0.2;

    /// <summary>The country code of local formats: <c>+358401234567</c> is written <c>0401234567</c>, others <c>00…</c>.</summary>
    public string CountryCode { get; set; } = "358";

    /// <summary>Share of other parties' numbers Enreach writes in a local format instead of E.164.</summary>
    public double LocalFormatShare { get; set; } = 0.25;

    /// <summary>Share of calls to or from a user's own number (or mobile), the rest going through a queue (when there are queues).</summary>
    public double DirectShare { get; set; } = 0.45;

    /// <summary>Share of direct calls made or taken on the user's mobile (users with a mobile number only).</summary>
    public double MobileShare { get; set; } = 0.15;

    /// <summary>Share of service calls nobody answers (the caller hangs up in the queue).</summary>
    public double UnansweredServiceShare { get; set; } = 0.2;

    /// <summary>Share of answered service calls the agent transfers to another agent (one CallId, two agent events).</summary>
    public double TransferShare { get; set; } = 0.1;

    /// <summary>Shares of agents' events classified Private and left unclassified (the rest: Work).</summary>
    public double PrivateShare { get; set; } = 0.1;

    public double UnclassifiedShare { get; set; } = 0.1;

    /// <summary>Share of answered calls shorter than 10 s.</summary>
    public double ShortCallShare { get; set; } = 0.1;

    /// <summary>Share of answered Work events with a recording.</summary>
    public double RecordingShare { get; set; } = 0.3;

    /// <summary>Share of events that appear late: 30 s to 10 min after the usual post-processing delay.</summary>
    public double LateShare { get; set; } = 0.1;

    /// <summary>Share of events Enreach corrects later (duration or classification), 1 to 30 min after they appear.</summary>
    public double ChangeShare { get; set; } = 0.1;

    /// <summary>Enreach's post-processing delay: an event appears this long after its call ended.</summary>
    public TimeSpan ProcessingDelay { get; set; } = TimeSpan.FromSeconds(10);

    internal void Validate()
    {
        if (Users.Count == 0) throw new ArgumentException("Generated traffic needs at least one user.");
        if (CallsPerHour < 0 || double.IsNaN(CallsPerHour) || double.IsInfinity(CallsPerHour)) throw new ArgumentException("CallsPerHour must be zero or more.");
        foreach (var (name, share) in new[]
                 {
                     (nameof(UnknownNumberShare), UnknownNumberShare), (nameof(LocalFormatShare), LocalFormatShare), (nameof(DirectShare), DirectShare),
                     (nameof(MobileShare), MobileShare), (nameof(UnansweredServiceShare), UnansweredServiceShare), (nameof(TransferShare), TransferShare),
                     (nameof(PrivateShare), PrivateShare), (nameof(UnclassifiedShare), UnclassifiedShare), (nameof(ShortCallShare), ShortCallShare),
                     (nameof(RecordingShare), RecordingShare), (nameof(LateShare), LateShare), (nameof(ChangeShare), ChangeShare),
                 })
        {
            if (!(share >= 0 && share <= 1)) throw new ArgumentException($"{name} is a share from 0 to 1.");
        }
        if (PrivateShare + UnclassifiedShare > 1) throw new ArgumentException("PrivateShare and UnclassifiedShare add up to more than 1.");
        if (ProcessingDelay < TimeSpan.Zero) throw new ArgumentException("ProcessingDelay is never negative.");
        if (string.IsNullOrEmpty(CountryCode) || !CountryCode.All(char.IsAsciiDigit)) throw new ArgumentException("CountryCode is digits, e.g. 358.");
        if (Users.Select(u => u.Id).Distinct().Count() != Users.Count) throw new ArgumentException("Two traffic users have the same id.");
    }
}
