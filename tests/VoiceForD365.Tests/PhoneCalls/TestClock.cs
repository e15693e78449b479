namespace VoiceForD365.Tests.PhoneCalls;

/// <summary>A clock that stands still until a test moves it, forwards or back (a replay starts the same day again).</summary>
public sealed class TestClock(DateTime start) : TimeProvider
{
    private long _ticks = DateTime.SpecifyKind(start, DateTimeKind.Utc).Ticks;

    public DateTime UtcNow => new(Interlocked.Read(ref _ticks), DateTimeKind.Utc);

    public override DateTimeOffset GetUtcNow() => new(UtcNow);

    public void Advance(TimeSpan time) => Interlocked.Add(ref _ticks, time.Ticks);

    public void Set(DateTime time) => Interlocked.Exchange(ref _ticks, DateTime.SpecifyKind(time, DateTimeKind.Utc).Ticks);
}
