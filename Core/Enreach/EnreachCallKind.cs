namespace VoiceForD365.Core.Enreach
{
    /// <summary>What kind of call an event belongs to.</summary>
    public enum EnreachCallKind
    {
        /// <summary>A call to or from the user's own number (or mobile).</summary>
        Direct,

        /// <summary>A call to a service queue: an agent's event of it (<c>/calls</c>) or the queue's view (<c>/servicecall</c>).</summary>
        Service,
    }
}
