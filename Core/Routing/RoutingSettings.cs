using System;
using VoiceForD365.Core.Matching;
using VoiceForD365.Core.Settings;

namespace VoiceForD365.Core.Routing
{
    /// <summary>
    /// The settings that decide who a caller is, the same the phone call sync uses: NumbersToCut (how numbers are
    /// compared, <see cref="MatchOptions"/>) and MultipleMatchesPickFirst (whether the first of several matches is the
    /// caller).
    /// </summary>
    public sealed class RoutingSettings
    {
        public RoutingSettings(MatchOptions matching, bool multipleMatchesPickFirst)
        {
            Matching = matching ?? throw new ArgumentNullException(nameof(matching));
            MultipleMatchesPickFirst = multipleMatchesPickFirst;
        }

        public MatchOptions Matching { get; }

        public bool MultipleMatchesPickFirst { get; }

        /// <summary>The organization's values: one query per setting.</summary>
        /// <exception cref="InvalidSettingException">A setting holds a value of the wrong type (saved past the setting validation).</exception>
        public static RoutingSettings Read(VoiceSettings settings)
        {
            if (settings == null) throw new ArgumentNullException(nameof(settings));
            var definition = SettingCatalog.Find(SettingNames.MultipleMatchesPickFirst)!;
            var value = settings.GetString(definition.Name) ?? definition.DefaultValue;
            if (!SettingCatalog.TryParseYesNo(value, out var pickFirst))
                throw new InvalidSettingException(definition.Check(value) + " Routing uses no rule until it is corrected.");
            return new RoutingSettings(MatchOptions.FromSettings(settings), pickFirst);
        }

        public override string ToString() => Matching + ", MultipleMatchesPickFirst " + MultipleMatchesPickFirst;
    }
}
