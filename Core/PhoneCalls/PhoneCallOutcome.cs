namespace VoiceForD365.Core.PhoneCalls
{
    /// <summary>What the sync did (or, explained, would do) with one call event.</summary>
    public enum PhoneCallOutcome
    {
        /// <summary>Logged as a new phone call.</summary>
        Created,

        /// <summary>The phone call the agent's widget had logged for the same call was completed and given the Enreach key.</summary>
        Merged,

        /// <summary>A phone call with the event's key (CallId, agent) exists: nothing written.</summary>
        AlreadyLogged,

        /// <summary>Not logged, for the <see cref="PhoneCallSkipReason"/> given.</summary>
        Skipped,

        /// <summary>Dataverse refused the phone call; the next runs try again.</summary>
        Failed,

        /// <summary>Decided, but the run stopped before its batch was sent; the next run reads the event again.</summary>
        NotWritten,
    }
}
