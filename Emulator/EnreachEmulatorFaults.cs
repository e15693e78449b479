namespace VoiceForD365.Emulator;

/// <summary>How a malformed answer is malformed.</summary>
public enum EnreachEmulatorMalformation
{
    /// <summary>The right JSON cut in the middle (status 200).</summary>
    TruncatedJson,

    /// <summary>An HTML page instead of JSON (status 200), as a proxy or captive portal might answer.</summary>
    NotJson,

    /// <summary>Well-formed JSON of the right shape whose entries lack the fields the endpoint always has.</summary>
    MissingFields,
}

/// <summary>
/// Failures the emulator injects. Each one applies to the next <c>times</c> matching requests (null: until
/// <see cref="Clear"/>), optionally only on one endpoint; the earliest added failure that matches wins, and a
/// <see cref="Slow"/> delay combines with it. Faults apply before authentication. Thread-safe.
/// </summary>
public sealed class EnreachEmulatorFaults
{
    private readonly object _lock = new();
    private readonly List<Rule> _answers = new();
    private readonly List<Rule> _delays = new();

    /// <summary>Answer 401 Unauthorized, whatever the credentials.</summary>
    public void Unauthorized(int? times = null, EnreachEmulatorEndpoint? only = null) =>
        AddAnswer(new Rule(FaultKind.Status, times, only) { StatusCode = 401 });

    /// <summary>Answer 403 Forbidden.</summary>
    public void Forbidden(int? times = null, EnreachEmulatorEndpoint? only = null) =>
        AddAnswer(new Rule(FaultKind.Status, times, only) { StatusCode = 403 });

    /// <summary>Answer 429 Too Many Requests, with a Retry-After header in seconds (or as an HTTP date) when given.</summary>
    public void TooManyRequests(int? times = 1, TimeSpan? retryAfter = null, bool retryAfterAsHttpDate = false, EnreachEmulatorEndpoint? only = null) =>
        AddAnswer(new Rule(FaultKind.Status, times, only) { StatusCode = 429, RetryAfter = retryAfter, RetryAfterAsDate = retryAfterAsHttpDate });

    /// <summary>Answer a server error (500 unless another 5xx is given), with a Retry-After header when given.</summary>
    public void ServerError(int? times = null, int statusCode = 500, TimeSpan? retryAfter = null, EnreachEmulatorEndpoint? only = null)
    {
        if (statusCode < 500 || statusCode > 599) throw new ArgumentOutOfRangeException(nameof(statusCode), "A server error is 5xx.");
        AddAnswer(new Rule(FaultKind.Status, times, only) { StatusCode = statusCode, RetryAfter = retryAfter });
    }

    /// <summary>Answer 200 with a malformed body.</summary>
    public void Malformed(EnreachEmulatorMalformation how = EnreachEmulatorMalformation.TruncatedJson, int? times = null, EnreachEmulatorEndpoint? only = null) =>
        AddAnswer(new Rule(FaultKind.Malformed, times, only) { Malformation = how });

    /// <summary>
    /// Answer <paramref name="statusCode"/> (200 unless given) with exactly <paramref name="body"/> as JSON, whatever
    /// the endpoint would answer: how tests put an answer the real Enreach (or a proxy) might give in front of the
    /// client: other casing, escapes, deep nesting, broken JSON, an error page echoing what it was sent.
    /// </summary>
    public void Answer(string body, int statusCode = 200, int? times = null, EnreachEmulatorEndpoint? only = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (statusCode < 100 || statusCode > 599) throw new ArgumentOutOfRangeException(nameof(statusCode));
        AddAnswer(new Rule(FaultKind.Body, times, only) { StatusCode = statusCode, Body = body });
    }

    /// <summary>Wait <paramref name="delay"/> before answering (the wait ends early when the client gives up).</summary>
    public void Slow(TimeSpan delay, int? times = null, EnreachEmulatorEndpoint? only = null)
    {
        if (delay < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(delay));
        if (times is < 1) throw new ArgumentOutOfRangeException(nameof(times), "A delay applies at least once (or null: always).");
        var rule = new Rule(FaultKind.Delay, times, only) { Delay = delay };
        lock (_lock) _delays.Add(rule);
    }

    /// <summary>
    /// Send the status and headers at once, then the body one byte every <paramref name="interval"/> (the answer ends
    /// early when the client gives up): a server that is alive but never done, which only a deadline can stop.
    /// </summary>
    public void Trickle(TimeSpan interval, int? times = null, EnreachEmulatorEndpoint? only = null)
    {
        if (interval <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(interval));
        if (times is < 1) throw new ArgumentOutOfRangeException(nameof(times), "A trickle applies at least once (or null: always).");
        var rule = new Rule(FaultKind.Trickle, times, only) { Delay = interval };
        lock (_lock) _delays.Add(rule);
    }

    /// <summary>Removes every pending failure and delay.</summary>
    public void Clear()
    {
        lock (_lock)
        {
            _answers.Clear();
            _delays.Clear();
        }
    }

    /// <summary>Failures and delays still pending.</summary>
    public int Pending
    {
        get { lock (_lock) return _answers.Count + _delays.Count; }
    }

    private void AddAnswer(Rule rule)
    {
        if (rule.Remaining is < 1) throw new ArgumentOutOfRangeException("times", "A fault applies at least once (or null: always).");
        lock (_lock) _answers.Add(rule);
    }

    internal (TimeSpan? Delay, TimeSpan? Trickle, Fault? Answer) Take(EnreachEmulatorEndpoint endpoint)
    {
        lock (_lock)
        {
            var delay = TakeFirst(_delays, endpoint);
            var answer = TakeFirst(_answers, endpoint);
            return (delay?.Kind == FaultKind.Delay ? delay.Delay : null, delay?.Kind == FaultKind.Trickle ? delay.Delay : null,
                answer == null ? null : new Fault(answer.Kind, answer.StatusCode, answer.RetryAfter, answer.RetryAfterAsDate, answer.Malformation, answer.Body));
        }
    }

    private static Rule? TakeFirst(List<Rule> rules, EnreachEmulatorEndpoint endpoint)
    {
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            if (rule.Only != null && rule.Only != endpoint) continue;
            if (rule.Remaining != null)
            {
                rule.Remaining--;
                if (rule.Remaining <= 0) rules.RemoveAt(i);
            }
            return rule;
        }
        return null;
    }

    internal enum FaultKind
    {
        Status,
        Malformed,
        Body,
        Delay,
        Trickle,
    }

    internal sealed record Fault(FaultKind Kind, int StatusCode, TimeSpan? RetryAfter, bool RetryAfterAsDate, EnreachEmulatorMalformation Malformation, string? Body);

    private sealed class Rule(FaultKind kind, int? times, EnreachEmulatorEndpoint? only)
    {
        public FaultKind Kind { get; } = kind;
        public int? Remaining { get; set; } = times;
        public EnreachEmulatorEndpoint? Only { get; } = only;
        public int StatusCode { get; init; }
        public TimeSpan? RetryAfter { get; init; }
        public bool RetryAfterAsDate { get; init; }
        public EnreachEmulatorMalformation Malformation { get; init; }
        public string? Body { get; init; }
        public TimeSpan Delay { get; init; }
    }
}
