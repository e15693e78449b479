using System;
using System.Runtime.Serialization;
using VoiceForD365.Core.Errors;

namespace VoiceForD365.Core.Callbacks
{
    /// <summary>
    /// A callback profile, its queue, or the users and roles its ownership rule needs are not set up so that a
    /// callback phone call can be placed. The message names the profile and says what an administrator must change;
    /// nothing was written when it is thrown. Hosts pass the message on (plug-ins and workflow activities as an
    /// InvalidPluginExecutionException, the callback sync as a skipped profile).
    /// </summary>
    [Serializable]
    public sealed class CallbackConfigurationException : ActionableException
    {
        public CallbackConfigurationException(string message) : base(message)
        {
        }

        private CallbackConfigurationException(SerializationInfo info, StreamingContext context) : base(info, context)
        {
        }
    }
}
