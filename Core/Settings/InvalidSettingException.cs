using System;
using System.Runtime.Serialization;
using VoiceForD365.Core.Errors;

namespace VoiceForD365.Core.Settings
{
    /// <summary>
    /// A setting the product reads holds a value of the wrong type or out of its range (saved before the setting
    /// validation plug-in was installed, or with it disabled). The message names the setting, what it must be and
    /// its value (<see cref="SettingDefinition.Check"/>); the work that needed it has not started.
    /// </summary>
    [Serializable]
    public sealed class InvalidSettingException : ActionableException
    {
        public InvalidSettingException(string message) : base(message)
        {
        }

        private InvalidSettingException(SerializationInfo info, StreamingContext context) : base(info, context)
        {
        }
    }
}
