using System;
using System.Runtime.Serialization;
using VoiceForD365.Core.Errors;

namespace VoiceForD365.Core.Enreach
{
    /// <summary>The Enreach settings (environment variables) are missing or unusable.</summary>
    [Serializable]
    public sealed class EnreachConfigurationException : EnreachException
    {
        public EnreachConfigurationException(string message)
            : base(EnreachErrorKind.Configuration, message, null)
        {
        }

        private EnreachConfigurationException(SerializationInfo info, StreamingContext context)
            : base(info, context)
        {
        }
    }
}
