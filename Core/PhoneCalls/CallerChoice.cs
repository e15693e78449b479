using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.Xrm.Sdk;
using VoiceForD365.Core.Matching;

namespace VoiceForD365.Core.PhoneCalls
{
    /// <summary>
    /// Who the caller parties of a synced phone call are, by the matches of its number and the multiple-match settings
    /// (MultipleMatchesPickFirst, EnableMultipleMatchCreate), as the phone call sync and the callback sync both decide it.
    /// </summary>
    internal sealed class CallerChoice
    {
        private CallerChoice(List<EntityReference> parties, bool allOfSeveral, string text, bool skipped)
        {
            Parties = parties;
            AllOfSeveral = allOfSeveral;
            Text = text;
            Skipped = skipped;
        }

        /// <summary>The matched records that are parties; empty: the number only (or nothing, when hidden).</summary>
        public IReadOnlyList<EntityReference> Parties { get; }

        /// <summary>Several matched, and all are parties (EnableMultipleMatchCreate): MultipleMatchPhoneCallStatus applies.</summary>
        public bool AllOfSeveral { get; }

        /// <summary>Who the caller is, in words; when <see cref="Skipped"/>, why nothing is logged.</summary>
        public string Text { get; }

        /// <summary>Several matched and the settings say not to choose: nothing is logged.</summary>
        public bool Skipped { get; }

        /// <param name="noNumber">The words when the number is not known.</param>
        /// <param name="noMatch">The words when no customer has the number.</param>
        public static CallerChoice Of(IReadOnlyList<CallerMatch> matches, string? number, PhoneCallSyncSettings settings, string noNumber, string noMatch)
        {
            if (matches.Count == 0) return new CallerChoice(new List<EntityReference>(), false, string.IsNullOrWhiteSpace(number) ? noNumber : noMatch, false);
            if (matches.Count == 1) return new CallerChoice(new List<EntityReference> { matches[0].ToEntityReference() }, false, "caller " + Describe(matches[0]), false);
            var count = matches.Count.ToString(CultureInfo.InvariantCulture);
            var all = string.Join(", ", matches.Select(Describe).ToArray());
            if (settings.MultipleMatchesPickFirst)
                return new CallerChoice(new List<EntityReference> { matches[0].ToEntityReference() }, false,
                    "caller " + Describe(matches[0]) + ", the first of " + count + " customers with the number (MultipleMatchesPickFirst; contacts, then accounts, then leads, oldest first)", false);
            if (settings.EnableMultipleMatchCreate)
                return new CallerChoice(matches.Select(m => m.ToEntityReference()).ToList(), true,
                    count + " customers have the number, all of them parties (EnableMultipleMatchCreate): " + all, false);
            return new CallerChoice(new List<EntityReference>(), false,
                count + " customers have the number " + number + " (" + all + "), and neither MultipleMatchesPickFirst nor EnableMultipleMatchCreate is on", true);
        }

        internal static string Describe(CallerMatch match) =>
            match.Table + " " + (string.IsNullOrEmpty(match.Name) ? match.Id.ToString("D") : match.Name) + " (by " + match.MatchedColumn + ")";
    }
}
