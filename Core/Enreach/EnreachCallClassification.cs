namespace VoiceForD365.Core.Enreach
{
    /// <summary>The privacy classification of a call (the user's choice in Voice Center); only Work calls are synced.</summary>
    public enum EnreachCallClassification
    {
        /// <summary>The user has not classified the call.</summary>
        Unclassified,

        /// <summary>A work call.</summary>
        Work,

        /// <summary>A private call, never logged.</summary>
        Private,
    }
}
