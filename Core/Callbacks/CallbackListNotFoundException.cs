using System;
using System.Runtime.Serialization;
using VoiceForD365.Core.Errors;

namespace VoiceForD365.Core.Callbacks
{
    /// <summary>Enreach has no callback list with the id asked for (it was removed, or the id is another organization's).</summary>
    [Serializable]
    public sealed class CallbackListNotFoundException : ActionableException
    {
        public CallbackListNotFoundException(string message) : base(message)
        {
        }

        private CallbackListNotFoundException(SerializationInfo info, StreamingContext context) : base(info, context)
        {
        }
    }
}
