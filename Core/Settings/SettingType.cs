using System;

namespace VoiceForD365.Core.Settings
{
    /// <summary>The kind of value a setting holds (vfd_value is text; these say how it is read).</summary>
    public enum SettingType
    {
        Text = 0,
        WholeNumber = 1,
        YesNo = 2,
        Guid = 3,
    }
}
