using System;
using System.Runtime.Serialization;
using VoiceForD365.Core.Errors;

namespace VoiceForD365.Core.Enreach
{
    /// <summary>Enreach answered 404, or discovery knows no API endpoint for the API user.</summary>
    [Serializable]
    public sealed class EnreachNotFoundException : EnreachException
    {
        public EnreachNotFoundException(string message, Exception? innerException = null)
            : base(EnreachErrorKind.NotFound, message, innerException)
        {
        }

        private EnreachNotFoundException(SerializationInfo info, StreamingContext context)
            : base(info, context)
        {
        }
    }
}
