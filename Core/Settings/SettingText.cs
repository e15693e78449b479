using System.Globalization;
using System.Text;

namespace VoiceForD365.Core.Settings
{
    /// <summary>How setting names and values appear in messages, traces and logs: quoted, cut when long, invisible characters shown.</summary>
    public static class SettingText
    {
        /// <summary>Longest part of a value a message quotes (Long Value holds up to a million characters).</summary>
        public const int QuotedLength = 200;

        /// <summary>'value', or its first <see cref="QuotedLength"/> characters followed by "..." and the full length.</summary>
        public static string Quote(string? text)
        {
            text = text ?? "";
            if (text.Length <= QuotedLength) return "'" + text + "'";
            return "'" + text.Substring(0, QuotedLength) + "...' (" + text.Length.ToString("N0", CultureInfo.InvariantCulture) + " characters)";
        }

        /// <summary>
        /// A character a person can't see or tell from a plain space when the name is shown: controls, format characters
        /// (zero-width space, soft hyphen, byte order mark, direction marks), line and paragraph separators, spaces other
        /// than U+0020 (no-break, en, em, ideographic...), the combining grapheme joiner and the Hangul fillers.
        /// </summary>
        public static bool IsInvisible(char c)
        {
            switch (CharUnicodeInfo.GetUnicodeCategory(c))
            {
                case UnicodeCategory.Control:
                case UnicodeCategory.Format:
                case UnicodeCategory.LineSeparator:
                case UnicodeCategory.ParagraphSeparator:
                    return true;
                case UnicodeCategory.SpaceSeparator:
                    return c != ' ';
            }
            return c == '\u034F' || c == '\u115F' || c == '\u1160' || c == '\u3164' || c == '\uFFA0';
        }

        /// <summary>The text with each invisible character written as [U+XXXX], so that a message shows where it is.</summary>
        public static string ShowInvisible(string text)
        {
            var shown = new StringBuilder(text.Length);
            foreach (var c in text)
            {
                if (IsInvisible(c)) shown.Append("[").Append(CodePoint(c)).Append("]");
                else shown.Append(c);
            }
            return shown.ToString();
        }

        /// <summary>The text as it looks: without its invisible characters.</summary>
        public static string WithoutInvisible(string text)
        {
            var visible = new StringBuilder(text.Length);
            foreach (var c in text)
                if (!IsInvisible(c)) visible.Append(c);
            return visible.ToString();
        }

        /// <summary>"U+200B".</summary>
        public static string CodePoint(char c) => "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);
    }
}
