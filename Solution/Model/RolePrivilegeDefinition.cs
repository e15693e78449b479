namespace VoiceForD365.Solution.Model;

/// <summary>One privilege of a role: its Dataverse name (prvReadAccount, prvWritevfd_voicesetting...), depth, and why the role needs it.</summary>
public sealed record RolePrivilegeDefinition(string Name, PrivilegeDepth Depth, string Reason);
