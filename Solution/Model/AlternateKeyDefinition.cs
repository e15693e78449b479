namespace VoiceForD365.Solution.Model;

public sealed record AlternateKeyDefinition(string LogicalName, string DisplayName, IReadOnlyList<string> Columns);
