using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using VoiceForD365.Core.Schema;
using VoiceForD365.LocalOrg.Samples;

namespace VoiceForD365.Cli.Demo.Scenarios;

/// <summary>QueryExpressions over the sample data: a join, a phone number prefix, and who holds the Voice User role.</summary>
public sealed class SampleQueriesScenario : IDemoScenario
{
    private const string AccountAlias = "account";

    public string Name => "queries";

    public string Title => "Sample queries";

    public string Summary => "QueryExpressions over the sample data: a join, a phone number prefix, the Voice users";

    public int Order => 50;

    public IReadOnlyList<Type> Requires => [typeof(SampleDataScenario)];

    public string ReadMore => "Why a local organization (and not FakeXrmEasy)";

    public void Run(DemoContext context)
    {
        var service = context.Organization.Service;
        var detail = context.Detail;
        var brief = context.Brief;

        var contacts = new QueryExpression(Contact.EntityName) { ColumnSet = new ColumnSet(Contact.FullName, Contact.Telephone1) };
        var account = contacts.AddLink(Account.EntityName, Contact.ParentCustomerId, Account.PrimaryId, JoinOperator.Inner);
        account.EntityAlias = AccountAlias;
        account.Columns = new ColumnSet(Account.Name, Account.Telephone1);
        contacts.AddOrder(Contact.FullName, OrderType.Ascending);
        var contactRows = service.RetrieveMultiple(contacts).Entities;
        detail.WriteLine($"  Contacts with their account (contact {Contact.ParentCustomerId} -> account, inner join), by name: {DemoRunner.Plural(contactRows.Count, "row")}");
        TextTable.Write(detail, ["contact", "phone", "account", "account phone"],
            contactRows.Select(c => (IReadOnlyList<string>)
            [
                c.GetAttributeValue<string>(Contact.FullName) ?? "",
                c.GetAttributeValue<string>(Contact.Telephone1) ?? "",
                Aliased(c, Account.Name),
                Aliased(c, Account.Telephone1),
            ]), "    ");
        brief.WriteLine($"  Contacts with their account (inner join): {string.Join(", ", contactRows.Select(c => $"{c.GetAttributeValue<string>(Contact.FullName)} ({Aliased(c, Account.Name)})"))}");

        detail.WriteLine();
        var accounts = new QueryExpression(Account.EntityName) { ColumnSet = new ColumnSet(Account.Name, Account.Telephone1) };
        accounts.Criteria.AddCondition(Account.Telephone1, ConditionOperator.BeginsWith, SampleData.HelsinkiSwitchboardPrefix);
        accounts.AddOrder(Account.Name, OrderType.Ascending);
        var accountRows = service.RetrieveMultiple(accounts).Entities;
        detail.WriteLine($"  Accounts whose main phone begins with \"{SampleData.HelsinkiSwitchboardPrefix}\": {DemoRunner.Plural(accountRows.Count, "row")}");
        TextTable.Write(detail, ["account", "main phone"],
            accountRows.Select(a => (IReadOnlyList<string>)[a.GetAttributeValue<string>(Account.Name) ?? "", a.GetAttributeValue<string>(Account.Telephone1) ?? ""]), "    ");
        brief.WriteLine($"  Accounts whose main phone begins with \"{SampleData.HelsinkiSwitchboardPrefix}\": {string.Join(", ", accountRows.Select(a => a.GetAttributeValue<string>(Account.Name)))}");

        detail.WriteLine();
        var role = context.Sample.VoiceUserRole;
        var holders = DirectRoleHolders(service, role.Id).Select(name => (IReadOnlyList<string>)[name, "directly"])
            .Concat(TeamRoleHolders(service, role.Id).Select(name => (IReadOnlyList<string>)[name, "through a team"]))
            .ToList();
        detail.WriteLine($"  Users holding the {Role.VoiceUser} role (systemuserroles, or teammembership + teamroles): {DemoRunner.Plural(holders.Count, "user")}");
        TextTable.Write(detail, ["user", "role held"], holders, "    ");
        brief.WriteLine($"  Users holding the {Role.VoiceUser} role: {string.Join(", ", holders.Select(h => $"{h[0]} ({h[1]})"))}");
        context.Conclude($"{contactRows.Count} contacts with their account, {accountRows.Count} accounts by phone prefix, {DemoRunner.Plural(holders.Count, "Voice user")}");
    }

    private static IEnumerable<string> DirectRoleHolders(IOrganizationService service, Guid roleId)
    {
        var query = new QueryExpression(SystemUser.EntityName) { ColumnSet = new ColumnSet(SystemUser.FullName) };
        var link = query.AddLink(Relationships.SystemUserRolesIntersect, SystemUser.PrimaryId, SystemUser.PrimaryId);
        link.LinkCriteria.AddCondition(Role.PrimaryId, ConditionOperator.Equal, roleId);
        query.AddOrder(SystemUser.FullName, OrderType.Ascending);
        return service.RetrieveMultiple(query).Entities.Select(u => u.GetAttributeValue<string>(SystemUser.FullName) ?? "");
    }

    private static IEnumerable<string> TeamRoleHolders(IOrganizationService service, Guid roleId)
    {
        var query = new QueryExpression(SystemUser.EntityName) { ColumnSet = new ColumnSet(SystemUser.FullName), Distinct = true };
        var membership = query.AddLink(Relationships.TeamMembershipIntersect, SystemUser.PrimaryId, SystemUser.PrimaryId);
        var teamRoles = membership.AddLink(Relationships.TeamRolesIntersect, Team.PrimaryId, Team.PrimaryId);
        teamRoles.LinkCriteria.AddCondition(Role.PrimaryId, ConditionOperator.Equal, roleId);
        query.AddOrder(SystemUser.FullName, OrderType.Ascending);
        return service.RetrieveMultiple(query).Entities.Select(u => u.GetAttributeValue<string>(SystemUser.FullName) ?? "");
    }

    private static string Aliased(Entity row, string column) =>
        row.GetAttributeValue<AliasedValue>($"{AccountAlias}.{column}")?.Value as string ?? "";
}
