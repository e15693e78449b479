using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace VoiceForD365.Core.Enreach
{
    /// <summary>The real clock: <see cref="DateTimeOffset.UtcNow"/>, <see cref="Stopwatch"/> and <see cref="Task.Delay(TimeSpan, CancellationToken)"/>.</summary>
    public sealed class SystemEnreachClock : IEnreachClock
    {
        public static readonly SystemEnreachClock Instance = new SystemEnreachClock();

        private SystemEnreachClock()
        {
        }

        public DateTimeOffset UtcNow => DateTimeOffset.UtcNow;

        public TimeSpan Monotonic => TimeSpan.FromSeconds(Stopwatch.GetTimestamp() / (double)Stopwatch.Frequency);

        public Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken) =>
            delay <= TimeSpan.Zero ? Task.FromResult(true) : Task.Delay(delay, cancellationToken);

        public void Sleep(TimeSpan delay, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (delay <= TimeSpan.Zero) return;
            if (!cancellationToken.CanBeCanceled)
            {
                Thread.Sleep(delay);
                return;
            }
            // Wakes up at once when cancelled, without needing a thread-pool thread to complete a timer task.
            if (cancellationToken.WaitHandle.WaitOne(delay)) cancellationToken.ThrowIfCancellationRequested();
        }
    }
}
