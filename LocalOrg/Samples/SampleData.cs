using Microsoft.Xrm.Sdk;
using VoiceForD365.Core.Schema;
using LeadTable = VoiceForD365.Core.Schema.Lead;
using RoutingRuleTable = VoiceForD365.Core.Schema.RoutingRule;

namespace VoiceForD365.LocalOrg.Samples;

/// <summary>
/// A small, fixed set of sample records (users with the Voice User role directly or through a team, accounts with
/// phone numbers, their contacts, a lead, cases, and the routing rules of a service desk), seeded through the organization service so the pipeline runs for them as
/// for any caller. The one copy of the sample data: the CLI demo, the tests and the benchmarks use it.
/// </summary>
public sealed class SampleData
{
    /// <summary>The team that holds the Voice User role; its members get the role through it.</summary>
    public const string ServiceDeskTeamName = "Service Desk";

    /// <summary>The first digits of the Helsinki switchboard numbers of the sample accounts (Contoso, Northwind).</summary>
    public const string HelsinkiSwitchboardPrefix = "+358 9 4242";

    /// <summary>Email of the sample user Aino Virtanen (Voice User role assigned directly).</summary>
    public const string AinoEmail = "aino.virtanen@contoso.test";

    /// <summary>Email of the sample user Mikko Korhonen (Voice User through the Service Desk team).</summary>
    public const string MikkoEmail = "mikko.korhonen@contoso.test";

    /// <summary>Email of the sample user Sara Lindqvist (no Voice role).</summary>
    public const string SaraEmail = "sara.lindqvist@contoso.test";

    /// <summary>The service desk's Enreach pool: where calls arrive (Enreach's bnum) and SmartRouting is asked.</summary>
    public const string ServiceDeskNumber = "+358942425000";

    /// <summary>The queue for contacts and accounts of preferred customers.</summary>
    public const string VipQueueNumber = "+358942425100";

    /// <summary>The queue for callers with an open high-priority case.</summary>
    public const string PrioritySupportNumber = "+358942425200";

    /// <summary>The sales queue, for leads.</summary>
    public const string SalesNumber = "+358942425300";

    /// <summary>Liisa Mäkinen's mobile phone: a contact of Contoso Oy, a preferred customer.</summary>
    public const string LiisaMobile = "+358 40 123 4567";

    /// <summary>Erik Johansson's mobile phone: a contact of Fabrikam AB with an open high-priority case.</summary>
    public const string ErikMobile = "+46 70 123 4567";

    /// <summary>Pekka Laine's mobile phone: a lead.</summary>
    public const string PekkaMobile = "+358 45 987 6543";

    private static readonly string[] GeneratedFirstNames = ["Aino", "Eero", "Helmi", "Ilmari", "Kaisa", "Lauri", "Noora", "Otto", "Siiri", "Veikko"];

    private static readonly string[] GeneratedLastNames =
        ["Heikkinen", "Hämäläinen", "Koskinen", "Laine", "Lehtonen", "Mäkelä", "Nieminen", "Salminen", "Virtanen", "Järvinen", "Korhonen", "Mäkinen"];

    private readonly List<SeededRecord> _records = new();
    private readonly List<EntityReference> _users = new();
    private readonly List<EntityReference> _accounts = new();
    private readonly List<EntityReference> _contacts = new();
    private readonly List<EntityReference> _cases = new();
    private readonly List<EntityReference> _routingRules = new();

    private SampleData()
    {
    }

    /// <summary>Every record seeded, in the order it was created.</summary>
    public IReadOnlyList<SeededRecord> Records => _records;

    public EntityReference VoiceUserRole { get; private set; } = null!;

    /// <summary>True when the Voice User role was already in the organization (imported with the solution); false when seeding created it.</summary>
    public bool VoiceUserRoleExisted { get; private set; }

    /// <summary>Aino Virtanen (Voice User role), Mikko Korhonen (Voice User through the Service Desk team), Sara Lindqvist (no Voice role).</summary>
    public IReadOnlyList<EntityReference> Users => _users;

    public EntityReference ServiceDeskTeam { get; private set; } = null!;

    /// <summary>Contoso Oy, Fabrikam AB, Northwind Traders Oy.</summary>
    public IReadOnlyList<EntityReference> Accounts => _accounts;

    /// <summary>Four contacts, each with an account as parent customer.</summary>
    public IReadOnlyList<EntityReference> Contacts => _contacts;

    public EntityReference Lead { get; private set; } = null!;

    /// <summary>Erik Johansson's high-priority case, Anna Lind's normal one (both active).</summary>
    public IReadOnlyList<EntityReference> Cases => _cases;

    /// <summary>The service desk's routing rules, in order (the last one inactive).</summary>
    public IReadOnlyList<EntityReference> RoutingRules => _routingRules;

    /// <summary>Seeds the sample records with the given service (usually the administrator's).</summary>
    public static SampleData Seed(IOrganizationService service)
    {
        ArgumentNullException.ThrowIfNull(service);
        var data = new SampleData();
        data.SeedInto(service);
        return data;
    }

    /// <summary>
    /// A generated contact for volume scenarios (benchmarks, paging tests): names repeat (a query ordered by last name
    /// has ties across page boundaries), the business phone is unique.
    /// </summary>
    public static Entity GeneratedContact(int number) => new(Contact.EntityName)
    {
        [Contact.FirstName] = GeneratedFirstNames[number % GeneratedFirstNames.Length],
        [Contact.LastName] = GeneratedLastNames[number % GeneratedLastNames.Length],
        [Contact.FullName] = $"{GeneratedFirstNames[number % GeneratedFirstNames.Length]} {GeneratedLastNames[number % GeneratedLastNames.Length]}",
        [Contact.Telephone1] = $"+358 40 {number:D7}",
    };

    private void SeedInto(IOrganizationService service)
    {
        var builder = new OrganizationBuilder(service);
        VoiceUserRole = FindOrCreateVoiceUserRole(builder);

        var aino = CreateUser(builder, "Aino Virtanen", AinoEmail, "Voice User role assigned directly");
        var mikko = CreateUser(builder, "Mikko Korhonen", MikkoEmail, $"Voice User role through the {ServiceDeskTeamName} team");
        CreateUser(builder, "Sara Lindqvist", SaraEmail, "no Voice role");
        builder.AssignRoles(aino, Role.VoiceUser);

        ServiceDeskTeam = builder.CreateTeam(ServiceDeskTeamName, Role.VoiceUser);
        builder.AddToTeam(ServiceDeskTeam, mikko);
        _records.Add(new SeededRecord(Team.EntityName, ServiceDeskTeam.Id, ServiceDeskTeamName, $"role {Role.VoiceUser}; member {mikko.Name}"));

        var contoso = CreateAccount(service, "Contoso Oy", HelsinkiSwitchboardPrefix + " 1000", "CON-1000", AccountCategory.PreferredCustomer);
        var fabrikam = CreateAccount(service, "Fabrikam AB", "+46 8 5550 1000", "FAB-2000", AccountCategory.Standard);
        var northwind = CreateAccount(service, "Northwind Traders Oy", HelsinkiSwitchboardPrefix + " 3000", "NWT-3000", AccountCategory.Standard);

        CreateContact(service, "Liisa", "Mäkinen", contoso, HelsinkiSwitchboardPrefix + " 1001", LiisaMobile, "liisa.makinen@contoso.test");
        CreateContact(service, "Jukka", "Nieminen", contoso, HelsinkiSwitchboardPrefix + " 1002", "+358 50 234 5678", "jukka.nieminen@contoso.test");
        var erik = CreateContact(service, "Erik", "Johansson", fabrikam, "+46 8 5550 1001", ErikMobile, "erik.johansson@fabrikam.test");
        var anna = CreateContact(service, "Anna", "Lind", northwind, HelsinkiSwitchboardPrefix + " 3001", null, "anna.lind@northwind.test");

        const string leadName = "Pekka Laine";
        var leadId = service.Create(new Entity(LeadTable.EntityName)
        {
            [LeadTable.FirstName] = "Pekka",
            [LeadTable.LastName] = "Laine",
            [LeadTable.FullName] = leadName,
            [LeadTable.CompanyName] = "Alder Logistics",
            [LeadTable.Telephone1] = "+358 20 765 4321",
            [LeadTable.MobilePhone] = "+358 45 987 6543",
        });
        Lead = new EntityReference(LeadTable.EntityName, leadId) { Name = leadName };
        _records.Add(new SeededRecord(LeadTable.EntityName, leadId, leadName, "Alder Logistics; phone +358 20 765 4321; mobile " + PekkaMobile));

        CreateCase(service, "Invoicing system down", "CAS-01001-F7K2", erik, IncidentPriority.High);
        CreateCase(service, "Question about a delivery", "CAS-01002-N4P8", anna, IncidentPriority.Normal);

        CreateRoutingRule(service, "VIP: contacts of preferred customers", 10, RoutingCallerKind.Contact, VipQueueNumber, PrioritySupportNumber,
            condition: ($"{RoutingRuleTable.ParentAccountPrefix}{Account.AccountCategoryCode}", RoutingConditionOperator.EqualTo, AccountCategory.PreferredCustomer.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        CreateRoutingRule(service, "VIP: preferred customer accounts", 20, RoutingCallerKind.Account, VipQueueNumber, null,
            condition: (Account.AccountCategoryCode, RoutingConditionOperator.EqualTo, AccountCategory.PreferredCustomer.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        CreateRoutingRule(service, "Open high-priority case: priority support", 30, RoutingCallerKind.AnyKnown, PrioritySupportNumber, null,
            openCase: RoutingOpenCasePriority.High, calledNumbers: ServiceDeskNumber);
        CreateRoutingRule(service, "Leads to sales", 40, RoutingCallerKind.Lead, SalesNumber, null, calledNumbers: ServiceDeskNumber);
        var night = CreateRoutingRule(service, "Night service: disconnect every caller", 90, RoutingCallerKind.AnyCaller, "DISCONNECT:", null);
        service.Update(new Entity(RoutingRuleTable.EntityName, night.Id) { [RoutingRuleTable.StateCode] = new OptionSetValue(1), [RoutingRuleTable.StatusCode] = new OptionSetValue(2) });
    }

    private EntityReference FindOrCreateVoiceUserRole(OrganizationBuilder builder)
    {
        var existing = builder.FindRole(Role.VoiceUser);
        VoiceUserRoleExisted = existing != null;
        var role = existing ?? builder.CreateRole(Role.VoiceUser);
        _records.Add(new SeededRecord(Role.EntityName, role.Id, Role.VoiceUser, VoiceUserRoleExisted ? "security role of the solution (found)" : "security role (created here: the organization did not have it)"));
        return role;
    }

    private EntityReference CreateUser(OrganizationBuilder builder, string fullName, string email, string access)
    {
        var user = builder.CreateUser(fullName, email);
        _users.Add(user);
        _records.Add(new SeededRecord(SystemUser.EntityName, user.Id, fullName, $"{email}; {access}"));
        return user;
    }

    private EntityReference CreateAccount(IOrganizationService service, string name, string phone, string accountNumber, int category)
    {
        var id = service.Create(new Entity(Account.EntityName)
        {
            [Account.Name] = name,
            [Account.Telephone1] = phone,
            [Account.AccountNumber] = accountNumber,
            [Account.AccountCategoryCode] = new OptionSetValue(category),
        });
        var account = new EntityReference(Account.EntityName, id) { Name = name };
        _accounts.Add(account);
        _records.Add(new SeededRecord(Account.EntityName, id, name,
            $"phone {phone}; account number {accountNumber}; {(category == AccountCategory.PreferredCustomer ? "preferred customer" : "standard")}"));
        return account;
    }

    private void CreateCase(IOrganizationService service, string title, string number, EntityReference customer, int priority)
    {
        var id = service.Create(new Entity(Incident.EntityName)
        {
            [Incident.Title] = title,
            [Incident.TicketNumber] = number,
            [Incident.CustomerId] = new EntityReference(customer.LogicalName, customer.Id),
            [Incident.PriorityCode] = new OptionSetValue(priority),
            [Incident.SeverityCode] = new OptionSetValue(1),
            [Incident.CaseOriginCode] = new OptionSetValue(1),
        });
        _cases.Add(new EntityReference(Incident.EntityName, id) { Name = title });
        _records.Add(new SeededRecord(Incident.EntityName, id, title,
            $"{number}; customer {customer.Name}; {(priority == IncidentPriority.High ? "high" : priority == IncidentPriority.Normal ? "normal" : "low")} priority; active"));
    }

    private EntityReference CreateRoutingRule(IOrganizationService service, string name, int order, int callerKind, string initialTarget, string? failTarget,
        (string Column, int Operator, string Value)? condition = null, int? openCase = null, string? calledNumbers = null)
    {
        var rule = new Entity(RoutingRuleTable.EntityName)
        {
            [RoutingRuleTable.Name] = name,
            [RoutingRuleTable.Order] = order,
            [RoutingRuleTable.CallerKind] = new OptionSetValue(callerKind),
            [RoutingRuleTable.InitialTarget] = initialTarget,
        };
        if (failTarget != null) rule[RoutingRuleTable.FailTarget] = failTarget;
        if (condition is { } c)
        {
            rule[RoutingRuleTable.ConditionColumn] = c.Column;
            rule[RoutingRuleTable.ConditionOperator] = new OptionSetValue(c.Operator);
            rule[RoutingRuleTable.ConditionValue] = c.Value;
        }
        if (openCase != null) rule[RoutingRuleTable.OpenCasePriority] = new OptionSetValue(openCase.Value);
        if (calledNumbers != null) rule[RoutingRuleTable.CalledNumbers] = calledNumbers;
        var id = service.Create(rule);
        var reference = new EntityReference(RoutingRuleTable.EntityName, id) { Name = name };
        _routingRules.Add(reference);
        var who = condition is { } w ? $"; when {w.Column} = {w.Value}" : openCase != null ? "; with an open high-priority case" : "";
        _records.Add(new SeededRecord(RoutingRuleTable.EntityName, id, name,
            $"order {order}{who}; called {calledNumbers ?? "any number"}; to {initialTarget}" + (failTarget == null ? "" : $", overflow {failTarget}")));
        return reference;
    }

    private EntityReference CreateContact(IOrganizationService service, string firstName, string lastName, EntityReference account, string phone, string? mobile, string email)
    {
        var fullName = $"{firstName} {lastName}";
        var id = service.Create(new Entity(Contact.EntityName)
        {
            [Contact.FirstName] = firstName,
            [Contact.LastName] = lastName,
            // Dataverse composes fullname from the first and last name; the local organization does not (yet), so it is given.
            [Contact.FullName] = fullName,
            [Contact.Telephone1] = phone,
            [Contact.MobilePhone] = mobile,
            [Contact.EmailAddress1] = email,
            [Contact.ParentCustomerId] = new EntityReference(Account.EntityName, account.Id),
        });
        var contact = new EntityReference(Contact.EntityName, id) { Name = fullName };
        _contacts.Add(contact);
        _records.Add(new SeededRecord(Contact.EntityName, id, fullName,
            $"at {account.Name}; phone {phone}" + (mobile == null ? "" : $"; mobile {mobile}") + $"; {email}"));
        return contact;
    }
}
