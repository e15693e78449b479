using System.Collections.Generic;
using System.Globalization;

namespace VoiceForD365.Core.Numbers
{
    /// <summary>What the rebuild did on one table. Every record read is counted once: updated, unchanged, changed meanwhile or failed.</summary>
    public sealed class NumberKeyTableSummary
    {
        internal NumberKeyTableSummary(string table, int read, int updated, int changedMeanwhile, int batches, IReadOnlyList<NumberKeyFailure> failures)
        {
            Table = table;
            Read = read;
            Updated = updated;
            ChangedMeanwhile = changedMeanwhile;
            Batches = batches;
            Failures = failures;
        }

        public string Table { get; }

        public int Read { get; }

        /// <summary>Records whose keys were written.</summary>
        public int Updated { get; }

        /// <summary>Records whose keys were already right: nothing was sent for them.</summary>
        public int Unchanged => Read - Updated - ChangedMeanwhile - Failed;

        /// <summary>
        /// Records changed by someone else between the read and the write (their row version moved): not written, so a
        /// key computed from an old number never overwrites the plug-in's. Running the rebuild again checks them.
        /// </summary>
        public int ChangedMeanwhile { get; }

        public int Failed => Failures.Count;

        /// <summary>ExecuteMultiple requests sent (each of at most 1,000 updates).</summary>
        public int Batches { get; }

        public IReadOnlyList<NumberKeyFailure> Failures { get; }

        public override string ToString() => string.Format(CultureInfo.InvariantCulture,
            "{0}: {1} read, {2} updated, {3} unchanged, {4} changed meanwhile, {5} failed", Table, Read, Updated, Unchanged, ChangedMeanwhile, Failed);
    }
}
