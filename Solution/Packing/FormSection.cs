namespace VoiceForD365.Solution.Packing;

public sealed record FormSection(string Name, string Label, IReadOnlyList<FormField> Fields)
{
    public bool ShowLabel { get; init; } = true;
}
