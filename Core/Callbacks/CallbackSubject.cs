using System;
using System.Globalization;
using VoiceForD365.Core.Settings;

namespace VoiceForD365.Core.Callbacks
{
    public sealed class CallbackSubject
    {
        public CallbackSubject(string text, CallbackSubjectSource source)
        {
            Text = text;
            Source = source;
        }

        public string Text { get; }

        public CallbackSubjectSource Source { get; }

        public override string ToString() => string.Format(CultureInfo.InvariantCulture, "'{0}' (from {1})", Text, Source switch
        {
            CallbackSubjectSource.Profile => "the profile",
            CallbackSubjectSource.Setting => "the setting " + SettingNames.CallbackRequestDefaultSubject,
            _ => "the built-in default",
        });
    }
}
