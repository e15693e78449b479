using System;
using System.Globalization;
using VoiceForD365.Core.Settings;

namespace VoiceForD365.Core.Callbacks
{
    /// <summary>
    /// The subject of a callback phone call: the profile's Phone Call Subject, else the global setting
    /// CallbackRequestDefaultSubject, else <see cref="DefaultSubject"/>.
    /// </summary>
    public sealed class CallbackSubjects
    {
        /// <summary>The subject when neither the profile nor the setting gives one.</summary>
        public const string DefaultSubject = "Callback request";

        /// <summary>The longest subject a phone call holds.</summary>
        public const int MaxLength = 400;

        private readonly VoiceSettings _settings;
        private readonly Action<string> _trace;

        public CallbackSubjects(VoiceSettings settings, Action<string>? trace = null)
        {
            _settings = settings ?? throw new ArgumentNullException(nameof(settings));
            _trace = trace ?? (_ => { });
        }

        /// <exception cref="CallbackConfigurationException">The chosen subject is longer than a phone call's subject holds.</exception>
        public CallbackSubject Resolve(CallbackProfileSettings profile)
        {
            if (profile == null) throw new ArgumentNullException(nameof(profile));
            CallbackSubject subject;
            if (profile.PhoneCallSubject != null)
            {
                subject = new CallbackSubject(profile.PhoneCallSubject, CallbackSubjectSource.Profile);
            }
            else
            {
                var setting = _settings.GetString(SettingNames.CallbackRequestDefaultSubject);
                subject = setting != null ? new CallbackSubject(setting, CallbackSubjectSource.Setting) : new CallbackSubject(DefaultSubject, CallbackSubjectSource.Default);
            }
            if (subject.Text.Length > MaxLength)
                throw new CallbackConfigurationException(string.Format(CultureInfo.InvariantCulture,
                    "The subject for phone calls of callback profile '{0}' ({1}) is {2} characters long; a phone call's subject holds at most {3}. Shorten {4}.",
                    profile.Name, profile.Id, subject.Text.Length, MaxLength,
                    subject.Source == CallbackSubjectSource.Profile ? "the profile's Phone Call Subject" : "the setting " + SettingNames.CallbackRequestDefaultSubject));
            _trace("Subject for " + profile + ": " + subject + ".");
            return subject;
        }
    }
}
