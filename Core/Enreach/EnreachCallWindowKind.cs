namespace VoiceForD365.Core.Enreach
{
    /// <summary>What an <see cref="EnreachCallWindow"/> filters on.</summary>
    public enum EnreachCallWindowKind
    {
        /// <summary>When the calls started (<c>StartTime</c> and <c>EndTime</c>).</summary>
        StartTime,

        /// <summary>When Enreach last changed the call events (<c>ModifiedAfter</c> and <c>ModifiedBefore</c>).</summary>
        Modified,
    }
}
