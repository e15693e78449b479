using System;
using System.Runtime.Serialization;
using VoiceForD365.Core.Enreach;

namespace VoiceForD365.Core.Users
{
    /// <summary>
    /// An update of Enreach user ids would have cleared more of the ids it holds than the setting
    /// <c>EnreachUserIdClearLimit</c> allows (or any, from an empty Enreach users list): nothing was written. The
    /// message says what was seen and how to proceed deliberately.
    /// </summary>
    [Serializable]
    public sealed class EnreachUserIdClearingRefusedException : EnreachException
    {
        public EnreachUserIdClearingRefusedException(string message)
            : base(message)
        {
        }

        private EnreachUserIdClearingRefusedException(SerializationInfo info, StreamingContext context)
            : base(info, context)
        {
        }
    }
}
