namespace VoiceForD365.Solution.Packing;

public sealed record ViewColumn(string Name, int Width);
