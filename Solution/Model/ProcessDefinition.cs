using VoiceForD365.Solution.Packing;

namespace VoiceForD365.Solution.Model;

/// <summary>
/// A process (classic workflow) the solution ships: the data the packer turns into the solution's workflow
/// definition (XAML) and that the local organization runs. Data only: no behaviour lives here.
/// </summary>
public sealed record ProcessDefinition(string UniqueName, string Name, string PrimaryEntity)
{
    /// <summary>The workflow id: derived from the unique name, so every build (and every upgrade) has the same.</summary>
    public Guid Id => StableGuid.For("workflow", UniqueName);

    public string Description { get; init; } = "";

    public ProcessCategory Category { get; init; } = ProcessCategory.Workflow;

    public ProcessMode Mode { get; init; } = ProcessMode.Background;

    public ProcessScope Scope { get; init; } = ProcessScope.Organization;

    public ProcessRunAs RunAs { get; init; } = ProcessRunAs.Owner;

    public ProcessTrigger Trigger { get; init; } = new();

    /// <summary>Also offered to run on demand from a record.</summary>
    public bool OnDemand { get; init; }

    /// <summary>All must hold for the steps to run (evaluated against the primary record when the process runs).</summary>
    public IReadOnlyList<ProcessCondition> Conditions { get; init; } = [];

    public IReadOnlyList<ProcessStep> Steps { get; init; } = [];

    /// <summary>Activated when the solution is imported (statecode Activated), so it runs without an admin's action.</summary>
    public bool ActivateOnImport { get; init; }
}
