using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;

namespace VoiceForD365.Core.Numbers
{
    /// <summary>The number keys of a customer record's phone columns (<see cref="PhoneNumber.Key"/>).</summary>
    public static class NumberKeys
    {
        /// <summary>
        /// Sets, in <paramref name="target"/> (a Create or Update target), the key column of each phone column it
        /// carries: the key of the number, or null when the number was cleared or holds no digit. Columns it does not
        /// carry are not changing, so their keys are left alone. Returns the phone columns whose keys were set.
        /// </summary>
        public static IReadOnlyList<PhoneColumn> Apply(Entity target, CustomerTable table)
        {
            if (target == null) throw new ArgumentNullException(nameof(target));
            if (table == null) throw new ArgumentNullException(nameof(table));
            var applied = new List<PhoneColumn>();
            foreach (var column in table.PhoneColumns)
            {
                if (!target.Contains(column.Column)) continue;
                target[column.KeyColumn] = PhoneNumber.KeyOf(target.GetAttributeValue<string>(column.Column));
                applied.Add(column);
            }
            return applied;
        }

        /// <summary>
        /// The key columns of <paramref name="record"/> (read with its phone and key columns) that don't hold the key
        /// of their phone column, with the key they should hold (null: cleared). Empty when every key is right.
        /// </summary>
        public static IReadOnlyDictionary<string, string?> Stale(Entity record, CustomerTable table)
        {
            if (record == null) throw new ArgumentNullException(nameof(record));
            if (table == null) throw new ArgumentNullException(nameof(table));
            var stale = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var column in table.PhoneColumns)
            {
                var key = PhoneNumber.KeyOf(record.GetAttributeValue<string>(column.Column));
                var current = record.GetAttributeValue<string>(column.KeyColumn);
                if (string.IsNullOrEmpty(current)) current = null;
                if (!string.Equals(key, current, StringComparison.Ordinal)) stale[column.KeyColumn] = key;
            }
            return stale;
        }
    }
}
