namespace VoiceForD365.Solution.Packing;

/// <summary>A column on a form.</summary>
public sealed record FormField(string Column, string Label, ControlKind Control)
{
    /// <summary>Shown read-only: the product writes it, people only read it.</summary>
    public bool ReadOnly { get; init; }
}
