using System;
using System.Collections.Generic;
using VoiceForD365.Core.Enreach;

namespace VoiceForD365.Core.PhoneCalls
{
    /// <summary>
    /// What one run reads: the windows (each at most 31 days, Enreach's limit) and whether it is the retro. Pure: the
    /// state, the settings, the mode and the clock decide it.
    /// </summary>
    internal sealed class SyncPlan
    {
        /// <summary>
        /// How far a continuous window reaches back before the last checkpoint: Enreach shows an event some seconds
        /// after its Modified time (post-processing takes about 10 s), so a window that ended just before an event
        /// appeared would miss it without the overlap. Reading an event twice is harmless (the keys).
        /// </summary>
        public static readonly TimeSpan Overlap = TimeSpan.FromSeconds(60);

        /// <summary>RunInDebugMode reads this far back (configuration guide 1.5.3).</summary>
        public static readonly TimeSpan DebugLookBack = TimeSpan.FromDays(45);

        /// <summary>The retro re-reads calls that started this far back.</summary>
        public static readonly TimeSpan RetroLookBack = TimeSpan.FromHours(24);

        /// <summary>The nightly retro starts at a moment in [22:00, 23:30) UTC.</summary>
        public static readonly TimeSpan RetroEarliest = TimeSpan.FromHours(22);

        public static readonly TimeSpan RetroSpread = TimeSpan.FromMinutes(90);

        private SyncPlan(PhoneCallSyncKind kind, DateTime from, DateTime to, bool resumed)
        {
            // Whole seconds, as Enreach's filters take them, so that no piece of 31 days grows past 31 days by rounding.
            from = EnreachCallWindow.SecondsDown(EnreachCallWindow.Utc(from));
            to = EnreachCallWindow.SecondsUp(EnreachCallWindow.Utc(to));
            if (to < from) to = from;
            Kind = kind;
            From = from;
            To = to;
            Resumed = resumed;
            // Enreach answers at most 31 days a request: longer spans are read window by window, oldest first.
            var windows = new List<EnreachCallWindow>();
            var start = from;
            do
            {
                var end = to - start > EnreachCallWindow.MaxSpan ? start + EnreachCallWindow.MaxSpan : to;
                windows.Add(kind == PhoneCallSyncKind.Retro ? EnreachCallWindow.Started(start, end) : EnreachCallWindow.Modified(start, end));
                start = end;
            }
            while (start < to);
            Windows = windows;
        }

        public PhoneCallSyncKind Kind { get; }

        public DateTime From { get; }

        public DateTime To { get; }

        /// <summary>A retro run that an earlier run started and did not finish, resumed from its progress.</summary>
        public bool Resumed { get; }

        public IReadOnlyList<EnreachCallWindow> Windows { get; }

        /// <summary>What changed since the checkpoint (with the overlap), at most ExecutionInterval back; RunInDebugMode: 45 days.</summary>
        public static SyncPlan Continuous(SyncStateRow state, PhoneCallSyncSettings settings, DateTime now)
        {
            if (settings.RunInDebugMode) return new SyncPlan(PhoneCallSyncKind.Debug, now - DebugLookBack, now, resumed: false);
            var earliest = now - settings.ExecutionInterval;
            var from = state.Checkpoint == null ? earliest : Max(state.Checkpoint.Value - Overlap, earliest);
            // A checkpoint ahead of this clock (another worker's clock runs fast): read the overlap at least.
            if (from > now - Overlap) from = Min(from, now - Overlap);
            return new SyncPlan(PhoneCallSyncKind.Continuous, from, now, resumed: false);
        }

        /// <summary>The past 24 hours by start time.</summary>
        public static SyncPlan Retro(DateTime now) => new SyncPlan(PhoneCallSyncKind.Retro, now - RetroLookBack, now, resumed: false);

        /// <summary>The rest of a retro run that stopped: from its progress to its end.</summary>
        public static SyncPlan ResumeRetro(SyncStateRow state) =>
            new SyncPlan(PhoneCallSyncKind.Retro, state.RetroProgress ?? state.RetroFrom!.Value, state.RetroTo!.Value, resumed: true);

        /// <summary>
        /// The moment of the organization's retro on the night that starts at <paramref name="night"/> (a date, UTC):
        /// spread over [22:00, 23:30) by the organization's id and the date, so organizations don't all run at once and
        /// every worker of one organization picks the same moment.
        /// </summary>
        public static DateTime RetroMoment(DateTime night, Guid organizationId)
        {
            unchecked
            {
                ulong hash = 14695981039346656037UL;
                foreach (var b in organizationId.ToByteArray()) hash = (hash ^ b) * 1099511628211UL;
                foreach (var b in BitConverter.GetBytes(night.Date.Ticks)) hash = (hash ^ b) * 1099511628211UL;
                var seconds = (long)(hash % (ulong)RetroSpread.TotalSeconds);
                return DateTime.SpecifyKind(night.Date, DateTimeKind.Utc) + RetroEarliest + TimeSpan.FromSeconds(seconds);
            }
        }

        /// <summary>The night whose retro is next at <paramref name="now"/>: today's until its window has passed, then tomorrow's.</summary>
        public static DateTime NextNight(DateTime now) => now.TimeOfDay < RetroEarliest + RetroSpread ? now.Date : now.Date.AddDays(1);

        private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;

        private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
    }
}
