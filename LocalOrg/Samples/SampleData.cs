using Microsoft.Xrm.Sdk;
using VoiceForD365.Core.Schema;
using LeadTable = VoiceForD365.Core.Schema.Lead;

namespace VoiceForD365.LocalOrg.Samples;

/// <summary>
/// A small, fixed set of sample records (users with the Voice User role directly or through a team, accounts with
/// phone numbers, their contacts, a lead), seeded through the organization service so the pipeline runs for them as
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

    private static readonly string[] GeneratedFirstNames = ["Aino", "Eero", "Helmi", "Ilmari", "Kaisa", "Lauri", "Noora", "Otto", "Siiri", "Veikko"];

    private static readonly string[] GeneratedLastNames =
        ["Heikkinen", "Hämäläinen", "Koskinen", "Laine", "Lehtonen", "Mäkelä", "Nieminen", "Salminen", "Virtanen", "Järvinen", "Korhonen", "Mäkinen"];

    private readonly List<SeededRecord> _records = new();
    private readonly List<EntityReference> _users = new();
    private readonly List<EntityReference> _accounts = new();
    private readonly List<EntityReference> _contacts = new();

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

        var contoso = CreateAccount(service, "Contoso Oy", HelsinkiSwitchboardPrefix + " 1000", "CON-1000");
        var fabrikam = CreateAccount(service, "Fabrikam AB", "+46 8 5550 1000", "FAB-2000");
        var northwind = CreateAccount(service, "Northwind Traders Oy", HelsinkiSwitchboardPrefix + " 3000", "NWT-3000");

        CreateContact(service, "Liisa", "Mäkinen", contoso, HelsinkiSwitchboardPrefix + " 1001", "+358 40 123 4567", "liisa.makinen@contoso.test");
        CreateContact(service, "Jukka", "Nieminen", contoso, HelsinkiSwitchboardPrefix + " 1002", "+358 50 234 5678", "jukka.nieminen@contoso.test");
        CreateContact(service, "Erik", "Johansson", fabrikam, "+46 8 5550 1001", "+46 70 123 4567", "erik.johansson@fabrikam.test");
        CreateContact(service, "Anna", "Lind", northwind, HelsinkiSwitchboardPrefix + " 3001", null, "anna.lind@northwind.test");

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
        _records.Add(new SeededRecord(LeadTable.EntityName, leadId, leadName, "Alder Logistics; phone +358 20 765 4321; mobile +358 45 987 6543"));
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

    private EntityReference CreateAccount(IOrganizationService service, string name, string phone, string accountNumber)
    {
        var id = service.Create(new Entity(Account.EntityName)
        {
            [Account.Name] = name,
            [Account.Telephone1] = phone,
            [Account.AccountNumber] = accountNumber,
        });
        var account = new EntityReference(Account.EntityName, id) { Name = name };
        _accounts.Add(account);
        _records.Add(new SeededRecord(Account.EntityName, id, name, $"phone {phone}; account number {accountNumber}"));
        return account;
    }

    private void CreateContact(IOrganizationService service, string firstName, string lastName, EntityReference account, string phone, string? mobile, string email)
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
        _contacts.Add(new EntityReference(Contact.EntityName, id) { Name = fullName });
        _records.Add(new SeededRecord(Contact.EntityName, id, fullName,
            $"at {account.Name}; phone {phone}" + (mobile == null ? "" : $"; mobile {mobile}") + $"; {email}"));
    }
}
