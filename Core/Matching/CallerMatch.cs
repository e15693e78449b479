using System;
using Microsoft.Xrm.Sdk;

namespace VoiceForD365.Core.Matching
{
    /// <summary>A customer record whose phone number is the caller's.</summary>
    public sealed class CallerMatch
    {
        internal CallerMatch(string table, Guid id, string? name, string matchedColumn, string matchedNumber, DateTime? createdOn)
        {
            Table = table;
            Id = id;
            Name = name;
            MatchedColumn = matchedColumn;
            MatchedNumber = matchedNumber;
            CreatedOn = createdOn;
        }

        /// <summary>contact, account or lead.</summary>
        public string Table { get; }

        public Guid Id { get; }

        /// <summary>The record's primary name (full name, account name).</summary>
        public string? Name { get; }

        /// <summary>The first phone column (in the catalogue's order) whose number matched.</summary>
        public string MatchedColumn { get; }

        /// <summary>That column's value, as stored.</summary>
        public string MatchedNumber { get; }

        public DateTime? CreatedOn { get; }

        /// <summary>A reference to the record, with its name: what a phone call party or a lookup takes.</summary>
        public EntityReference ToEntityReference() => new EntityReference(Table, Id) { Name = Name };

        public override string ToString() => Table + " " + Id.ToString("D") + " (" + (Name ?? "") + ", " + MatchedColumn + ")";
    }
}
