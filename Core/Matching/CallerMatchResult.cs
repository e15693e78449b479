using System;
using System.Collections.Generic;
using VoiceForD365.Core.Numbers;

namespace VoiceForD365.Core.Matching
{
    /// <summary>The matches of every distinct number given to <see cref="CallerMatcher.Match"/>.</summary>
    public sealed class CallerMatchResult
    {
        private readonly Dictionary<string, CallerMatches> _byNumber;

        internal CallerMatchResult(IReadOnlyList<CallerMatches> numbers, Dictionary<string, CallerMatches> byNumber)
        {
            Numbers = numbers;
            _byNumber = byNumber;
        }

        /// <summary>One entry per distinct number (numbers that normalise alike are one), in the order first given.</summary>
        public IReadOnlyList<CallerMatches> Numbers { get; }

        /// <summary>The matches of <paramref name="number"/>, in any spelling that normalises like one given.</summary>
        /// <exception cref="KeyNotFoundException">The number was not among those matched.</exception>
        public CallerMatches For(string number)
        {
            if (number == null) throw new ArgumentNullException(nameof(number));
            if (_byNumber.TryGetValue(KeyOf(number), out var matches)) return matches;
            throw new KeyNotFoundException("The number '" + number + "' was not among the numbers matched; pass every number to CallerMatcher.Match first.");
        }

        /// <summary>How the result is indexed: the normalised number, or the text itself when it holds no digit.</summary>
        internal static string KeyOf(string number) => PhoneNumber.Parse(number)?.ToString() ?? "text:" + number;
    }
}
