namespace VoiceForD365.Solution.Model;

/// <summary>The events that start the process on its table (workflow.triggeroncreate, triggeronupdateattributelist, triggerondelete).</summary>
public sealed record ProcessTrigger
{
    public bool OnCreate { get; init; }

    public bool OnUpdate { get; init; }

    /// <summary>With <see cref="OnUpdate"/>: only a change of one of these columns starts it; empty: any change.</summary>
    public IReadOnlyList<string> OnUpdateColumns { get; init; } = [];

    public bool OnDelete { get; init; }
}
