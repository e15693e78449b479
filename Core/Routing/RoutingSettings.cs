using System;
using VoiceForD365.Core.Settings;

namespace VoiceForD365.Core.Routing
{
    /// <summary>
    /// The settings that decide who a caller is, the same the phone call sync uses: NumbersToCut (how numbers are
    /// compared) and MultipleMatchesPickFirst (whether the first of several matches is the caller). A value the
    /// setting validation would refuse falls back to the default, with a trace line.
    /// </summary>
    public sealed class RoutingSettings
    {
        public RoutingSettings(int numbersToCut = 0, bool multipleMatchesPickFirst = false)
        {
            if (numbersToCut < 0) throw new ArgumentOutOfRangeException(nameof(numbersToCut), numbersToCut, "NumbersToCut can't be negative.");
            NumbersToCut = numbersToCut;
            MultipleMatchesPickFirst = multipleMatchesPickFirst;
        }

        public static RoutingSettings Default { get; } = new RoutingSettings();

        public int NumbersToCut { get; }

        public bool MultipleMatchesPickFirst { get; }

        /// <summary>The organization's values: one query per setting.</summary>
        public static RoutingSettings Read(VoiceSettings settings, Action<string>? trace = null)
        {
            if (settings == null) throw new ArgumentNullException(nameof(settings));
            var log = trace ?? (_ => { });
            return new RoutingSettings(
                WholeNumber(settings, SettingNames.NumbersToCut, log),
                YesNo(settings, SettingNames.MultipleMatchesPickFirst, log));
        }

        public override string ToString() => "NumbersToCut " + NumbersToCut + ", MultipleMatchesPickFirst " + MultipleMatchesPickFirst;

        private static int WholeNumber(VoiceSettings settings, string name, Action<string> trace)
        {
            var definition = SettingCatalog.Find(name)!;
            var value = settings.GetString(name) ?? definition.DefaultValue;
            if (definition.Check(value) is { } problem)
            {
                trace(problem + " The default " + definition.DefaultValue + " applies until it is corrected.");
                value = definition.DefaultValue;
            }
            SettingCatalog.TryParseWholeNumber(value, out var number);
            return number;
        }

        private static bool YesNo(VoiceSettings settings, string name, Action<string> trace)
        {
            var definition = SettingCatalog.Find(name)!;
            var value = settings.GetString(name) ?? definition.DefaultValue;
            if (!SettingCatalog.TryParseYesNo(value, out var flag))
            {
                trace(definition.Check(value) + " The default " + definition.DefaultValue + " applies until it is corrected.");
                SettingCatalog.TryParseYesNo(definition.DefaultValue, out flag);
            }
            return flag;
        }
    }
}
