using System;
using System.Globalization;

namespace VoiceForD365.Core.Callbacks
{
    /// <summary>
    /// The time window of callback requests a profile covers: from <see cref="Start"/> (its age back from now) to
    /// <see cref="End"/> (now), both UTC. The wider the window, the more each sync run fetches from Enreach.
    /// </summary>
    public readonly struct CallbackTimeWindow : IEquatable<CallbackTimeWindow>
    {
        public CallbackTimeWindow(DateTime start, DateTime end)
        {
            Start = start;
            End = end;
        }

        public DateTime Start { get; }

        public DateTime End { get; }

        public TimeSpan Length => End - Start;

        /// <summary>The window that ends at <paramref name="nowUtc"/> and reaches <paramref name="age"/> units back.</summary>
        /// <param name="profileName">Named in the error, when there is one.</param>
        /// <exception cref="CallbackConfigurationException">The age is below 1 or reaches back before the year 1.</exception>
        public static CallbackTimeWindow For(CallbackAgeUnit unit, int age, DateTime nowUtc, string profileName = "")
        {
            var profile = string.IsNullOrEmpty(profileName) ? "The callback profile" : "Callback profile '" + profileName + "'";
            if (age < 1)
                throw new CallbackConfigurationException(string.Format(CultureInfo.InvariantCulture, "{0} has a Callback Age of {1}: it must be 1 or more.", profile, age));
            var now = nowUtc.Kind == DateTimeKind.Local ? nowUtc.ToUniversalTime() : DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc);
            var ticks = TicksOf(unit, age);
            if (ticks > (now - DateTime.MinValue).Ticks)
                throw new CallbackConfigurationException(string.Format(CultureInfo.InvariantCulture, "{0} has a Callback Age of {1} {2}, which reaches back before the year 1: use a smaller age.", profile, age, unit));
            return new CallbackTimeWindow(now - TimeSpan.FromTicks((long)ticks), now);
        }

        /// <summary>Whether <paramref name="age"/> units back from any time since the year 2000 is still a date (the age isn't absurdly large).</summary>
        internal static bool Fits(CallbackAgeUnit unit, int age) => TicksOf(unit, age) < (new DateTime(2000, 1, 1) - DateTime.MinValue).Ticks;

        /// <summary>The age in ticks, as a double: a large age in days does not fit a TimeSpan.</summary>
        private static double TicksOf(CallbackAgeUnit unit, int age)
        {
            switch (unit)
            {
                case CallbackAgeUnit.Days: return age * (double)TimeSpan.TicksPerDay;
                case CallbackAgeUnit.Hours: return age * (double)TimeSpan.TicksPerHour;
                case CallbackAgeUnit.Minutes: return age * (double)TimeSpan.TicksPerMinute;
                default: throw new ArgumentOutOfRangeException(nameof(unit), unit, "The age time unit must be Days, Hours or Minutes.");
            }
        }

        public bool Contains(DateTime utc) => utc >= Start && utc <= End;

        public bool Equals(CallbackTimeWindow other) => Start == other.Start && End == other.End;

        public override bool Equals(object? obj) => obj is CallbackTimeWindow other && Equals(other);

        public override int GetHashCode() => Start.GetHashCode() * 397 ^ End.GetHashCode();

        public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0:yyyy-MM-dd HH:mm:ss} to {1:yyyy-MM-dd HH:mm:ss} UTC", Start, End);
    }
}
