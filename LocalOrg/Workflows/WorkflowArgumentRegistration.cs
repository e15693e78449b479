using System.Activities;

namespace VoiceForD365.LocalOrg.Workflows;

/// <summary>An input or output argument of a custom workflow activity, as the process designer sees it.</summary>
public sealed record WorkflowArgumentRegistration(string Name, string DisplayName, ArgumentDirection Direction, Type ValueType, bool IsRequired, string? ReferenceTarget);
