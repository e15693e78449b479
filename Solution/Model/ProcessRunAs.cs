namespace VoiceForD365.Solution.Model;

/// <summary>Who a process runs as, with Dataverse's numbers (workflow.runas). A background process always runs as its owner.</summary>
public enum ProcessRunAs
{
    Owner = 0,
    CallingUser = 1,
}
