using System;

namespace VoiceForD365.Core.Callbacks
{
    /// <summary>Where a callback phone call's subject came from.</summary>
    public enum CallbackSubjectSource
    {
        /// <summary>The profile's Phone Call Subject.</summary>
        Profile,

        /// <summary>The global setting CallbackRequestDefaultSubject (group CallbackSync).</summary>
        Setting,

        /// <summary>Neither is set: <see cref="CallbackSubjects.DefaultSubject"/>.</summary>
        Default,
    }
}
