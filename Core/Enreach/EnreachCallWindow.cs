using System;
using System.Globalization;

namespace VoiceForD365.Core.Enreach
{
    /// <summary>
    /// A time window of a call query: by start time or by modification time, in UTC and whole seconds (what Enreach's
    /// filters take: <c>yyyy-MM-dd HH:mm:ss</c>). The start is rounded down and the end up, so a window never leaves out
    /// a moment it was given. Enreach serves at most <see cref="MaxSpan"/> per request: <see cref="EnreachClient"/>
    /// refuses a longer window before sending it, and the sync splits its spans into windows of at most that length.
    /// Times of kind Local are converted to UTC; times of kind Unspecified are taken as UTC, as Enreach's are.
    /// </summary>
    public sealed class EnreachCallWindow
    {
        /// <summary>The longest window Enreach answers (its rule, checked client-side by Enreach's own clients too).</summary>
        public static readonly TimeSpan MaxSpan = TimeSpan.FromDays(31);

        internal const string TimeFormat = "yyyy-MM-dd HH:mm:ss";

        private EnreachCallWindow(EnreachCallWindowKind kind, DateTime from, DateTime to)
        {
            from = Utc(from);
            to = Utc(to);
            if (to < from)
                throw new ArgumentOutOfRangeException(nameof(to), to, "The end of an Enreach call window (" + Format(to) + ") is before its start (" + Format(from) + ").");
            Kind = kind;
            From = SecondsDown(from);
            To = SecondsUp(to);
        }

        /// <summary>Calls that started from <paramref name="from"/> to <paramref name="to"/> (<c>StartTime</c>, <c>EndTime</c>).</summary>
        public static EnreachCallWindow Started(DateTime from, DateTime to) => new EnreachCallWindow(EnreachCallWindowKind.StartTime, from, to);

        /// <summary>Call events Enreach changed (or created) from <paramref name="after"/> to <paramref name="before"/> (<c>ModifiedAfter</c>, <c>ModifiedBefore</c>).</summary>
        public static EnreachCallWindow Modified(DateTime after, DateTime before) => new EnreachCallWindow(EnreachCallWindowKind.Modified, after, before);

        public EnreachCallWindowKind Kind { get; }

        /// <summary>The start, UTC, whole seconds.</summary>
        public DateTime From { get; }

        /// <summary>The end, UTC, whole seconds.</summary>
        public DateTime To { get; }

        public TimeSpan Span => To - From;

        /// <summary>The names of the two query parameters that carry the window.</summary>
        internal string FromParameter => Kind == EnreachCallWindowKind.StartTime ? "StartTime" : "ModifiedAfter";

        internal string ToParameter => Kind == EnreachCallWindowKind.StartTime ? "EndTime" : "ModifiedBefore";

        internal static string Format(DateTime utc) => utc.ToString(TimeFormat, CultureInfo.InvariantCulture);

        /// <summary>A time rounded down to whole seconds.</summary>
        internal static DateTime SecondsDown(DateTime utc) => new DateTime(utc.Ticks - utc.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);

        /// <summary>A time rounded up to whole seconds.</summary>
        internal static DateTime SecondsUp(DateTime utc)
        {
            var rest = utc.Ticks % TimeSpan.TicksPerSecond;
            return new DateTime(rest == 0 ? utc.Ticks : utc.Ticks - rest + TimeSpan.TicksPerSecond, DateTimeKind.Utc);
        }

        internal static DateTime Utc(DateTime time) =>
            time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : DateTime.SpecifyKind(time, DateTimeKind.Utc);

        public override string ToString() => FromParameter + " " + Format(From) + " to " + ToParameter + " " + Format(To);
    }
}
