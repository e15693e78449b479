using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using VoiceForD365.Core.Data;
using VoiceForD365.Core.Numbers;
using VoiceForD365.Core.Schema;
using VoiceForD365.Emulator;
using VoiceForD365.LocalOrg.Samples;

namespace VoiceForD365.Cli.Demo;

/// <summary>One user of the demo's Enreach, with a fixed id (so the demo's output can be read and checked) and why it is there.</summary>
public sealed record DemoEnreachUser(string UserName, Guid Id, string FirstName, string LastName, string Purpose);

/// <summary>
/// The demo's Enreach: the users the emulator is seeded with (the sample users' emails, the users the Enreach user
/// id step adds, one email two Enreach users share) and the users of that step who are deliberately not in Enreach.
/// Ids are fixed so the output reads the same on every run.
/// </summary>
public static class DemoEnreach
{
    /// <summary>New user of the Enreach user id step: joins the Service Desk team.</summary>
    public const string EeroEmail = "eero.salminen@contoso.test";

    /// <summary>Aino Virtanen's new email in the Enreach user id step (she becomes Aino Laine).</summary>
    public const string AinoNewEmail = "aino.laine@contoso.test";

    /// <summary>New user of the Enreach user id step whose email two Enreach users have (in different case).</summary>
    public const string HelmiEmail = "helmi.koskinen@contoso.test";

    /// <summary>New user of the Enreach user id step whom Enreach does not know.</summary>
    public const string OttoEmail = "otto.makela@contoso.test";

    public static readonly Guid AinoId = Id(1);
    public static readonly Guid MikkoId = Id(2);
    public static readonly Guid SaraId = Id(3);
    public static readonly Guid EeroId = Id(4);
    public static readonly Guid AinoNewEmailId = Id(5);
    public static readonly Guid HelmiId = Id(6);
    public static readonly Guid HelmiDuplicateId = Id(7);

    /// <summary>Sara Lindqvist's Enreach user after it is re-created (a new id for the same email) before the button is pressed.</summary>
    public static readonly Guid SaraRecreatedId = Id(8);

    /// <summary>The users the emulator starts with (besides its API user).</summary>
    public static IReadOnlyList<DemoEnreachUser> Users { get; } =
    [
        new(SampleData.AinoEmail, AinoId, "Aino", "Virtanen", "sample user Aino Virtanen"),
        new(SampleData.MikkoEmail, MikkoId, "Mikko", "Korhonen", "sample user Mikko Korhonen"),
        new(SampleData.SaraEmail, SaraId, "Sara", "Lindqvist", "sample user Sara Lindqvist"),
        new(EeroEmail, EeroId, "Eero", "Salminen", "Eero Salminen, who joins the Service Desk team"),
        new(AinoNewEmail, AinoNewEmailId, "Aino", "Laine", "Aino's new email"),
        new(HelmiEmail, HelmiId, "Helmi", "Koskinen", "Helmi Koskinen: duplicate email, 1 of 2"),
        new("Helmi.Koskinen@Contoso.test", HelmiDuplicateId, "Helmi", "Koskinen", "Helmi Koskinen: duplicate email, 2 of 2 (other case)"),
    ];

    /// <summary>The callback lists of the demo's Enreach (added by the callback profiles section): name, id, what it holds.</summary>
    public static IReadOnlyList<(string Name, Guid Id, string Description)> CallbackLists { get; } =
    [
        ("Web callbacks", CallbackListId(1), "Call-me-back requests from the web site"),
        ("Aino's customers", CallbackListId(2), "Missed calls of Aino's customers"),
        ("Service Desk", CallbackListId(3), "Missed calls of the service desk queue"),
        ("Suppliers", CallbackListId(4), "Calls from suppliers (no profile)"),
    ];

    /// <summary>The Service Desk's queue in Enreach: the queue of the generated service calls.</summary>
    public static readonly EnreachEmulatorTrafficQueue ServiceDeskQueue = new(Id(100), SampleData.ServiceDeskTeamName, "+358942422000");

    /// <summary>
    /// Generated call traffic of an organization as it is now: its users with an Enreach User Id (application users
    /// left out) and one Enreach user of <see cref="Users"/> whom no Dynamics user has (whose calls go to the fallback
    /// user), the Service Desk queue, and its customers' numbers (every phone column of its active contacts, accounts
    /// and leads, in E.164), besides unknown ones.
    /// </summary>
    public static EnreachEmulatorTrafficOptions Traffic(IOrganizationService service, DateTime start, int seed, double callsPerHour)
    {
        ArgumentNullException.ThrowIfNull(service);
        var traffic = new EnreachEmulatorTrafficOptions { Seed = seed, CallsPerHour = callsPerHour, Start = start };
        var users = new QueryExpression(SystemUser.EntityName) { ColumnSet = new ColumnSet(SystemUser.FullName, SystemUser.EnreachUserId, SystemUser.MobilePhone) };
        users.Criteria.AddCondition(SystemUser.EnreachUserId, ConditionOperator.NotNull);
        users.Criteria.AddCondition(SystemUser.ApplicationId, ConditionOperator.Null);
        users.Orders.Add(new OrderExpression(SystemUser.FullName, OrderType.Ascending));
        var held = new HashSet<Guid>();
        foreach (var user in service.RetrieveAll(users))
        {
            if (EnreachUserIdColumn.Read(user) is not { } id || !held.Add(id)) continue;
            var mobile = PhoneNumber.Parse(user.GetAttributeValue<string>(SystemUser.MobilePhone));
            traffic.Users.Add(new EnreachEmulatorTrafficUser(id, mobile is { IsInternational: true } ? "+" + mobile.Digits : null));
        }
        if (Users.FirstOrDefault(u => !held.Contains(u.Id)) is { } stranger) traffic.Users.Add(new EnreachEmulatorTrafficUser(stranger.Id));
        traffic.Queues.Add(ServiceDeskQueue);
        foreach (var number in CustomerNumbers(service)) traffic.CustomerNumbers.Add(number);
        return traffic;
    }

    /// <summary>The name of a user of <see cref="Users"/>, or null.</summary>
    public static string? NameOf(Guid enreachId) => Users.FirstOrDefault(u => u.Id == enreachId) is { } user ? user.FirstName + " " + user.LastName : null;

    private static IEnumerable<string> CustomerNumbers(IOrganizationService service)
    {
        var numbers = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var table in CustomerTables.All)
        {
            var query = new QueryExpression(table.LogicalName) { ColumnSet = new ColumnSet(table.PhoneColumnNames.ToArray()) };
            query.Criteria.AddCondition(StandardColumns.StateCode, ConditionOperator.Equal, table.ActiveState);
            query.Orders.Add(new OrderExpression(table.PrimaryIdColumn, OrderType.Ascending));
            foreach (var row in service.RetrieveAll(query))
                foreach (var column in table.PhoneColumnNames)
                    if (PhoneNumber.Parse(row.GetAttributeValue<string>(column)) is { IsInternational: true } number)
                        numbers.Add("+" + number.Digits);
        }
        return numbers;
    }

    /// <summary>Starts an emulator on loopback seeded with <see cref="Users"/>, on <paramref name="clock"/> (default: the system's); the caller disposes it.</summary>
    public static EnreachEmulator Start(TimeProvider? clock = null)
    {
        var options = new EnreachEmulatorOptions { Clock = clock };
        foreach (var user in Users) options.Users.Add(new EnreachEmulatorUser(user.Id, user.UserName, user.FirstName, user.LastName));
        return EnreachEmulator.Start(options);
    }

    private static Guid Id(int n) => new($"e0000000-0000-4000-a000-{n:D12}");

    private static Guid CallbackListId(int n) => new($"c0000000-0000-4000-a000-{n:D12}");
}
