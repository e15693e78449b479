using System;
using System.Collections.Generic;
using System.Linq;

namespace VoiceForD365.Core.Numbers
{
    /// <summary>A table callers are matched to (contact, account, lead): its id and name columns, the state of its active rows, and its phone columns.</summary>
    public sealed class CustomerTable
    {
        public CustomerTable(string logicalName, string primaryIdColumn, string nameColumn, int activeState, params PhoneColumn[] phoneColumns)
        {
            LogicalName = logicalName ?? throw new ArgumentNullException(nameof(logicalName));
            PrimaryIdColumn = primaryIdColumn ?? throw new ArgumentNullException(nameof(primaryIdColumn));
            NameColumn = nameColumn ?? throw new ArgumentNullException(nameof(nameColumn));
            ActiveState = activeState;
            PhoneColumns = phoneColumns ?? throw new ArgumentNullException(nameof(phoneColumns));
        }

        public string LogicalName { get; }

        public string PrimaryIdColumn { get; }

        /// <summary>The primary name column (fullname, name): the display name of a match.</summary>
        public string NameColumn { get; }

        /// <summary>The statecode of rows callers are matched to (Active; Open for leads).</summary>
        public int ActiveState { get; }

        /// <summary>The phone columns in the order a match reports the first that matched.</summary>
        public IReadOnlyList<PhoneColumn> PhoneColumns { get; }

        public IEnumerable<string> PhoneColumnNames => PhoneColumns.Select(c => c.Column);

        public IEnumerable<string> KeyColumnNames => PhoneColumns.Select(c => c.KeyColumn);

        public override string ToString() => LogicalName;
    }
}
