using System;

namespace VoiceForD365.Core.Numbers
{
    /// <summary>A phone column of a customer table and the text column that holds its number key.</summary>
    public sealed class PhoneColumn
    {
        public PhoneColumn(string column, string keyColumn)
        {
            Column = column ?? throw new ArgumentNullException(nameof(column));
            KeyColumn = keyColumn ?? throw new ArgumentNullException(nameof(keyColumn));
        }

        /// <summary>The phone column's logical name (telephone1, mobilephone, …).</summary>
        public string Column { get; }

        /// <summary>The key column's logical name (vfd_telephone1key, …): <see cref="PhoneNumber.Key"/> of the phone column's value.</summary>
        public string KeyColumn { get; }

        public override string ToString() => Column + " (" + KeyColumn + ")";
    }
}
