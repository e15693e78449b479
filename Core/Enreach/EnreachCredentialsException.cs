using System;
using System.Runtime.Serialization;
using VoiceForD365.Core.Errors;

namespace VoiceForD365.Core.Enreach
{
    /// <summary>Enreach rejected the API user's credentials (401) or refused it access (403).</summary>
    [Serializable]
    public sealed class EnreachCredentialsException : EnreachException
    {
        public EnreachCredentialsException(string message, Exception? innerException = null)
            : base(EnreachErrorKind.Credentials, message, innerException)
        {
        }

        private EnreachCredentialsException(SerializationInfo info, StreamingContext context)
            : base(info, context)
        {
        }
    }
}
