using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using VoiceForD365.Core.Schema;
using VoiceForD365.Emulator;
using VoiceForD365.LocalOrg.Samples;
using VoiceForD365.Plugins.Users;

namespace VoiceForD365.Cli.Demo.Scenarios;

/// <summary>
/// SPEC C2 on the sample data and the emulator: each automatic trigger (the Voice User role given to a user, a user
/// joining a team that holds it, an email change), an unrelated update that asks Enreach nothing, and the
/// <i>Update Enreach User Ids</i> button, each with the Enreach User Id before and after and the requests it took.
/// </summary>
public sealed class EnreachUserIdsScenario : IDemoScenario
{
    public string Name => "user-ids";

    public string Title => "Enreach user ids";

    public string Summary => "Enreach user ids kept current: role, team and email triggers, and the Update Enreach User Ids button";

    public int Order => 60;

    public IReadOnlyList<Type> Requires => [typeof(EnreachEmulatorScenario), typeof(SampleDataScenario)];

    public string ReadMore => "Enreach user ids (SPEC C2)";

    public void Run(DemoContext context)
    {
        var org = context.Organization;
        var service = org.Service;
        var output = context.Output;
        var sample = context.Sample;
        var (aino, mikko, sara) = (sample.Users[0], sample.Users[1], sample.Users[2]);

        IReadOnlyList<string>[] seeded =
        [
            [aino.Name ?? "", "directly", Show(IdOf(service, aino.Id))],
            [mikko.Name ?? "", $"through the {sample.ServiceDeskTeam.Name} team", Show(IdOf(service, mikko.Id))],
            [sara.Name ?? "", "no", Show(IdOf(service, sara.Id))],
        ];
        context.Brief.WriteLine($"  After seeding (the role and team associations' background jobs): {string.Join("; ", seeded.Select(u => $"{u[0]} ({(u[1] == "no" ? "not a Voice user" : "Voice User " + u[1])}): {u[2]}"))}");
        context.Detail.WriteLine("  After seeding, the sample users' Enreach User Ids (set by the background jobs of the role and team associations):");
        TextTable.Write(context.Detail, ["user", "Voice User", "Enreach User Id"], seeded, "    ");

        var changed = 0;
        changed += Trigger(context, "(a)", $"The {Role.VoiceUser} role is assigned to {sara.Name} (Associate {Relationships.SystemUserRoles})", sara,
            () => org.Builder.AssignRoles(sara, Role.VoiceUser));

        var eero = org.Builder.CreateUser("Eero Salminen", DemoEnreach.EeroEmail);
        context.Detail.WriteLine();
        context.Detail.WriteLine($"  New user {eero.Name} ({DemoEnreach.EeroEmail}) is created without a role: not a Voice user, so nothing is asked of Enreach.");
        changed += Trigger(context, "(b)", $"{eero.Name}, {(context.Verbose ? "" : "a new user without a role (nothing asked of Enreach), ")}joins the {sample.ServiceDeskTeam.Name} team, which holds the {Role.VoiceUser} role (Associate {Relationships.TeamMembership})", eero,
            () => org.Builder.AddToTeam(sample.ServiceDeskTeam, eero));

        changed += Trigger(context, "(c)", $"{aino.Name}'s email changes to {DemoEnreach.AinoNewEmail} (Update {SystemUser.InternalEmailAddress})", aino,
            () => service.Update(new Entity(SystemUser.EntityName, aino.Id) { [SystemUser.InternalEmailAddress] = DemoEnreach.AinoNewEmail }));

        aino = new EntityReference(SystemUser.EntityName, aino.Id) { Name = "Aino Laine" };
        changed += Trigger(context, "(d)", $"Unrelated update: Aino's name changes to {aino.Name} (Update {SystemUser.LastName}, {SystemUser.FullName})", aino,
            () => service.Update(new Entity(SystemUser.EntityName, aino.Id) { [SystemUser.LastName] = "Laine", [SystemUser.FullName] = aino.Name }),
            unrelated: true);

        var button = PressTheButton(context, aino, mikko, sara, eero);
        context.Conclude($"{changed} of 4 changes set an id, 1 asked Enreach nothing; the button: {button}");
    }

    /// <summary>(e): the custom API the ribbon button calls, after changes in Enreach and two users Enreach can't match; returns its counts.</summary>
    private static string PressTheButton(DemoContext context, EntityReference aino, EntityReference mikko, EntityReference sara, EntityReference eero)
    {
        var builder = context.Organization.Builder;
        var service = context.Organization.Service;
        var output = context.Output;
        var detail = context.Detail;
        var enreach = context.Enreach;

        context.Detail.WriteLine();
        output.WriteLine("  (e) The Update Enreach User Ids button (custom API vfd_UpdateEnreachUserIds, as the ribbon's script calls it)");
        var helmi = builder.CreateUser("Helmi Koskinen", DemoEnreach.HelmiEmail);
        var otto = builder.CreateUser("Otto Mäkelä", DemoEnreach.OttoEmail);
        var setup = new Measurement(context);
        builder.AssignRole(Role.VoiceUser, [helmi, otto]);
        output.WriteLine($"      First, new users {helmi.Name} and {otto.Name} get the {Role.VoiceUser} role; Enreach can match neither:");
        WriteTraces(detail, context, setup, helmi, otto);
        detail.WriteLine($"      {setup.Describe()}");
        enreach.Users.Remove(DemoEnreach.MikkoId);
        enreach.Users.Remove(DemoEnreach.SaraId);
        enreach.Users.Add(SampleData.SaraEmail, DemoEnreach.SaraRecreatedId, "Sara", "Lindqvist");
        output.WriteLine($"      Then, in Enreach, {mikko.Name}'s user is removed and {sara.Name}'s is re-created with a new id ({DemoEnreach.SaraRecreatedId}).");

        var users = new[] { aino, mikko, sara, eero, helmi, otto };
        var before = users.Select(u => IdOf(service, u.Id)).ToList();
        var measurement = new Measurement(context);
        // Exactly what UpdateEnreachUserIds.js sends: the unbound action, no parameters.
        var response = service.Execute(new OrganizationRequest("vfd_UpdateEnreachUserIds"));
        var requests = measurement.Describe();
        var after = users.Select(u => IdOf(service, u.Id)).ToList();

        var counts = new[]
        {
            ("Updated", Count(response, UpdateEnreachUserIdsApi.Updated)),
            ("Unchanged", Count(response, UpdateEnreachUserIdsApi.Unchanged)),
            ("Cleared", Count(response, UpdateEnreachUserIdsApi.Cleared)),
            ("Not found", Count(response, UpdateEnreachUserIdsApi.NotFound)),
            ("Ambiguous", Count(response, UpdateEnreachUserIdsApi.Ambiguous)),
        };
        var messages = (response.Results.TryGetValue(UpdateEnreachUserIdsApi.Messages, out var text) ? text as string : null)?
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
        var alert = string.Join(", ", counts.Select(c => $"{c.Item1} {c.Item2}"));
        context.Brief.WriteLine($"      The button's alert: {alert}{(messages.Length > 0 ? "; users not matched:" : "")}");
        detail.WriteLine("      The button's alert (what UpdateEnreachUserIds.js shows):");
        foreach (var (label, count) in counts) detail.WriteLine($"        {label}: {count}");
        if (messages.Length > 0)
        {
            detail.WriteLine("        Users not matched:");
            foreach (var message in messages) output.WriteLine($"{(context.Verbose ? "          " : "        ")}{message}");
        }
        detail.WriteLine($"      {requests}");
        detail.WriteLine("      Enreach User Ids before and after:");
        TextTable.Write(detail, ["user", "before", "after", "change"],
            users.Select((u, i) => (IReadOnlyList<string>)[u.Name ?? "", Show(before[i]), Show(after[i]), before[i] == after[i] ? "unchanged" : "written"]), "        ");
        return alert.ToLowerInvariant();
    }

    /// <summary>Runs one trigger and writes the user's Enreach User Id before and after, the plug-in's verdict and the requests; 1 when the id changed.</summary>
    private static int Trigger(DemoContext context, string label, string what, EntityReference user, Action action, bool unrelated = false)
    {
        var service = context.Organization.Service;
        var output = context.Output;
        var before = IdOf(service, user.Id);
        var measurement = new Measurement(context);
        action();
        var why = $"no background job: the Update step's filtering attributes are {SystemUser.InternalEmailAddress} and {SystemUser.EnreachUserEmail}";
        var requests = measurement.Describe(unrelated ? why : null);
        var after = IdOf(service, user.Id);

        // Blank lines between the steps only with --verbose, where each has its traces and request counts.
        context.Detail.WriteLine();
        output.WriteLine($"  {label} {what}");
        output.WriteLine($"      {user.Name}: Enreach User Id {Show(before)} -> {Show(after)}{(before == after ? " (unchanged)" : "")}");
        WriteTraces(context.Detail, context, measurement, user);
        context.Detail.WriteLine($"      {requests}");
        if (unrelated) context.Brief.WriteLine($"      {why}");
        return before == after ? 0 : 1;
    }

    /// <summary>The plug-in's trace lines about the users (the updater starts them with the user's name).</summary>
    private static void WriteTraces(TextWriter output, DemoContext context, Measurement since, params EntityReference[] users)
    {
        foreach (var trace in context.Organization.Traces.Skip(since.Traces))
            if (users.Any(u => trace.Text.StartsWith(u.Name + " (", StringComparison.Ordinal)))
                output.WriteLine($"      plug-in trace: {trace.Text}");
    }

    private static Guid? IdOf(IOrganizationService service, Guid userId) =>
        EnreachUserIdColumn.Read(service.Retrieve(SystemUser.EntityName, userId, new ColumnSet(SystemUser.EnreachUserId)));

    private static string Show(Guid? id) => id?.ToString() ?? "(none)";

    private static int Count(OrganizationResponse response, string name) =>
        response.Results.TryGetValue(name, out var value) && value is int count ? count : 0;

    /// <summary>The Dataverse requests, Enreach requests, background jobs and traces from its creation to <see cref="Describe"/>.</summary>
    private sealed class Measurement
    {
        private readonly DemoContext _context;
        private readonly Dictionary<string, int> _requests;
        private readonly Dictionary<EnreachEmulatorEndpoint, int> _enreach;
        private readonly int _jobs;

        public Measurement(DemoContext context)
        {
            _context = context;
            _requests = context.Organization.Requests.ByMessage.ToDictionary(p => p.Key, p => p.Value);
            _enreach = Enum.GetValues<EnreachEmulatorEndpoint>().ToDictionary(e => e, context.Enreach.Requests.Count);
            _jobs = context.Organization.SystemJobs.Count;
            Traces = context.Organization.Traces.Count;
        }

        /// <summary>How many plug-in trace lines there were when the measurement started.</summary>
        public int Traces { get; }

        /// <summary>One line: "Enreach: … ; Dataverse: … ; background jobs: …".</summary>
        public string Describe(string? noJobs = null)
        {
            var org = _context.Organization;
            var enreach = Enum.GetValues<EnreachEmulatorEndpoint>()
                .Select(e => (Endpoint: e, Count: _context.Enreach.Requests.Count(e) - _enreach[e]))
                .Where(e => e.Count > 0).ToList();
            var dataverse = org.Requests.ByMessage
                .Select(p => (Message: p.Key, Count: p.Value - _requests.GetValueOrDefault(p.Key)))
                .Where(p => p.Count > 0).OrderBy(p => p.Message, StringComparer.Ordinal).ToList();
            var jobs = org.SystemJobs.Skip(_jobs).ToList();
            var failed = jobs.Count(j => !j.Succeeded);

            var enreachText = $"Enreach: {DemoRunner.Plural(enreach.Sum(e => e.Count), "request")}"
                + (enreach.Count == 0 ? "" : $" ({string.Join(", ", enreach.Select(e => $"{Name(e.Endpoint)} {e.Count}"))})");
            var dataverseText = $"Dataverse: {DemoRunner.Plural(dataverse.Sum(p => p.Count), "request")}"
                + (dataverse.Count == 0 ? "" : $" ({string.Join(", ", dataverse.Select(p => $"{p.Message} {p.Count}"))})");
            var jobsText = jobs.Count == 0 ? noJobs ?? "no background job" : $"background jobs: {jobs.Count - failed} succeeded, {failed} failed";
            return $"{enreachText}; {dataverseText}; {jobsText}";
        }

        private static string Name(EnreachEmulatorEndpoint endpoint) => endpoint switch
        {
            EnreachEmulatorEndpoint.Discovery => "discovery",
            EnreachEmulatorEndpoint.Users => "GET /users",
            EnreachEmulatorEndpoint.UserById => "GET /users/{id}",
            EnreachEmulatorEndpoint.CurrentUser => "GET /users/me",
            _ => "other",
        };
    }
}
