namespace VoiceForD365.Solution.Model;

/// <summary>A check on the primary record before the steps run (the process's "Check condition" step).</summary>
public sealed record ProcessCondition(string Column, ProcessConditionOperator Operator, object? Value = null);
