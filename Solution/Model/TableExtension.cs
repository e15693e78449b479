namespace VoiceForD365.Solution.Model;

/// <summary>Columns and keys that the solution adds to a table it does not own (systemuser, phonecall).</summary>
public sealed record TableExtension(string TableLogicalName, IReadOnlyList<ColumnDefinition> Columns, IReadOnlyList<AlternateKeyDefinition> Keys);
