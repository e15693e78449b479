using System;
using System.Globalization;
using VoiceForD365.Core.Settings;

namespace VoiceForD365.Core.Matching
{
    /// <summary>How caller numbers are compared with stored ones (see <see cref="Numbers.PhoneNumber.Matches"/>).</summary>
    public sealed class MatchOptions
    {
        private static readonly SettingDefinition NumbersToCutSetting = SettingCatalog.Find(SettingNames.NumbersToCut)!;

        public MatchOptions(int numbersToCut = 0)
        {
            if (numbersToCut < NumbersToCutSetting.Minimum || numbersToCut > NumbersToCutSetting.Maximum)
                throw new ArgumentOutOfRangeException(nameof(numbersToCut), numbersToCut, "NumbersToCut must be " + NumbersToCutSetting.ExpectedValue + ".");
            NumbersToCut = numbersToCut;
        }

        /// <summary>Exact match of the digits (stored numbers in E.164): the default.</summary>
        public static MatchOptions Exact { get; } = new MatchOptions();

        /// <summary>
        /// The setting NumbersToCut: 0 compares the digits exactly; N cuts N characters from the start of the caller's
        /// international number (<c>+</c> counted) and finds stored numbers that contain the rest (local formats).
        /// </summary>
        public int NumbersToCut { get; }

        /// <summary>The options the organization's settings give (NumbersToCut; missing or empty: 0).</summary>
        /// <exception cref="InvalidSettingException">NumbersToCut holds a value that is not a whole number from 0 to 16.</exception>
        public static MatchOptions FromSettings(VoiceSettings settings)
        {
            if (settings == null) throw new ArgumentNullException(nameof(settings));
            var value = settings.GetString(SettingNames.NumbersToCut);
            if (value == null) return Exact;
            var problem = NumbersToCutSetting.Check(value);
            if (problem != null) throw new InvalidSettingException(problem + " Callers are not matched until it is corrected.");
            SettingCatalog.TryParseWholeNumber(value, out var numbersToCut);
            return new MatchOptions(numbersToCut);
        }

        public override string ToString() => "NumbersToCut " + NumbersToCut.ToString(CultureInfo.InvariantCulture);
    }
}
