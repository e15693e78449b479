using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.Xrm.Sdk;
using VoiceForD365.Core.Schema;

namespace VoiceForD365.Core.PhoneCalls
{
    /// <summary>The vfd_syncrun record of a run: one Create when the run ends.</summary>
    internal static class SyncRunRecord
    {
        public static Entity Of(PhoneCallSyncSummary summary)
        {
            var record = new Entity(SyncRun.EntityName, summary.RunId);
            record[SyncRun.Name] = Cut(string.Format(CultureInfo.InvariantCulture, "{0} {1} {2:yyyy-MM-dd HH:mm:ss}", PhoneCallSync.JobName,
                summary.Kind.ToString().ToLowerInvariant(), summary.Started), 200);
            record[SyncRun.Job] = PhoneCallSync.JobName;
            record[SyncRun.Worker] = Cut(summary.WorkerId, 200);
            record[SyncRun.Kind] = new OptionSetValue(KindOf(summary.Kind));
            record[SyncRun.Status] = new OptionSetValue(StatusOf(summary.Status));
            record[SyncRun.Message] = Cut(summary.Message, SyncRun.MessageMaxLength);
            if (summary.WindowFrom != null) record[SyncRun.WindowFrom] = summary.WindowFrom.Value;
            if (summary.WindowTo != null) record[SyncRun.WindowTo] = summary.WindowTo.Value;
            record[SyncRun.Started] = summary.Started;
            record[SyncRun.Duration] = (int)Math.Min(int.MaxValue, Math.Max(0, summary.Duration.TotalMilliseconds));
            record[SyncRun.Created] = summary.Created;
            record[SyncRun.Merged] = summary.Merged;
            record[SyncRun.AlreadyLogged] = summary.AlreadyLogged;
            record[SyncRun.Skipped] = summary.Skipped;
            record[SyncRun.SkippedNotWork] = summary.SkippedFor(PhoneCallSkipReason.NotWork);
            record[SyncRun.SkippedTooShort] = summary.SkippedFor(PhoneCallSkipReason.TooShort);
            record[SyncRun.SkippedNotAnswered] = summary.SkippedFor(PhoneCallSkipReason.NotAnswered);
            record[SyncRun.SkippedTurnedOff] = summary.SkippedFor(PhoneCallSkipReason.DirectCallsOff) + summary.SkippedFor(PhoneCallSkipReason.ServiceCallsOff) +
                                               summary.SkippedFor(PhoneCallSkipReason.UnansweredServiceCallsOff);
            record[SyncRun.SkippedMultipleMatches] = summary.SkippedFor(PhoneCallSkipReason.MultipleMatches);
            record[SyncRun.Failed] = summary.Failed;
            record[SyncRun.EnreachRequests] = summary.EnreachRequests;
            // Its own Create included.
            record[SyncRun.DataverseRequests] = summary.DataverseRequests + 1;
            record[SyncRun.Decisions] = Decisions(summary.Decisions.Where(d => d.Outcome == PhoneCallOutcome.Failed).Concat(summary.Decisions.Where(d => d.Outcome != PhoneCallOutcome.Failed))
                .Select(d => d.ToString()));
            return record;
        }

        /// <summary>One line each, in the order given; cut where the column ends, saying how many were left out.</summary>
        internal static string Decisions(IEnumerable<string> decisions)
        {
            var text = new StringBuilder();
            var lines = decisions.ToList();
            for (var i = 0; i < lines.Count; i++)
            {
                var line = lines[i];
                var rest = string.Format(CultureInfo.InvariantCulture, "... and {0} more (the worker's log has every decision)", lines.Count - i);
                if (text.Length + line.Length + 2 + rest.Length > SyncRun.DecisionsMaxLength)
                {
                    text.Append(rest);
                    break;
                }
                text.Append(line).Append('\n');
            }
            return text.ToString();
        }

        private static int KindOf(PhoneCallSyncKind kind) =>
            kind == PhoneCallSyncKind.Retro ? SyncRunKind.Retro : kind == PhoneCallSyncKind.Debug ? SyncRunKind.Debug : SyncRunKind.Continuous;

        internal static int StatusOf(PhoneCallSyncStatus status)
        {
            switch (status)
            {
                case PhoneCallSyncStatus.Succeeded: return SyncRunStatus.Succeeded;
                case PhoneCallSyncStatus.CallsFailed: return SyncRunStatus.CallsFailed;
                case PhoneCallSyncStatus.Stopped: return SyncRunStatus.Stopped;
                case PhoneCallSyncStatus.NotConfigured: return SyncRunStatus.NotConfigured;
                default: return SyncRunStatus.Failed;
            }
        }

        internal static string Cut(string text, int length) => text.Length <= length ? text : text.Substring(0, length - 3) + "...";
    }
}
