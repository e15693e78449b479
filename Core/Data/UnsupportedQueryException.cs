using System;
using System.Runtime.Serialization;
using VoiceForD365.Core.Errors;

namespace VoiceForD365.Core.Data
{
    /// <summary>
    /// A query a table answered in memory cannot run (a join, an operator or a column it does not filter or sort on).
    /// The message says what the table can do; nothing was read.
    /// </summary>
    [Serializable]
    public sealed class UnsupportedQueryException : ActionableException
    {
        public UnsupportedQueryException(string message) : base(message)
        {
        }

        private UnsupportedQueryException(SerializationInfo info, StreamingContext context) : base(info, context)
        {
        }
    }
}
