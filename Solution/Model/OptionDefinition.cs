namespace VoiceForD365.Solution.Model;

public sealed record OptionDefinition(int Value, string Label);
