using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using VoiceForD365.Core.Schema;

namespace VoiceForD365.LocalOrg.Samples;

/// <summary>
/// Builds users, teams, security roles and memberships the way an administrator does: every step is an ordinary
/// request (Create, Associate), so the plug-ins registered on them run as they would for a person. The one way the
/// tests, the sample data, the demo and the benchmarks set up who holds which role (modelled on DLaB's
/// CrmEnvironmentBuilder and XrmMockup's CreateUser). <see cref="LocalOrganization.Builder"/> is the local
/// organization's; any other organization service gets one with <see cref="OrganizationBuilder(IOrganizationService)"/>.
/// </summary>
public sealed class OrganizationBuilder
{
    private readonly IOrganizationService _service;
    private readonly Func<string, Guid?> _knownRoleId;
    private readonly Dictionary<string, EntityReference> _roles = new(StringComparer.Ordinal);
    private EntityReference? _businessUnit;

    /// <summary>
    /// A builder for any organization: new records go to the caller's business unit (asked with WhoAmI when first
    /// needed) and a role is found by its name (one query per name, remembered).
    /// </summary>
    public OrganizationBuilder(IOrganizationService service) : this(service, null, _ => null)
    {
    }

    /// <param name="knownRoleId">The id of a role the organization is known to hold (the solution's), found without a request.</param>
    internal OrganizationBuilder(IOrganizationService service, EntityReference? businessUnit, Func<string, Guid?> knownRoleId)
    {
        ArgumentNullException.ThrowIfNull(service);
        _service = service;
        _businessUnit = businessUnit;
        _knownRoleId = knownRoleId;
    }

    /// <summary>The business unit new users, teams and roles belong to.</summary>
    public EntityReference BusinessUnit => _businessUnit ??= new EntityReference(
        Core.Schema.BusinessUnit.EntityName, (Guid)_service.Execute(new OrganizationRequest(MessageNames.WhoAmI)).Results[ParameterNames.BusinessUnitId]!);

    /// <summary>A user with an email, holding the given security roles directly.</summary>
    public EntityReference CreateUser(string fullName, string? email, params string[] roles) =>
        CreateUser(new Entity(SystemUser.EntityName) { [SystemUser.FullName] = fullName, [SystemUser.InternalEmailAddress] = email }, roles);

    /// <summary>
    /// A user from the given columns (at least the full name), completed as a new user of the admin center is: first and
    /// last name from the full name, the email as user name, the business unit, enabled. Columns given win.
    /// Then the given security roles, directly (one Associate).
    /// </summary>
    public EntityReference CreateUser(Entity user, params string[] roles)
    {
        ArgumentNullException.ThrowIfNull(user);
        var fullName = user.GetAttributeValue<string>(SystemUser.FullName)
            ?? throw new ArgumentException("A user needs a full name (fullname).", nameof(user));
        var row = new Entity(SystemUser.EntityName, user.Id);
        if (!user.Contains(SystemUser.FirstName) && !user.Contains(SystemUser.LastName))
        {
            var space = fullName.IndexOf(' ', StringComparison.Ordinal);
            // Dataverse requires the last name: a one-word name is one.
            row[SystemUser.FirstName] = space < 0 ? null : fullName[..space];
            row[SystemUser.LastName] = space < 0 ? fullName : fullName[(space + 1)..];
        }
        if (user.GetAttributeValue<string>(SystemUser.InternalEmailAddress) is { } email) row[SystemUser.DomainName] = email;
        if (!user.Contains(SystemUser.BusinessUnitId)) row[SystemUser.BusinessUnitId] = BusinessUnit;
        row[SystemUser.IsDisabled] = false;
        foreach (var column in user.Attributes) row[column.Key] = column.Value;

        var created = new EntityReference(SystemUser.EntityName, _service.Create(row)) { Name = fullName };
        AssignRoles(created, roles);
        return created;
    }

    /// <summary>An application user (a service principal: an application id, no email), holding the given security roles directly.</summary>
    public EntityReference CreateApplicationUser(string name, Guid applicationId, params string[] roles) =>
        CreateUser(new Entity(SystemUser.EntityName) { [SystemUser.FullName] = name, [SystemUser.ApplicationId] = applicationId }, roles);

    /// <summary>A team holding the given security roles (one Associate); its members get them through it.</summary>
    public EntityReference CreateTeam(string name, params string[] roles)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var team = new EntityReference(Team.EntityName, _service.Create(new Entity(Team.EntityName) { [Team.Name] = name, [Team.BusinessUnitId] = BusinessUnit })) { Name = name };
        AssignRoles(team, roles);
        return team;
    }

    /// <summary>Makes users members of a team: one Associate of teammembership_association, as adding members on the team's form does.</summary>
    public void AddToTeam(EntityReference team, params EntityReference[] users)
    {
        ArgumentNullException.ThrowIfNull(team);
        if (users.Length == 0) return;
        _service.Associate(Team.EntityName, team.Id, new Relationship(Relationships.TeamMembership),
            new EntityReferenceCollection(users.Select(u => new EntityReference(SystemUser.EntityName, u.Id)).ToList()));
    }

    /// <summary>Gives a user or a team security roles: one Associate (systemuserroles_association or teamroles_association), as Manage Roles does.</summary>
    public void AssignRoles(EntityReference userOrTeam, params string[] roles)
    {
        ArgumentNullException.ThrowIfNull(userOrTeam);
        if (roles.Length == 0) return;
        var relationship = userOrTeam.LogicalName switch
        {
            SystemUser.EntityName => Relationships.SystemUserRoles,
            Team.EntityName => Relationships.TeamRoles,
            _ => throw new ArgumentException($"Security roles are given to a user or a team, not to a {userOrTeam.LogicalName}.", nameof(userOrTeam)),
        };
        _service.Associate(userOrTeam.LogicalName, userOrTeam.Id, new Relationship(relationship), new EntityReferenceCollection(roles.Select(SecurityRole).ToList()));
    }

    /// <summary>Gives one security role to many users at once: one Associate from the role's side, as Manage Roles on a selection of users does.</summary>
    public void AssignRole(string role, IEnumerable<EntityReference> users)
    {
        ArgumentNullException.ThrowIfNull(users);
        var members = users.Select(u => new EntityReference(SystemUser.EntityName, u.Id)).ToList();
        if (members.Count == 0) return;
        _service.Associate(Role.EntityName, SecurityRole(role).Id, new Relationship(Relationships.SystemUserRoles), new EntityReferenceCollection(members));
    }

    /// <summary>The security role of that name.</summary>
    /// <exception cref="InvalidOperationException">The organization has no such role.</exception>
    public EntityReference SecurityRole(string name) =>
        FindRole(name) ?? throw new InvalidOperationException($"The organization has no security role '{name}': is the solution imported?");

    /// <summary>The security role of that name, or null when the organization has none.</summary>
    public EntityReference? FindRole(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (_roles.TryGetValue(name, out var known)) return known;
        var id = _knownRoleId(name);
        if (id == null)
        {
            var query = new QueryExpression(Role.EntityName) { ColumnSet = new ColumnSet(Role.Name), TopCount = 1 };
            query.Criteria.AddCondition(Role.Name, ConditionOperator.Equal, name);
            id = _service.RetrieveMultiple(query).Entities.FirstOrDefault()?.Id;
        }
        return id is { } found ? _roles[name] = new EntityReference(Role.EntityName, found) { Name = name } : null;
    }

    /// <summary>A new security role in the business unit (for an organization without the solution's roles).</summary>
    public EntityReference CreateRole(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var id = _service.Create(new Entity(Role.EntityName) { [Role.Name] = name, [Role.BusinessUnitId] = BusinessUnit });
        return _roles[name] = new EntityReference(Role.EntityName, id) { Name = name };
    }
}
