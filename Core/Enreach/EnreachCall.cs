using System;
using System.Threading;

namespace VoiceForD365.Core.Enreach
{
    /// <summary>
    /// One operation of <see cref="EnreachClient"/> (e.g. discovery and the users list): its time budget, whether it
    /// runs synchronously on the caller's thread, and the caller's cancellation. Every request and wait of the
    /// operation draws on the one budget.
    /// </summary>
    internal sealed class EnreachCall
    {
        public EnreachCall(EnreachBudget budget, bool synchronous, CancellationToken cancellationToken)
        {
            Budget = budget;
            Synchronous = synchronous;
            CancellationToken = cancellationToken;
        }

        public EnreachBudget Budget { get; }

        /// <summary>
        /// The synchronous public methods (plug-ins): every step completes before it returns where the platform allows
        /// it, so the caller's thread does the work and needs no thread-pool thread to finish it.
        /// </summary>
        public bool Synchronous { get; }

        public CancellationToken CancellationToken { get; }
    }

    /// <summary>
    /// The time budget of one operation, on the monotonic clock. What is left is never negative: an attempt's time-out
    /// fires a little after the budget ends, and "no time left" is what a message should say then.
    /// </summary>
    internal sealed class EnreachBudget
    {
        private readonly IEnreachClock _clock;
        private readonly TimeSpan _start;

        public EnreachBudget(IEnreachClock clock, TimeSpan total)
        {
            _clock = clock;
            _start = clock.Monotonic;
            Total = total;
        }

        public TimeSpan Total { get; }

        public TimeSpan Elapsed => _clock.Monotonic - _start;

        public TimeSpan Remaining
        {
            get
            {
                var left = Total - Elapsed;
                return left > TimeSpan.Zero ? left : TimeSpan.Zero;
            }
        }
    }
}
