namespace VoiceForD365.Solution.Packing;

/// <summary>A FetchXML condition: attribute, operator (eq, ne, null, not-null, like...) and value.</summary>
public sealed record ViewCondition(string Attribute, string Operator, string? Value = null);
