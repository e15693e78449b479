namespace VoiceForD365.Solution.Model;

public sealed record OptionDefinition(int Value, string Label)
{
    /// <summary>A status reason's state (the statecode value it belongs to); null when not given (choices, states).</summary>
    public int? State { get; init; }
}
