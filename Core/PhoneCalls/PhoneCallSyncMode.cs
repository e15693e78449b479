namespace VoiceForD365.Core.PhoneCalls
{
    /// <summary>What a host asks a run to read.</summary>
    public enum PhoneCallSyncMode
    {
        /// <summary>
        /// The worker's default: what changed since the last run, except once a night, at the moment picked for the
        /// organization between 22:00 and 23:30 UTC (or as soon as a worker runs after it), when the run re-reads the
        /// past 24 hours instead. A retro run that stopped is resumed by the next run.
        /// </summary>
        Scheduled,

        /// <summary>What changed since the last run, never the retro (the nightly schedule is left as it is).</summary>
        Continuous,

        /// <summary>The past 24 hours now (<c>vfd sync --retro</c>), whatever the schedule.</summary>
        Retro,
    }
}
