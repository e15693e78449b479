namespace VoiceForD365.Solution.Model;

/// <summary>Process category, with Dataverse's numbers (workflow.category).</summary>
public enum ProcessCategory
{
    Workflow = 0,
}
