using System;
using Microsoft.Xrm.Sdk;

namespace VoiceForD365.Core.Routing
{
    /// <summary>How many customer records a caller's number matched, as routing sees it.</summary>
    public enum CallerStatus
    {
        /// <summary>No active contact, account or open lead has the number.</summary>
        Unknown,

        /// <summary>One record has it, or several and MultipleMatchesPickFirst took the first.</summary>
        Known,

        /// <summary>Several records have it and MultipleMatchesPickFirst is off: no record is the caller.</summary>
        Several,
    }

    /// <summary>Who a caller is: the record their number matched, if one is the caller.</summary>
    public sealed class CallerIdentity
    {
        public CallerIdentity(string number, CallerStatus status, EntityReference? record, int matchCount)
        {
            Number = number ?? throw new ArgumentNullException(nameof(number));
            if (status == CallerStatus.Known && record == null) throw new ArgumentNullException(nameof(record), "A known caller has a record.");
            Status = status;
            Record = status == CallerStatus.Known ? record : null;
            MatchCount = matchCount;
        }

        /// <summary>The caller's number (normalised when it holds digits).</summary>
        public string Number { get; }

        public CallerStatus Status { get; }

        /// <summary>The contact, account or lead who is the caller (with its name); null unless <see cref="Status"/> is Known.</summary>
        public EntityReference? Record { get; }

        /// <summary>How many records the number matched (more than one for Several, and for Known by MultipleMatchesPickFirst).</summary>
        public int MatchCount { get; }

        public override string ToString()
        {
            switch (Status)
            {
                case CallerStatus.Known:
                    return Record!.LogicalName + " " + Record.Id.ToString("D") + " (" + (Record.Name ?? "") + ")" + (MatchCount > 1 ? ", the first of " + MatchCount + " matches" : "");
                case CallerStatus.Several:
                    return MatchCount + " matching records";
                default:
                    return "unknown caller";
            }
        }
    }
}
