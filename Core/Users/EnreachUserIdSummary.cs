using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace VoiceForD365.Core.Users
{
    /// <summary>What a run did, user by user, with counts and a line per user that needs an administrator's look.</summary>
    public sealed class EnreachUserIdSummary
    {
        private readonly Dictionary<EnreachUserIdOutcome, int> _counts = Enum.GetValues(typeof(EnreachUserIdOutcome)).Cast<EnreachUserIdOutcome>().ToDictionary(o => o, _ => 0);
        private readonly List<string> _messages = new List<string>();

        public int Count(EnreachUserIdOutcome outcome) => _counts[outcome];

        public int Updated => Count(EnreachUserIdOutcome.Updated);

        public int Unchanged => Count(EnreachUserIdOutcome.Unchanged);

        public int Cleared => Count(EnreachUserIdOutcome.Cleared);

        public int NotFound => Count(EnreachUserIdOutcome.NotFound);

        public int Ambiguous => Count(EnreachUserIdOutcome.Ambiguous);

        public int Total => _counts.Values.Sum();

        /// <summary>Users left unmatched because the run stopped to stay within its time limit; running again continues.</summary>
        public int Remaining { get; private set; }

        /// <summary>One line per user not matched (not found, cleared, ambiguous).</summary>
        public IReadOnlyList<string> Messages => _messages;

        internal void Stop(int remaining) => Remaining = remaining;

        internal void Add(EnreachUserIdOutcome outcome, string? message)
        {
            _counts[outcome]++;
            if (message != null) _messages.Add(message);
        }

        public override string ToString() => string.Format(CultureInfo.InvariantCulture,
            "{0} updated, {1} unchanged, {2} cleared, {3} not found, {4} ambiguous, {5} remaining", Updated, Unchanged, Cleared, NotFound, Ambiguous, Remaining);
    }
}
