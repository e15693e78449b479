namespace VoiceForD365.Core.Schema
{
    /// <summary>
    /// vfd_syncrun: the summary of one run of a sync job, written when the run ends: what it read, what it decided for
    /// the calls (counts by outcome and the decisions as text), the requests it made and how it ended. The Configurator
    /// app shows them.
    /// </summary>
    public static class SyncRun
    {
        public const string EntityName = "vfd_syncrun";
        public const string PrimaryId = "vfd_syncrunid";

        /// <summary>Primary name: job, kind and start, e.g. "PhoneCallSync continuous 2025-01-06 10:00:00".</summary>
        public const string Name = "vfd_name";

        public const string Job = "vfd_job";
        public const string Worker = "vfd_worker";
        public const string Kind = "vfd_kind";
        public const string Status = "vfd_status";

        /// <summary>How the run ended, in a sentence (why it failed or did not run).</summary>
        public const string Message = "vfd_message";

        public const string WindowFrom = "vfd_windowfrom";
        public const string WindowTo = "vfd_windowto";
        public const string Started = "vfd_started";

        /// <summary>Milliseconds.</summary>
        public const string Duration = "vfd_duration";

        public const string Created = "vfd_created";
        public const string Merged = "vfd_merged";
        public const string AlreadyLogged = "vfd_alreadylogged";
        public const string Skipped = "vfd_skipped";
        public const string Failed = "vfd_failed";
        public const string SkippedNotWork = "vfd_skippednotwork";
        public const string SkippedTooShort = "vfd_skippedtooshort";
        public const string SkippedNotAnswered = "vfd_skippednotanswered";

        /// <summary>Skipped because ProcessDirectCalls, ProcessServiceCalls or ProcessServiceCallsUnanswered is off.</summary>
        public const string SkippedTurnedOff = "vfd_skippedturnedoff";
        public const string SkippedMultipleMatches = "vfd_skippedmultiplematches";

        /// <summary>Callback requests closed in Enreach by the run (the callback sync).</summary>
        public const string Closed = "vfd_closed";

        /// <summary>Callback requests logged whose close Enreach refused; the next run retries the close only.</summary>
        public const string CloseFailed = "vfd_closefailed";
        public const string EnreachRequests = "vfd_enreachrequests";
        public const string DataverseRequests = "vfd_dataverserequests";

        /// <summary>One line per call event and its decision (bounded; the worker's log has them all).</summary>
        public const string Decisions = "vfd_decisions";

        /// <summary>The longest text <see cref="Decisions"/> holds.</summary>
        public const int DecisionsMaxLength = 100000;

        /// <summary>The longest text <see cref="Message"/> holds.</summary>
        public const int MessageMaxLength = 4000;
    }

    /// <summary>vfd_syncrun.vfd_kind: what a run read.</summary>
    public static class SyncRunKind
    {
        /// <summary>What changed since the last run (ModifiedAfter / ModifiedBefore).</summary>
        public const int Continuous = 100000000;

        /// <summary>The nightly re-read of the past 24 hours by start time.</summary>
        public const int Retro = 100000001;

        /// <summary>RunInDebugMode: the past 45 days.</summary>
        public const int Debug = 100000002;

        /// <summary>The callback sync: the requests of every active profile's list within its age window.</summary>
        public const int Callback = 100000003;
    }

    /// <summary>vfd_syncrun.vfd_status: how a run ended.</summary>
    public static class SyncRunStatus
    {
        public const int Succeeded = 100000000;
        public const int CallsFailed = 100000001;
        public const int Failed = 100000002;
        public const int Stopped = 100000003;
        public const int NotConfigured = 100000004;
    }
}
