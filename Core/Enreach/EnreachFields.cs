using System;
using System.Collections.Generic;
using System.Globalization;

namespace VoiceForD365.Core.Enreach
{
    /// <summary>
    /// Reads the scalar fields of Enreach records (which the contracts hold as text) into values, each failing with a
    /// precise reason: which record, which field, what was expected. Values themselves never go into a message (they
    /// come from outside; see <see cref="EnreachErrors"/>).
    /// </summary>
    internal static class EnreachFields
    {
        private static readonly string[] TimeFormats =
        {
            "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm:ssK", "yyyy-MM-dd HH:mm:ss.FFFFFFFK",
            "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ss.FFFFFFF", "yyyy-MM-ddTHH:mm:ssK", "yyyy-MM-ddTHH:mm:ss.FFFFFFFK",
        };

        private static readonly DateTime UnixEpoch = new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        /// <summary>A required GUID; the all-zero GUID too when <paramref name="allowEmpty"/>.</summary>
        public static Guid Id(EnreachAnswer answer, string record, string field, string? text, bool allowEmpty = false)
        {
            if (IsMissing(text)) throw answer.Malformed(record + " has no " + field);
            return GuidOf(answer, record, field, text!, allowEmpty);
        }

        /// <summary>An optional GUID: null when absent, empty or all-zero (how .NET APIs write "none").</summary>
        public static Guid? OptionalId(EnreachAnswer answer, string record, string field, string? text)
        {
            if (IsMissing(text)) return null;
            var id = GuidOf(answer, record, field, text!, allowEmpty: true);
            return id == System.Guid.Empty ? (Guid?)null : id;
        }

        private static Guid GuidOf(EnreachAnswer answer, string record, string field, string text, bool allowEmpty)
        {
            if (!System.Guid.TryParse(text.Trim(), out var id))
                throw answer.Malformed(record + " has " + A(field) + " that is not a GUID");
            if (id == System.Guid.Empty && !allowEmpty)
                throw answer.Malformed(record + " has the all-zero GUID as its " + field + ", which identifies nothing");
            return id;
        }

        /// <summary>
        /// A required time, UTC: <c>yyyy-MM-dd HH:mm:ss</c> as Enreach's filters take it, or ISO 8601 with <c>T</c>,
        /// fractions and an offset, or <c>/Date(milliseconds)/</c> (the older .NET JSON form). Without an offset, UTC.
        /// </summary>
        public static DateTime Time(EnreachAnswer answer, string record, string field, string? text)
        {
            if (IsMissing(text)) throw answer.Malformed(record + " has no " + field);
            return TimeOf(answer, record, field, text!);
        }

        public static DateTime? OptionalTime(EnreachAnswer answer, string record, string field, string? text) =>
            IsMissing(text) ? (DateTime?)null : TimeOf(answer, record, field, text!);

        private static DateTime TimeOf(EnreachAnswer answer, string record, string field, string text)
        {
            text = text.Trim();
            if (DateTimeOffset.TryParseExact(text, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
                return time.UtcDateTime;
            if (TryParseDotNetDate(text, out var utc)) return utc;
            throw answer.Malformed(record + " has " + A(field) + " that is not a time (yyyy-MM-dd HH:mm:ss, UTC)");
        }

        // "/Date(1700000000000)/" or "/Date(1700000000000+0200)/": milliseconds since 1970 UTC; the offset only says
        // in which zone it was shown.
        private static bool TryParseDotNetDate(string text, out DateTime utc)
        {
            utc = default;
            const string prefix = "/Date(";
            const string suffix = ")/";
            if (!text.StartsWith(prefix, StringComparison.Ordinal) || !text.EndsWith(suffix, StringComparison.Ordinal)) return false;
            var inner = text.Substring(prefix.Length, text.Length - prefix.Length - suffix.Length);
            var zone = inner.IndexOfAny(new[] { '+', '-' }, 1);
            if (zone > 0) inner = inner.Substring(0, zone);
            if (!long.TryParse(inner, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var milliseconds)) return false;
            try
            {
                utc = UnixEpoch.AddMilliseconds(milliseconds);
                return true;
            }
            catch (ArgumentOutOfRangeException)
            {
                return false;
            }
        }

        /// <summary>A required length: seconds (a whole or decimal number) or a time span <c>hh:mm:ss</c>; never negative.</summary>
        public static TimeSpan Seconds(EnreachAnswer answer, string record, string field, string? text)
        {
            if (IsMissing(text)) throw answer.Malformed(record + " has no " + field);
            var value = text!.Trim();
            if (decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0 && seconds <= int.MaxValue)
                return TimeSpan.FromMilliseconds((double)decimal.Round(seconds * 1000));
            if (value.IndexOf(':') > 0 && TimeSpan.TryParseExact(value, "c", CultureInfo.InvariantCulture, out var span) && span >= TimeSpan.Zero)
                return span;
            throw answer.Malformed(record + " has " + A(field) + " that is not a number of seconds of zero or more");
        }

        /// <summary>
        /// A required flag as Enreach writes a "truthy" one: a number (0 false, any other true), a boolean, or one of the
        /// words given for each value (compared ignoring case).
        /// </summary>
        public static bool Truthy(EnreachAnswer answer, string record, string field, string? text, string expected, string[] falseWords, string[] trueWords)
        {
            if (IsMissing(text)) throw answer.Malformed(record + " has no " + field);
            var value = text!.Trim();
            if (long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)) return number != 0;
            if (bool.TryParse(value, out var flag)) return flag;
            if (Contains(falseWords, value)) return false;
            if (Contains(trueWords, value)) return true;
            throw answer.Malformed(record + " has " + A(field) + " that is not " + expected);
        }

        /// <summary>
        /// A classification: the words of <see cref="EnreachAssumptions"/> (ignoring case) or their numbers; null text
        /// (the field present, without a value) is Unclassified.
        /// </summary>
        public static EnreachCallClassification Classification(EnreachAnswer answer, string record, string? text)
        {
            if (IsMissing(text)) return EnreachCallClassification.Unclassified;
            var value = text!.Trim();
            if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number < EnreachAssumptions.ClassificationNumbers.Length)
                value = EnreachAssumptions.ClassificationNumbers[number];
            if (string.Equals(value, EnreachAssumptions.ClassificationWork, StringComparison.OrdinalIgnoreCase)) return EnreachCallClassification.Work;
            if (string.Equals(value, EnreachAssumptions.ClassificationPrivate, StringComparison.OrdinalIgnoreCase)) return EnreachCallClassification.Private;
            if (string.Equals(value, EnreachAssumptions.ClassificationUnclassified, StringComparison.OrdinalIgnoreCase)) return EnreachCallClassification.Unclassified;
            throw answer.Malformed(record + " has a " + EnreachAssumptions.Classification + " that is none of " + EnreachAssumptions.ClassificationWork + ", " +
                EnreachAssumptions.ClassificationPrivate + " and " + EnreachAssumptions.ClassificationUnclassified + " (nor 0, 1, 2)");
        }

        /// <summary>Optional text: trimmed, null when absent or blank.</summary>
        public static string? Text(string? text)
        {
            if (text == null) return null;
            var trimmed = text.Trim();
            return trimmed.Length == 0 ? null : trimmed;
        }

        /// <summary>The ids in a list (null entries and blanks left out).</summary>
        public static List<string> Ids(string?[]? texts)
        {
            var ids = new List<string>();
            if (texts == null) return ids;
            foreach (var text in texts)
            {
                var id = Text(text);
                if (id != null) ids.Add(id);
            }
            return ids;
        }

        /// <summary>"a StartTime", "an Id".</summary>
        private static string A(string field) => ("AEIOU".IndexOf(char.ToUpperInvariant(field[0])) >= 0 ? "an " : "a ") + field;

        private static bool IsMissing(string? text) => text == null || text.Trim().Length == 0;

        private static bool Contains(string[] words, string value)
        {
            foreach (var word in words)
                if (string.Equals(word, value, StringComparison.OrdinalIgnoreCase)) return true;
            return false;
        }
    }
}
