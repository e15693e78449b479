using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace VoiceForD365.Core.PhoneCalls
{
    /// <summary>
    /// The result of one run: how it ended, what it read, what it decided for each call event (counts and the
    /// decisions), the requests it made. The same facts are kept in the organization as a vfd_syncrun record
    /// (<see cref="RecordId"/>), except for a run that did not start because another worker holds the lease.
    /// </summary>
    public sealed class PhoneCallSyncSummary
    {
        internal PhoneCallSyncSummary(Guid runId, string workerId, PhoneCallSyncStatus status, string message, PhoneCallSyncKind kind,
            DateTime? windowFrom, DateTime? windowTo, DateTime started, TimeSpan duration, IReadOnlyList<PhoneCallDecision> decisions,
            int enreachRequests, int dataverseRequests, Guid? recordId)
        {
            RunId = runId;
            WorkerId = workerId;
            Status = status;
            Message = message;
            Kind = kind;
            WindowFrom = windowFrom;
            WindowTo = windowTo;
            Started = started;
            Duration = duration;
            Decisions = decisions;
            EnreachRequests = enreachRequests;
            DataverseRequests = dataverseRequests;
            RecordId = recordId;
            var skipped = new Dictionary<PhoneCallSkipReason, int>();
            foreach (var decision in decisions)
            {
                if (decision.Outcome != PhoneCallOutcome.Skipped) continue;
                skipped.TryGetValue(decision.SkipReason, out var count);
                skipped[decision.SkipReason] = count + 1;
            }
            SkippedByReason = skipped;
        }

        public Guid RunId { get; }

        public string WorkerId { get; }

        public PhoneCallSyncStatus Status { get; }

        /// <summary>True when every call event got its decision and every phone call was written.</summary>
        public bool Succeeded => Status == PhoneCallSyncStatus.Succeeded;

        /// <summary>How the run ended, in a sentence: why it failed or did not run, what to do.</summary>
        public string Message { get; }

        public PhoneCallSyncKind Kind { get; }

        /// <summary>The span read (UTC; by modification for a continuous run, by start for the retro); null when nothing was read.</summary>
        public DateTime? WindowFrom { get; }

        public DateTime? WindowTo { get; }

        public DateTime Started { get; }

        public TimeSpan Duration { get; }

        /// <summary>One per call event read, in the order they were decided.</summary>
        public IReadOnlyList<PhoneCallDecision> Decisions { get; }

        public int Created => Count(PhoneCallOutcome.Created);

        public int Merged => Count(PhoneCallOutcome.Merged);

        public int AlreadyLogged => Count(PhoneCallOutcome.AlreadyLogged);

        public int Skipped => Count(PhoneCallOutcome.Skipped);

        public int Failed => Count(PhoneCallOutcome.Failed);

        /// <summary>Decided but not written: the run stopped before their batch (the next run reads them again).</summary>
        public int NotWritten => Count(PhoneCallOutcome.NotWritten);

        /// <summary>Skipped call events by reason (reasons with none are absent).</summary>
        public IReadOnlyDictionary<PhoneCallSkipReason, int> SkippedByReason { get; }

        /// <summary>Enreach API requests the run made (one per endpoint and window; the client's retries not counted).</summary>
        public int EnreachRequests { get; }

        /// <summary>Dataverse requests the run made (an ExecuteMultiple is one), its run record included.</summary>
        public int DataverseRequests { get; }

        /// <summary>The vfd_syncrun record of the run; null when none was written (lease held, or Dataverse could not be reached).</summary>
        public Guid? RecordId { get; }

        /// <summary>The skipped events of one reason.</summary>
        public int SkippedFor(PhoneCallSkipReason reason) => SkippedByReason.TryGetValue(reason, out var count) ? count : 0;

        private int Count(PhoneCallOutcome outcome) => Decisions.Count(d => d.Outcome == outcome);

        /// <summary>The summary as <c>vfd sync --once</c> prints it: how it ended, the window, the counts and requests (not the decisions).</summary>
        public override string ToString()
        {
            var text = new StringBuilder();
            text.Append("Phone call sync ").Append(Kind.ToString().ToLowerInvariant()).Append(" run ").Append(RunId.ToString("D"))
                .Append(" by ").Append(WorkerId).Append(": ").Append(Status).Append(". ").Append(Message).AppendLine();
            if (WindowFrom != null && WindowTo != null)
                text.AppendFormat(CultureInfo.InvariantCulture, "Window: {0:yyyy-MM-dd HH:mm:ss} to {1:yyyy-MM-dd HH:mm:ss} UTC ({2}).", WindowFrom, WindowTo,
                    Kind == PhoneCallSyncKind.Retro ? "by start time" : "by modification time").AppendLine();
            text.AppendFormat(CultureInfo.InvariantCulture, "Call events: {0} read; {1} created, {2} merged with the widget's call, {3} already logged, {4} skipped, {5} failed",
                Decisions.Count, Created, Merged, AlreadyLogged, Skipped, Failed);
            if (NotWritten > 0) text.AppendFormat(CultureInfo.InvariantCulture, ", {0} not written (the run stopped before them)", NotWritten);
            text.AppendLine(".");
            if (SkippedByReason.Count > 0)
                text.Append("Skipped: ").Append(string.Join(", ", SkippedByReason.OrderBy(p => p.Key).Select(p => p.Key + " " + p.Value.ToString(CultureInfo.InvariantCulture)).ToArray())).AppendLine(".");
            text.AppendFormat(CultureInfo.InvariantCulture, "Requests: {0} to Enreach, {1} to Dataverse; {2:0.000} s.", EnreachRequests, DataverseRequests, Duration.TotalSeconds);
            return text.ToString();
        }
    }
}
