using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.Xrm.Sdk;

namespace VoiceForD365.Core.PhoneCalls
{
    /// <summary>
    /// The seam to caller matching (Core/Matching's CallerMatcher, built on its own branch): finds the customer
    /// records of many numbers at once, in the documented order. Until it lands every caller is unknown.
    /// </summary>
    internal static class CallerLookup
    {
        /// <summary>For each number given, its matching records in the documented order (none: unknown caller).</summary>
        public static Func<string, IReadOnlyList<EntityReference>> Find(IOrganizationService service, IEnumerable<string> numbers, int numbersToCut, Action<string> trace)
        {
            var none = new EntityReference[0];
            return _ => none;
        }

        /// <summary>A number's digits, an international 00 dropped (empty: none).</summary>
        public static string Digits(string? number)
        {
            if (number == null) return "";
            var digits = new StringBuilder(number.Length);
            foreach (var c in number)
                if (c >= '0' && c <= '9') digits.Append(c);
            if (digits.Length > 2 && digits[0] == '0' && digits[1] == '0') digits.Remove(0, 2);
            return digits.ToString();
        }
    }
}
