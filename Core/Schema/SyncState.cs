namespace VoiceForD365.Core.Schema
{
    /// <summary>
    /// vfd_syncstate: one row per sync job of the organization (e.g. PhoneCallSync), unique by name. It holds the job's
    /// lease and checkpoints; every write carries the row version it read (optimistic concurrency), so two workers can
    /// never both believe they hold the lease.
    /// </summary>
    public static class SyncState
    {
        public const string EntityName = "vfd_syncstate";
        public const string PrimaryId = "vfd_syncstateid";

        /// <summary>The job (primary name), e.g. PhoneCallSync.</summary>
        public const string Name = "vfd_name";

        public const string NameKey = "vfd_syncstate_name";

        /// <summary>The worker that holds the lease; empty: nobody.</summary>
        public const string LeaseOwner = "vfd_leaseowner";

        /// <summary>When the lease ends unless renewed (UTC).</summary>
        public const string LeaseExpires = "vfd_leaseexpires";

        /// <summary>The end (ModifiedBefore) of the last window whose every event was written or decided (UTC).</summary>
        public const string Checkpoint = "vfd_checkpoint";

        /// <summary>The moment of the next nightly retro run (UTC), picked once per night.</summary>
        public const string NextRetro = "vfd_nextretro";

        /// <summary>The start-time window of a retro run under way (UTC): from, to, and how far it has written.</summary>
        public const string RetroFrom = "vfd_retrofrom";

        public const string RetroTo = "vfd_retroto";

        public const string RetroProgress = "vfd_retroprogress";

        /// <summary>The run that holds or last held the lease (its vfd_syncrun id) and when it started.</summary>
        public const string LastRunId = "vfd_lastrunid";

        public const string LastRunStarted = "vfd_lastrunstarted";

        /// <summary>When <c>vfd sync --refresh</c> asked every worker to read the callback profiles and settings again (the CallbackSync row).</summary>
        public const string RefreshRequested = "vfd_refreshrequested";
    }
}
