namespace VoiceForD365.Solution.Model;

/// <summary>A security role the solution ships, with exactly the privileges its work needs (see <c>SecurityRoles</c>).</summary>
public sealed record SecurityRoleDefinition(string Name, string Description)
{
    public IReadOnlyList<RolePrivilegeDefinition> Privileges { get; init; } = [];
}
