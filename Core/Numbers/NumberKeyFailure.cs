using System;

namespace VoiceForD365.Core.Numbers
{
    /// <summary>A record whose number keys the rebuild could not write, with Dataverse's error.</summary>
    public sealed class NumberKeyFailure
    {
        public NumberKeyFailure(string table, Guid id, int errorCode, string message)
        {
            Table = table;
            Id = id;
            ErrorCode = errorCode;
            Message = message;
        }

        public string Table { get; }

        public Guid Id { get; }

        /// <summary>OrganizationServiceFault.ErrorCode.</summary>
        public int ErrorCode { get; }

        public string Message { get; }

        public override string ToString() => Table + " " + Id.ToString("D") + ": " + Message;
    }
}
