using System;
using System.Text;

namespace VoiceForD365.Core.Numbers
{
    /// <summary>
    /// A phone number reduced to what identifies it: its digits, and whether it was written in international form
    /// (a leading <c>+</c> or <c>00</c>). Spaces, dashes, dots, slashes and brackets are ignored, and so is a trunk
    /// prefix written as <c>(0)</c> after the country code (<c>+358 (0)50 …</c>); the number ends at the first letter,
    /// <c>#</c>, <c>,</c> or <c>;</c> after a digit (an extension or a dialling pause: <c>… x12</c>, <c>… ext. 12</c>,
    /// <c>;ext=12</c>); text before the first digit (<c>Tel: +358…</c>) is ignored.
    /// </summary>
    /// <remarks>
    /// The <see cref="Key"/> is the last <see cref="KeyLength"/> digits. Seven is the length of the shortest national
    /// significant numbers in common use (many subscriber numbers have 7 digits), so any two spellings of one number —
    /// E.164, <c>00</c>-international, national with its trunk <c>0</c>, with or without spaces — end in the same 7
    /// digits and share the key, while numbers of different subscribers rarely do. A number of fewer digits is its
    /// own key and only ever matches exactly.
    /// </remarks>
    public sealed class PhoneNumber : IEquatable<PhoneNumber>
    {
        /// <summary>Digits kept in a number key (see the remarks of <see cref="PhoneNumber"/>).</summary>
        public const int KeyLength = 7;

        private PhoneNumber(string digits, bool isInternational)
        {
            Digits = digits;
            IsInternational = isInternational;
            Key = digits.Length <= KeyLength ? digits : digits.Substring(digits.Length - KeyLength);
        }

        /// <summary>The digits, without the international prefix (<c>+35850…</c> and <c>0035850…</c> both give <c>35850…</c>).</summary>
        public string Digits { get; }

        /// <summary>Written with a leading <c>+</c> or <c>00</c>: <see cref="Digits"/> start with the country code.</summary>
        public bool IsInternational { get; }

        /// <summary>The number key: the last <see cref="KeyLength"/> digits, the whole number when it is shorter.</summary>
        public string Key { get; }

        /// <summary>The number with its digits only, or null when <paramref name="text"/> holds no digit.</summary>
        public static PhoneNumber? Parse(string? text)
        {
            if (text == null) return null;
            var digits = new StringBuilder(text.Length);
            var international = false;
            var seenDigitOrPlus = false;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (c >= '0' && c <= '9')
                {
                    digits.Append(c);
                    seenDigitOrPlus = true;
                }
                else if (c == '+' && !seenDigitOrPlus)
                {
                    international = true;
                    seenDigitOrPlus = true;
                }
                else if (c == '(' && international && i + 2 < text.Length && text[i + 1] == '0' && text[i + 2] == ')')
                {
                    i += 2; // "+358 (0)50": the trunk prefix is not dialled from abroad.
                }
                else if (digits.Length > 0 && (char.IsLetter(c) || c == '#' || c == ',' || c == ';'))
                {
                    break;
                }
            }
            if (!international && digits.Length > 2 && digits[0] == '0' && digits[1] == '0')
            {
                international = true;
                digits.Remove(0, 2);
            }
            return digits.Length == 0 ? null : new PhoneNumber(digits.ToString(), international);
        }

        /// <summary>The digits of <paramref name="text"/> without an international prefix; empty when it holds none.</summary>
        public static string Normalize(string? text) => Parse(text)?.Digits ?? "";

        /// <summary>The number key of <paramref name="text"/>; null when it holds no digit (the key column is then cleared).</summary>
        public static string? KeyOf(string? text) => Parse(text)?.Key;

        /// <summary>
        /// Whether this number (a caller's, as the telephony gives it) is the <paramref name="stored"/> one (from a phone
        /// column), by the rule of the configuration guide (section 1.6.1). Both must have the same key. Then:
        /// <list type="bullet">
        /// <item><paramref name="numbersToCut"/> 0, or a caller number shorter than <see cref="KeyLength"/> digits: the digits are equal.</item>
        /// <item>Otherwise the first <paramref name="numbersToCut"/> characters of the caller's international form
        /// (<c>+35850454564</c>, the <c>+</c> counted) are cut off and the rest must be contained in the stored digits:
        /// with 4, <c>+35850454564</c> finds <c>050 454 564</c>. A caller number that is not international has no
        /// country code to cut and is searched whole.</item>
        /// </list>
        /// </summary>
        public bool Matches(PhoneNumber stored, int numbersToCut)
        {
            if (stored == null) throw new ArgumentNullException(nameof(stored));
            if (numbersToCut < 0) throw new ArgumentOutOfRangeException(nameof(numbersToCut), numbersToCut, "The number of characters to cut can't be negative.");
            if (!string.Equals(Key, stored.Key, StringComparison.Ordinal)) return false;
            if (numbersToCut == 0 || Digits.Length < KeyLength) return string.Equals(Digits, stored.Digits, StringComparison.Ordinal);

            var rest = IsInternational ? CutInternational(numbersToCut) : Digits;
            return rest.Length == 0
                ? string.Equals(Digits, stored.Digits, StringComparison.Ordinal)
                : stored.Digits.IndexOf(rest, StringComparison.Ordinal) >= 0;
        }

        /// <summary>The digits left after cutting characters from "+digits".</summary>
        private string CutInternational(int numbersToCut) =>
            numbersToCut > Digits.Length ? "" : Digits.Substring(numbersToCut - 1);

        /// <summary>The number as the product writes it: <c>+</c> and digits when international, else the digits.</summary>
        public override string ToString() => IsInternational ? "+" + Digits : Digits;

        public bool Equals(PhoneNumber? other) =>
            other != null && other.IsInternational == IsInternational && string.Equals(other.Digits, Digits, StringComparison.Ordinal);

        public override bool Equals(object? obj) => Equals(obj as PhoneNumber);

        public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Digits) ^ (IsInternational ? 1 : 0);
    }
}
