namespace VoiceForD365.Core.Registration
{
    /// <summary>Execution mode of a step, with Dataverse's numbers.</summary>
    public enum ExecutionMode
    {
        Synchronous = 0,
        Asynchronous = 1,
    }
}
