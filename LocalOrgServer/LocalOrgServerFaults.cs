using VoiceForD365.Core.Schema;

namespace VoiceForD365.LocalOrgServer;

/// <summary>
/// Failures the server injects, like Dataverse's service protection: 429 with Retry-After and the limit's error
/// code, 503, or a slow answer. Each applies to the next <c>times</c> requests (null: until <see cref="Clear"/>);
/// the earliest added answer wins, a delay combines with it. They apply after authentication. Thread-safe.
/// </summary>
public sealed class LocalOrgServerFaults
{
    private readonly object _lock = new();
    private readonly List<Rule> _answers = new();
    private readonly List<Rule> _delays = new();

    /// <summary>Answer 429 Too Many Requests with Retry-After (whole seconds) and Dataverse's error for the limit.</summary>
    public void TooManyRequests(int? times = 1, TimeSpan? retryAfter = null, int errorCode = ErrorCodes.ServiceProtectionRequests)
    {
        if (!ErrorCodes.IsServiceProtection(errorCode)) throw new ArgumentOutOfRangeException(nameof(errorCode), "Use one of the three service protection codes (ErrorCodes.ServiceProtection…).");
        Add(_answers, new Rule(times) { Status = 429, RetryAfter = retryAfter ?? TimeSpan.FromSeconds(1), ErrorCode = errorCode });
    }

    /// <summary>Answer 503 Service Unavailable (with Retry-After when given).</summary>
    public void ServiceUnavailable(int? times = 1, TimeSpan? retryAfter = null) =>
        Add(_answers, new Rule(times) { Status = 503, RetryAfter = retryAfter, ErrorCode = ErrorCodes.ServiceProtectionConcurrency });

    /// <summary>Wait <paramref name="delay"/> before answering (the wait ends early when the client gives up).</summary>
    public void Slow(TimeSpan delay, int? times = null)
    {
        if (delay < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(delay));
        Add(_delays, new Rule(times) { Delay = delay });
    }

    public void Clear()
    {
        lock (_lock)
        {
            _answers.Clear();
            _delays.Clear();
        }
    }

    public int Pending
    {
        get { lock (_lock) return _answers.Count + _delays.Count; }
    }

    private void Add(List<Rule> rules, Rule rule)
    {
        if (rule.Remaining is < 1) throw new ArgumentOutOfRangeException("times", "A fault applies at least once (or null: always).");
        lock (_lock) rules.Add(rule);
    }

    internal (TimeSpan? Delay, Fault? Answer) Take()
    {
        lock (_lock)
        {
            var delay = TakeFirst(_delays);
            var answer = TakeFirst(_answers);
            return (delay?.Delay, answer == null ? null : new Fault(answer.Status, answer.RetryAfter, answer.ErrorCode));
        }
    }

    private static Rule? TakeFirst(List<Rule> rules)
    {
        if (rules.Count == 0) return null;
        var rule = rules[0];
        if (rule.Remaining != null && --rule.Remaining <= 0) rules.RemoveAt(0);
        return rule;
    }

    internal sealed record Fault(int Status, TimeSpan? RetryAfter, int ErrorCode);

    private sealed class Rule(int? times)
    {
        public int? Remaining { get; set; } = times;
        public int Status { get; init; }
        public TimeSpan? RetryAfter { get; init; }
        public int ErrorCode { get; init; }
        public TimeSpan Delay { get; init; }
    }
}
