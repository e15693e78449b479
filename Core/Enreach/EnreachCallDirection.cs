namespace VoiceForD365.Core.Enreach
{
    /// <summary>Which way a call went, seen from the agent (or the queue).</summary>
    public enum EnreachCallDirection
    {
        /// <summary>The other party called the agent or the queue.</summary>
        In,

        /// <summary>The agent called the other party.</summary>
        Out,
    }
}
