namespace VoiceForD365.Core.Callbacks
{
    /// <summary>What the callback sync did (or, explained, would do) with one open callback request.</summary>
    public enum CallbackOutcome
    {
        /// <summary>Logged as a new phone call.</summary>
        Created,

        /// <summary>A phone call with the request's id exists (an earlier run or another worker): only the close is retried.</summary>
        AlreadyLogged,

        /// <summary>Not logged (several customers have the number, and the settings say not to choose): left open in Enreach.</summary>
        Skipped,

        /// <summary>Dataverse refused the phone call; the request stays open in Enreach and the next runs try again.</summary>
        Failed,

        /// <summary>Decided, but the run stopped before its batch was sent; the next run reads the request again.</summary>
        NotWritten,
    }

    /// <summary>What became of a callback request's close in Enreach.</summary>
    public enum CallbackCloseOutcome
    {
        /// <summary>Not tried: the request has no phone call (yet), or the run stopped first.</summary>
        NotTried,

        Closed,

        /// <summary>Enreach refused or could not be reached; the next run finds the phone call and retries the close only.</summary>
        Failed,
    }
}
