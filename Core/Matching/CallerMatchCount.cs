namespace VoiceForD365.Core.Matching
{
    /// <summary>How many customer records a caller's number matched: the three cases the settings decide on.</summary>
    public enum CallerMatchCount
    {
        /// <summary>Unknown caller: logged with the number only.</summary>
        None = 0,

        /// <summary>One record: the caller.</summary>
        One = 1,

        /// <summary>Several records: MultipleMatchesPickFirst, EnableMultipleMatchCreate or a skip decide.</summary>
        Several = 2,
    }
}
