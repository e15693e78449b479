using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using VoiceForD365.Core.Schema;

namespace VoiceForD365.Core.Routing
{
    /// <summary>One line of the queue priority table: a case priority and/or severity, and the Webex queue priority it gives.</summary>
    public sealed class QueuePriorityEntry
    {
        public QueuePriorityEntry(int? casePriority, int? severity, int queuePriority)
        {
            if (casePriority == null && severity == null) throw new ArgumentException("A queue priority entry names a case priority, a severity or both.");
            QueuePriorityMap.CheckPriority(queuePriority, nameof(queuePriority));
            CasePriority = casePriority;
            Severity = severity;
            QueuePriority = queuePriority;
        }

        /// <summary>The case's prioritycode (1 High, 2 Normal, 3 Low); null: any.</summary>
        public int? CasePriority { get; }

        /// <summary>The case's severitycode; null: any.</summary>
        public int? Severity { get; }

        public int QueuePriority { get; }

        internal int Specificity => (CasePriority != null ? 1 : 0) + (Severity != null ? 1 : 0);

        internal bool Matches(CallerCase activeCase) =>
            (CasePriority == null || CasePriority == activeCase.PriorityCode) && (Severity == null || Severity == activeCase.SeverityCode);

        public override string ToString() =>
            "priority " + (CasePriority?.ToString(CultureInfo.InvariantCulture) ?? "any") + ", severity " + (Severity?.ToString(CultureInfo.InvariantCulture) ?? "any") +
            " → " + QueuePriority.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The Webex queue priority of a caller (1 the most urgent … 10 the least, as Webex's P1–P10), from their latest
    /// active case: the entry naming both the case's priority and its severity wins over one naming either, the first
    /// listed among equals. A caller without an active case (or whose case no entry names) gets
    /// <see cref="WithoutCase"/>, an unknown caller <see cref="UnknownCaller"/>.
    /// </summary>
    public sealed class QueuePriorityMap
    {
        public const int Highest = 1;
        public const int Lowest = 10;

        public QueuePriorityMap(IEnumerable<QueuePriorityEntry> entries, int withoutCase, int unknownCaller)
        {
            if (entries == null) throw new ArgumentNullException(nameof(entries));
            CheckPriority(withoutCase, nameof(withoutCase));
            CheckPriority(unknownCaller, nameof(unknownCaller));
            Entries = entries.ToList();
            WithoutCase = withoutCase;
            UnknownCaller = unknownCaller;
        }

        /// <summary>High 2, Normal 4, Low 5; no active case 6; unknown caller 6 (1 is left for what an organization adds, e.g. High and a critical severity).</summary>
        public static QueuePriorityMap Default { get; } = new QueuePriorityMap(
            new[]
            {
                new QueuePriorityEntry(IncidentPriority.High, null, 2),
                new QueuePriorityEntry(IncidentPriority.Normal, null, 4),
                new QueuePriorityEntry(IncidentPriority.Low, null, 5),
            },
            withoutCase: 6, unknownCaller: 6);

        public IReadOnlyList<QueuePriorityEntry> Entries { get; }

        public int WithoutCase { get; }

        public int UnknownCaller { get; }

        /// <summary>The queue priority of a known caller with this latest active case (null: none).</summary>
        public int ForKnownCaller(CallerCase? activeCase)
        {
            if (activeCase == null) return WithoutCase;
            var entry = Entries.Where(e => e.Matches(activeCase)).OrderByDescending(e => e.Specificity).FirstOrDefault();
            return entry?.QueuePriority ?? WithoutCase;
        }

        internal static void CheckPriority(int priority, string name)
        {
            if (priority < Highest || priority > Lowest)
                throw new ArgumentOutOfRangeException(name, priority, "A Webex queue priority is a whole number from " + Highest + " (the most urgent) to " + Lowest + ".");
        }
    }
}
