using System.Collections.Generic;
using System.Linq;

namespace VoiceForD365.Core.Numbers
{
    /// <summary>What a rebuild of the number keys did, per table and in all.</summary>
    public sealed class NumberKeyRebuildSummary
    {
        internal NumberKeyRebuildSummary(IReadOnlyList<NumberKeyTableSummary> tables) => Tables = tables;

        public IReadOnlyList<NumberKeyTableSummary> Tables { get; }

        public int Read => Tables.Sum(t => t.Read);

        public int Updated => Tables.Sum(t => t.Updated);

        public int Unchanged => Tables.Sum(t => t.Unchanged);

        public int ChangedMeanwhile => Tables.Sum(t => t.ChangedMeanwhile);

        public int Failed => Tables.Sum(t => t.Failed);

        public IEnumerable<NumberKeyFailure> Failures => Tables.SelectMany(t => t.Failures);

        /// <summary>Every record read now has its keys right (nothing failed or was changed meanwhile).</summary>
        public bool Complete => Failed == 0 && ChangedMeanwhile == 0;

        public override string ToString() => string.Join("; ", Tables);
    }
}
