namespace VoiceForD365.Solution.Model;

/// <summary>Whose records trigger the process, with Dataverse's numbers (workflow.scope).</summary>
public enum ProcessScope
{
    User = 1,
    BusinessUnit = 2,
    ParentChildBusinessUnits = 3,
    Organization = 4,
}
