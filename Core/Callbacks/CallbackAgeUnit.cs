using System;
using VoiceForD365.Core.Schema;

namespace VoiceForD365.Core.Callbacks
{
    /// <summary>The Age Time Unit choice of a callback profile, with the option values of the solution.</summary>
    public enum CallbackAgeUnit
    {
        Days = AgeTimeUnit.Days,
        Hours = AgeTimeUnit.Hours,
        Minutes = AgeTimeUnit.Minutes,
    }
}
