using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace VoiceForD365.Core.Enreach
{
    /// <summary>
    /// Time as <see cref="EnreachClient"/> sees it: the wall clock (for Retry-After dates), a monotonic clock (for
    /// the time budget) and waiting (between attempts). Tests substitute one that does not sleep.
    /// </summary>
    public interface IEnreachClock
    {
        DateTimeOffset UtcNow { get; }

        /// <summary>Time elapsed since an arbitrary, fixed origin; never goes back.</summary>
        TimeSpan Monotonic { get; }

        Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken);

        /// <summary>Blocks the calling thread for <paramref name="delay"/> (the synchronous API's wait).</summary>
        void Sleep(TimeSpan delay, CancellationToken cancellationToken);
    }
}
