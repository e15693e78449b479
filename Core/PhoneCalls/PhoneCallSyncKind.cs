namespace VoiceForD365.Core.PhoneCalls
{
    /// <summary>What a run read.</summary>
    public enum PhoneCallSyncKind
    {
        /// <summary>Call events Enreach changed since the last run (ModifiedAfter with an overlap), at most ExecutionInterval back.</summary>
        Continuous,

        /// <summary>Calls that started in the past 24 hours (StartTime / EndTime): the nightly retro.</summary>
        Retro,

        /// <summary>RunInDebugMode: call events changed in the past 45 days.</summary>
        Debug,
    }
}
