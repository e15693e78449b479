using System.Collections.Generic;
using VoiceForD365.Core.Numbers;

namespace VoiceForD365.Core.Matching
{
    /// <summary>The customer records one caller number matched, in the documented order (see <see cref="CallerMatcher"/>).</summary>
    public sealed class CallerMatches
    {
        internal CallerMatches(string number, PhoneNumber? normalized, IReadOnlyList<CallerMatch> matches)
        {
            Number = number;
            Normalized = normalized;
            Matches = matches;
        }

        /// <summary>The number as it was given (the first spelling given, when several normalise alike).</summary>
        public string Number { get; }

        /// <summary>The number normalised; null when it holds no digit (never matches).</summary>
        public PhoneNumber? Normalized { get; }

        /// <summary>Contacts, then accounts, then leads; within a table the oldest first (createdon), then by id.</summary>
        public IReadOnlyList<CallerMatch> Matches { get; }

        public CallerMatchCount Count =>
            Matches.Count == 0 ? CallerMatchCount.None : Matches.Count == 1 ? CallerMatchCount.One : CallerMatchCount.Several;

        /// <summary>The first match by the documented order (what MultipleMatchesPickFirst takes); null when there is none.</summary>
        public CallerMatch? First => Matches.Count == 0 ? null : Matches[0];

        /// <summary>The match when there is exactly one; null when none or several.</summary>
        public CallerMatch? Single => Matches.Count == 1 ? Matches[0] : null;

        public override string ToString() => Number + ": " + Count + " (" + Matches.Count + ")";
    }
}
