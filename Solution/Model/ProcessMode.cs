namespace VoiceForD365.Solution.Model;

/// <summary>Background (asynchronous, a system job) or real-time (synchronous, inside the triggering request), with Dataverse's numbers (workflow.mode).</summary>
public enum ProcessMode
{
    Background = 0,
    RealTime = 1,
}
