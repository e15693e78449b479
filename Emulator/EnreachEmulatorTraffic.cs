namespace VoiceForD365.Emulator;

/// <summary>
/// Seeded, realistic call traffic: direct calls in and out (some on users' mobiles), service calls answered (some
/// transferred: one CallId, two agents' events) and unanswered, Work / Private / Unclassified, short calls, recordings,
/// other parties known and unknown in E.164 and local formats, events that appear late and events Enreach corrects
/// later. Each hour from <see cref="Start"/> is generated from the seed and the hour alone, so the same options give
/// the same calls however they are asked for; when they become visible is the emulator's clock's business
/// (<see cref="EnreachEmulatorCall.Modified"/>). Thread-safe.
/// </summary>
public sealed class EnreachEmulatorTraffic
{
    private const int LongestTalk = 3600;
    private const int LongestWait = 180;
    private const int LongestLateness = 600;
    private const int LongestCorrectionDelay = 1800;

    private readonly EnreachEmulatorTrafficOptions _options;
    private readonly EnreachEmulatorTrafficUser[] _users;
    private readonly string[] _workNumbers;
    private readonly EnreachEmulatorTrafficQueue[] _queues;
    private readonly string[] _customers;
    private readonly HashSet<string> _customerSet;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<long, IReadOnlyList<EnreachEmulatorCall>> _hours = new();

    public EnreachEmulatorTraffic(EnreachEmulatorTrafficOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _users = options.Users.ToArray();
        _workNumbers = _users.Select((u, i) => u.WorkNumber ?? $"+{options.CountryCode}10{1_000_000 + i}").ToArray();
        _queues = options.Queues.ToArray();
        _customers = options.CustomerNumbers.ToArray();
        _customerSet = new HashSet<string>(_customers, StringComparer.Ordinal);
        var start = DateTime.SpecifyKind(options.Start, DateTimeKind.Utc);
        Start = new DateTime(start.Ticks - start.Ticks % TimeSpan.TicksPerHour, DateTimeKind.Utc);
        MaxLag = TimeSpan.FromSeconds(LongestWait + 2 * LongestTalk + LongestLateness + LongestCorrectionDelay) + options.ProcessingDelay;
    }

    /// <summary>The first hour of traffic, UTC.</summary>
    public DateTime Start { get; }

    /// <summary>The longest time from a call's start to its last version's <see cref="EnreachEmulatorCall.Modified"/>.</summary>
    public TimeSpan MaxLag { get; }

    /// <summary>
    /// Every version of every event that starts in [<paramref name="from"/>, <paramref name="to"/>), in start order (an
    /// agent's event starts when the agent answers: up to <see cref="MaxStartDelay"/> after its call came in).
    /// </summary>
    public IReadOnlyList<EnreachEmulatorCall> Between(DateTime from, DateTime to)
    {
        from = DateTime.SpecifyKind(from, DateTimeKind.Utc);
        to = DateTime.SpecifyKind(to, DateTimeKind.Utc);
        return HoursOf(from - MaxStartDelay, to).Where(c => c.StartTime >= from && c.StartTime < to).OrderBy(c => c.StartTime).ThenBy(c => c.Id).ThenBy(c => c.Modified).ToArray();
    }

    /// <summary>The longest time from a call's arrival to the start of one of its events (a transfer's second part).</summary>
    public static TimeSpan MaxStartDelay { get; } = TimeSpan.FromSeconds(LongestWait + LongestTalk);

    /// <summary>The versions of the calls that arrive in the hours overlapping [<paramref name="from"/>, <paramref name="to"/>).</summary>
    internal IEnumerable<EnreachEmulatorCall> HoursOf(DateTime from, DateTime to)
    {
        if (from < Start) from = Start;
        if (to <= from) yield break;
        var first = (from - Start).Ticks / TimeSpan.TicksPerHour;
        var last = (to - Start).Ticks / TimeSpan.TicksPerHour;
        for (var hour = first; hour <= last; hour++)
            foreach (var call in Hour(hour)) yield return call;
    }

    private IReadOnlyList<EnreachEmulatorCall> Hour(long hour) => _hours.GetOrAdd(hour, Generate);

    private IReadOnlyList<EnreachEmulatorCall> Generate(long hour)
    {
        var rate = _options.CallsPerHour;
        var count = (long)Math.Floor((hour + 1) * rate) - (long)Math.Floor(hour * rate);
        var random = new Random(SeedOf(_options.Seed, hour));
        var hourStart = Start.AddHours(hour);
        var calls = new List<(DateTime Start, List<EnreachEmulatorCall> Versions)>();
        for (var i = 0; i < count; i++)
        {
            var start = hourStart.AddSeconds(random.Next(3600));
            var versions = new List<EnreachEmulatorCall>();
            var callId = NewId(random);
            if (_queues.Length == 0 || random.NextDouble() < _options.DirectShare) Direct(random, callId, start, versions);
            else Service(random, callId, start, versions);
            calls.Add((start, versions));
        }
        return calls.OrderBy(c => c.Start).SelectMany(c => c.Versions).ToArray();
    }

    private void Direct(Random random, Guid callId, DateTime start, List<EnreachEmulatorCall> versions)
    {
        var index = random.Next(_users.Length);
        var user = _users[index];
        var outgoing = random.NextDouble() < 0.5;
        var mobile = user.MobileNumber != null && random.NextDouble() < _options.MobileShare;
        var agentNumber = mobile ? user.MobileNumber! : _workNumbers[index];
        var other = OtherParty(random);
        var answered = random.NextDouble() < (outgoing ? 0.8 : 0.85);
        var duration = answered ? Talk(random) : 0;
        var classification = Classification(random);
        var call = new EnreachEmulatorCall
        {
            Id = NewId(random),
            CallId = callId,
            View = EnreachEmulatorCallView.User,
            UserId = user.Id,
            Outgoing = outgoing,
            Answered = answered,
            ANum = outgoing ? agentNumber : other,
            BNum = outgoing ? other : agentNumber,
            StartTime = start,
            DurationSeconds = duration,
            Classification = classification,
            RecordingIds = Recordings(random, answered, classification),
            Modified = start,
        };
        AddVersions(random, call, versions);
    }

    private void Service(Random random, Guid callId, DateTime start, List<EnreachEmulatorCall> versions)
    {
        var queue = _queues[random.Next(_queues.Length)];
        var other = OtherParty(random);
        var queueView = new EnreachEmulatorCall
        {
            Id = NewId(random),
            CallId = callId,
            View = EnreachEmulatorCallView.Queue,
            QueueId = queue.Id,
            QueueName = queue.Name,
            ANum = other,
            BNum = queue.Number,
            StartTime = start,
            Classification = null,
            Modified = start,
        };
        if (random.NextDouble() < _options.UnansweredServiceShare)
        {
            AddVersions(random, queueView with { Answered = false, DurationSeconds = 5 + random.Next(LongestWait - 5) }, versions);
            return;
        }

        var wait = 3 + random.Next(60);
        var first = random.Next(_users.Length);
        var answeredAt = start.AddSeconds(wait);
        var firstPart = AgentEvent(random, callId, queue, other, _users[first].Id, answeredAt);
        AddVersions(random, firstPart, versions);
        var total = wait + firstPart.DurationSeconds;
        if (_users.Length > 1 && random.NextDouble() < _options.TransferShare)
        {
            var second = (first + 1 + random.Next(_users.Length - 1)) % _users.Length;
            var secondPart = AgentEvent(random, callId, queue, other, _users[second].Id, answeredAt.AddSeconds(firstPart.DurationSeconds));
            AddVersions(random, secondPart, versions);
            total += secondPart.DurationSeconds;
        }
        AddVersions(random, queueView with { Answered = true, UserId = _users[first].Id, DurationSeconds = total, RecordingIds = firstPart.RecordingIds }, versions);
    }

    private EnreachEmulatorCall AgentEvent(Random random, Guid callId, EnreachEmulatorTrafficQueue queue, string other, Guid agent, DateTime start)
    {
        var classification = Classification(random);
        return new EnreachEmulatorCall
        {
            Id = NewId(random),
            CallId = callId,
            View = EnreachEmulatorCallView.User,
            UserId = agent,
            QueueId = queue.Id,
            QueueName = queue.Name,
            ANum = other,
            BNum = queue.Number,
            StartTime = start,
            DurationSeconds = Talk(random),
            Classification = classification,
            RecordingIds = Recordings(random, true, classification),
            Modified = start,
        };
    }

    /// <summary>The event as it first appears (after post-processing, maybe late) and, for some, a correction.</summary>
    private void AddVersions(Random random, EnreachEmulatorCall call, List<EnreachEmulatorCall> versions)
    {
        var appears = call.StartTime.AddSeconds(call.DurationSeconds) + _options.ProcessingDelay;
        if (random.NextDouble() < _options.LateShare) appears = appears.AddSeconds(30 + random.Next(LongestLateness - 30));
        var first = call with { Modified = Whole(appears) };
        versions.Add(first);
        if (random.NextDouble() >= _options.ChangeShare) return;
        var corrected = first.Modified.AddSeconds(60 + random.Next(LongestCorrectionDelay - 60));
        if (call.Classification is { } classification && random.NextDouble() < 0.5)
        {
            var next = (EnreachEmulatorClassification)(((int)classification + 1 + random.Next(2)) % 3);
            versions.Add(first with { Classification = next, Modified = corrected });
        }
        else
        {
            var change = Math.Max(1, call.DurationSeconds / 5);
            versions.Add(first with { DurationSeconds = Math.Max(0, call.DurationSeconds + (random.NextDouble() < 0.5 ? -change : change)), Modified = corrected });
        }
    }

    private int Talk(Random random)
    {
        if (random.NextDouble() < _options.ShortCallShare) return 2 + random.Next(8);
        return Math.Min(LongestTalk, 10 + (int)(-Math.Log(1 - random.NextDouble()) * 180));
    }

    private EnreachEmulatorClassification Classification(Random random)
    {
        var r = random.NextDouble();
        if (r < _options.PrivateShare) return EnreachEmulatorClassification.Private;
        if (r < _options.PrivateShare + _options.UnclassifiedShare) return EnreachEmulatorClassification.Unclassified;
        return EnreachEmulatorClassification.Work;
    }

    private IReadOnlyList<Guid> Recordings(Random random, bool answered, EnreachEmulatorClassification classification) =>
        answered && classification == EnreachEmulatorClassification.Work && random.NextDouble() < _options.RecordingShare ? [NewId(random)] : [];

    /// <summary>A customer's number or an unknown one, in E.164 or a local format.</summary>
    private string OtherParty(Random random)
    {
        string number;
        if (_customers.Length == 0 || random.NextDouble() < _options.UnknownNumberShare)
        {
            do number = $"+{_options.CountryCode}4{random.Next(10_000_000, 100_000_000)}";
            while (_customerSet.Contains(number));
        }
        else
        {
            number = _customers[random.Next(_customers.Length)];
        }
        return random.NextDouble() < _options.LocalFormatShare ? Local(number) : number;
    }

    /// <summary>A number as dialled locally: the country's own with a leading 0, another country's with 00.</summary>
    private string Local(string e164)
    {
        if (!e164.StartsWith('+')) return e164;
        var digits = e164[1..];
        return digits.StartsWith(_options.CountryCode, StringComparison.Ordinal) ? "0" + digits[_options.CountryCode.Length..] : "00" + digits;
    }

    private static Guid NewId(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    private static DateTime Whole(DateTime time) => new(time.Ticks - time.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);

    /// <summary>A seed for one hour from the traffic's seed (SplitMix64): the same for the same two, whatever the process.</summary>
    private static int SeedOf(int seed, long hour)
    {
        unchecked
        {
            var z = ((ulong)(uint)seed << 32) ^ (ulong)hour;
            z += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            return (int)(z & 0x7FFFFFFF);
        }
    }
}
