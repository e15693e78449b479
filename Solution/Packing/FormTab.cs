namespace VoiceForD365.Solution.Packing;

public sealed record FormTab(string Name, string Label, IReadOnlyList<FormSection> Sections);
