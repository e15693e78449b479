using System.Diagnostics;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using VoiceForD365.Core.Data;
using VoiceForD365.Core.Schema;
using VoiceForD365.Emulator;
using VoiceForD365.LocalOrg;
using VoiceForD365.LocalOrg.Samples;
using VoiceForD365.Plugins;
using VoiceForD365.Plugins.Users;

namespace VoiceForD365.Bench;

/// <summary>
/// Issue 3's benchmark: the <i>Update Enreach User Ids</i> button (custom API vfd_UpdateEnreachUserIds) on 10,000 users
/// of whom 9,000 are Voice users, against the Enreach emulator, run twice. Reports Enreach and Dataverse requests,
/// real time and a simulated time with 50 ms per Enreach request and 5 ms per Dataverse request, and checks the
/// targets: one pass over the users list, writes only for users whose id changes (none on the second run), under 60 s.
/// </summary>
/// <remarks>
/// Seeding is not measured. It goes through an organization with the shipped plug-in assembly registered (the custom
/// API and every step, as in Dataverse) but <see cref="LocalOrganizationOptions.RunAsyncJobsAutomatically"/> false: the
/// background jobs the seeding queues (user Create, role and team associations) are never run, and the Enreach
/// environment variables are set only after the associations. So seeding asks Enreach nothing, and the users' ids are
/// exactly what the seed says when the button is pressed. The measured runs would queue any background job their
/// writes trigger; the report counts them (the Update step filters on the email columns, so there are none).
/// </remarks>
internal static class EnreachUserIdsBench
{
    private const int UserCount = 10_000;
    private const int DirectVoiceUsers = 3_000;
    private const int TeamVoiceUsers = 6_000;
    private const int VoiceTeams = 20;

    private static readonly TimeSpan EnreachRequestLatency = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan DataverseRequestLatency = TimeSpan.FromMilliseconds(5);
    private static readonly TimeSpan SimulatedTarget = TimeSpan.FromSeconds(60);

    /// <summary>Runs the entry, writes its report and returns the failed targets (empty when all pass).</summary>
    public static IReadOnlyList<string> Run(TextWriter output)
    {
        var seed = Enumerable.Range(0, UserCount).Select(SeedUser.For).ToList();
        var options = new EnreachEmulatorOptions();
        foreach (var user in seed.Where(u => u.EnreachId != null)) options.Users.Add(new EnreachEmulatorUser(user.EnreachId!.Value, user.Email));
        using var enreach = EnreachEmulator.Start(options);

        WarmUp(enreach, Enumerable.Range(0, 200).Select(SeedUser.For).ToList());

        var seeding = Stopwatch.StartNew();
        var org = new LocalOrganization(new LocalOrganizationOptions { PluginAssemblies = [typeof(PluginBase).Assembly], RunAsyncJobsAutomatically = false });
        Seed(org, seed);
        EnvironmentVariableValues.SetEnreach(org.Service, enreach.ApiUserName, enreach.ApiSecret, enreach.ApiEndpoint);
        seeding.Stop();
        var seedingRequests = org.Requests.Total;
        var queuedBySeeding = org.PendingAsyncJobs;

        var voice = seed.Where(u => u.IsVoiceUser).ToList();
        var first = Measure(org, enreach, Expect(voice, afterFirstRun: false));
        var second = Measure(org, enreach, Expect(voice, afterFirstRun: true));

        output.WriteLine($"Enreach user ids: {UserCount:N0} users, {voice.Count:N0} Voice users ({DirectVoiceUsers:N0} with the role directly, {TeamVoiceUsers:N0} through {VoiceTeams} teams), "
            + $"{seed.Count(u => u.EnreachId != null):N0} of the {UserCount:N0} emails in Enreach; custom API {UpdateEnreachUserIdsApi.Name} run twice");
        output.WriteLine($"Seeding (not measured): {seedingRequests:N0} requests in {seeding.Elapsed.TotalSeconds:N1} s; its {queuedBySeeding:N0} background jobs stay queued, never run.");
        output.WriteLine($"Before run 1: {voice.Count(u => u.InitialId != null && u.InitialId == u.EnreachId):N0} Voice users already hold their right id, {voice.Count(u => u.InitialId != null && u.EnreachId == null):N0} a stale one of a user Enreach no longer has.");
        output.WriteLine();
        Print(output, first, second);

        var failures = new List<string>();
        output.WriteLine();
        output.WriteLine("Targets:");
        foreach (var (name, run) in new[] { ("run 1", first), ("run 2", second) })
        {
            Check(output, failures, run.UsersListRequests == 1,
                $"{name}: one pass over the users list: {run.UsersListRequests} GET /users (target 1)");
            Check(output, failures, run.Updates == run.Expected.Changed && run.Counts == run.Expected.Counts,
                $"{name}: updates only for changed users: {run.Updates:N0} Update requests for {run.Expected.Changed:N0} users whose id changes "
                + $"({run.Expected.Counts.Updated:N0} get an id, {run.Expected.Counts.Cleared:N0} stale ids cleared); API counts {run.Counts} (expected {run.Expected.Counts})");
            Check(output, failures, run.Simulated < SimulatedTarget,
                $"{name}: simulated time {run.Simulated.TotalSeconds:N2} s (target under {SimulatedTarget.TotalSeconds:N0} s)");
            Check(output, failures, run.WrongIdsAfter == 0,
                $"{name}: afterwards every Voice user holds the expected Enreach User Id ({run.WrongIdsAfter:N0} wrong)");
        }
        Check(output, failures, second.Updates == 0, $"run 2: zero updates ({second.Updates:N0} Update requests)");
        return failures;
    }

    /// <summary>JITs the custom API's path (queries, HTTP, JSON, updates) on a throwaway organization and the same emulator.</summary>
    private static void WarmUp(EnreachEmulator enreach, IReadOnlyList<SeedUser> users)
    {
        var org = new LocalOrganization(new LocalOrganizationOptions { PluginAssemblies = [typeof(PluginBase).Assembly], RunAsyncJobsAutomatically = false });
        Seed(org, users);
        EnvironmentVariableValues.SetEnreach(org.Service, enreach.ApiUserName, enreach.ApiSecret, enreach.ApiEndpoint);
        for (var i = 0; i < 2; i++) org.Service.Execute(new OrganizationRequest(UpdateEnreachUserIdsApi.Name));
        enreach.Requests.Reset();
    }

    /// <summary>Users, the role given directly (one Associate), teams holding the role with their members, and a team without it.</summary>
    private static void Seed(LocalOrganization org, IReadOnlyList<SeedUser> users)
    {
        var builder = org.Builder;
        foreach (var user in users)
        {
            user.DataverseId = builder.CreateUser(new Entity(SystemUser.EntityName)
            {
                [SystemUser.FullName] = user.FullName,
                [SystemUser.InternalEmailAddress] = user.Email,
                [SystemUser.EnreachUserId] = EnreachUserIdColumn.Value(user.InitialId),
            }).Id;
        }

        EntityReference Ref(SeedUser user) => new(SystemUser.EntityName, user.DataverseId);
        builder.AssignRole(Role.VoiceUser, users.Where(u => u.Access == VoiceAccess.Direct).Select(Ref));
        foreach (var group in users.Where(u => u.Team != null).GroupBy(u => u.Team!.Value))
        {
            var holdsRole = group.Key >= 0;
            var team = builder.CreateTeam(holdsRole ? $"Voice team {group.Key + 1}" : "Back office", holdsRole ? [Role.VoiceUser] : []);
            builder.AddToTeam(team, group.Select(Ref).ToArray());
        }
    }

    /// <summary>Presses the button once (the request the ribbon's script sends) and measures it.</summary>
    private static RunResult Measure(LocalOrganization org, EnreachEmulator enreach, Expected expected)
    {
        enreach.Requests.Reset();
        org.Requests.Reset();
        var queuedBefore = org.PendingAsyncJobs;
        var watch = Stopwatch.StartNew();
        var response = org.Service.Execute(new OrganizationRequest(UpdateEnreachUserIdsApi.Name));
        watch.Stop();

        var counts = new Counts(
            (int)response[UpdateEnreachUserIdsApi.Updated]!, (int)response[UpdateEnreachUserIdsApi.Unchanged]!, (int)response[UpdateEnreachUserIdsApi.Cleared]!,
            (int)response[UpdateEnreachUserIdsApi.NotFound]!, (int)response[UpdateEnreachUserIdsApi.Ambiguous]!);
        var byMessage = org.Requests.ByMessage.ToDictionary(p => p.Key, p => p.Value);
        var dataverse = org.Requests.Total;
        var enreachRequests = enreach.Requests.Total;
        var simulated = watch.Elapsed + enreachRequests * EnreachRequestLatency + dataverse * DataverseRequestLatency;
        var result = new RunResult(counts, expected, enreachRequests, enreach.Requests.Count(EnreachEmulatorEndpoint.Users), dataverse, byMessage,
            org.PendingAsyncJobs - queuedBefore, watch.Elapsed, simulated, WrongIds(org, expected));
        return result;
    }

    /// <summary>Voice users whose id is not the expected one after the run (read afterwards, outside the measurement).</summary>
    private static int WrongIds(LocalOrganization org, Expected expected)
    {
        var query = new QueryExpression(SystemUser.EntityName) { ColumnSet = new ColumnSet(SystemUser.EnreachUserId) };
        query.AddOrder(SystemUser.PrimaryId, OrderType.Ascending);
        var actual = org.Service.RetrieveAll(query).ToDictionary(u => u.Id, EnreachUserIdColumn.Read);
        return expected.IdsAfter.Count(p => !actual.TryGetValue(p.Key, out var id) || id != p.Value);
    }

    /// <summary>What a run must do, from the seed: each Voice user ends with their Enreach id, or none when Enreach lacks them.</summary>
    private static Expected Expect(IReadOnlyList<SeedUser> voice, bool afterFirstRun)
    {
        int updated = 0, unchanged = 0, cleared = 0, notFound = 0;
        foreach (var user in voice)
        {
            var current = afterFirstRun ? user.EnreachId : user.InitialId;
            if (user.EnreachId != null)
            {
                if (current == user.EnreachId) unchanged++; else updated++;
            }
            else if (current != null) cleared++;
            else notFound++;
        }
        return new Expected(new Counts(updated, unchanged, cleared, notFound, 0), voice.ToDictionary(u => u.DataverseId, u => u.EnreachId));
    }

    private static void Print(TextWriter output, RunResult first, RunResult second)
    {
        // By message: RetrieveMultiple and Update first, then whatever else either run sent.
        var messages = new[] { MessageNames.RetrieveMultiple, MessageNames.Update }
            .Concat(first.ByMessage.Keys.Concat(second.ByMessage.Keys).Where(m => m is not (MessageNames.RetrieveMultiple or MessageNames.Update)).Distinct().Order(StringComparer.Ordinal));
        var rows = new List<string[]>
        {
            new[] { "custom API: updated / unchanged / cleared / not found / ambiguous", first.Counts.ToString(), second.Counts.ToString() },
            new[] { "Enreach requests (emulator's counts)", first.Enreach.ToString("N0"), second.Enreach.ToString("N0") },
            new[] { "  GET /users", first.UsersListRequests.ToString("N0"), second.UsersListRequests.ToString("N0") },
            new[] { "Dataverse requests (org.Requests)", first.Dataverse.ToString("N0"), second.Dataverse.ToString("N0") },
        };
        rows.AddRange(messages.Select(m => new[] { "  " + m, first.Of(m).ToString("N0"), second.Of(m).ToString("N0") }));
        rows.AddRange(
        [
            ["background jobs queued by the run", first.QueuedJobs.ToString("N0"), second.QueuedJobs.ToString("N0")],
            ["real time", $"{first.Real.TotalMilliseconds:N0} ms", $"{second.Real.TotalMilliseconds:N0} ms"],
            ["simulated time = Enreach × 50 ms + Dataverse × 5 ms + real", $"{first.Simulated.TotalSeconds:N2} s", $"{second.Simulated.TotalSeconds:N2} s"],
        ]);
        string[] headers = ["", "run 1", "run 2"];
        BenchTable.Write(output, headers, rows);
    }

    private static void Check(TextWriter output, List<string> failures, bool passed, string text)
    {
        output.WriteLine($"  {(passed ? "PASS" : "FAIL")}  {text}");
        if (!passed) failures.Add("Enreach user ids, " + text);
    }

    private enum VoiceAccess
    {
        None,
        Direct,
        Team,
    }

    /// <summary>
    /// User <c>n</c> of the seed: users 0–2,999 hold the Voice User role directly, 3,000–8,999 through one of 20 teams
    /// (300 each), 9,000–9,999 are in a team without it. Every 20th email (n % 20 == 7) is not in Enreach. Voice users
    /// with n % 10 == 0 already hold their right id; those Enreach lacks with n % 40 == 7 hold a stale id.
    /// </summary>
    private sealed class SeedUser
    {
        private SeedUser(int number)
        {
            Number = number;
            Access = number < DirectVoiceUsers ? VoiceAccess.Direct : number < DirectVoiceUsers + TeamVoiceUsers ? VoiceAccess.Team : VoiceAccess.None;
            Team = Access == VoiceAccess.Team ? (number - DirectVoiceUsers) / (TeamVoiceUsers / VoiceTeams) : Access == VoiceAccess.None ? -1 : null;
            EnreachId = number % 20 == 7 ? null : DeterministicId("enreach", number);
            InitialId = !IsVoiceUser ? null
                : EnreachId != null ? (number % 10 == 0 ? EnreachId : null)
                : number % 40 == 7 ? DeterministicId("stale", number) : null;
        }

        public int Number { get; }

        public string FullName => $"Bench User {Number:D5}";

        public string Email => $"bench.user{Number:D5}@contoso.test";

        public VoiceAccess Access { get; }

        public bool IsVoiceUser => Access != VoiceAccess.None;

        /// <summary>Index of the Voice team (0–19), -1 for the team without the role, null for none.</summary>
        public int? Team { get; }

        /// <summary>The id of the user's Enreach user, or null when Enreach has no user with the email.</summary>
        public Guid? EnreachId { get; }

        /// <summary>The Enreach User Id the user holds before the first run.</summary>
        public Guid? InitialId { get; }

        public Guid DataverseId { get; set; }

        public static SeedUser For(int number) => new(number);

        private static Guid DeterministicId(string kind, int number) =>
            new(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes($"{kind}:{number}")));
    }

    private sealed record Counts(int Updated, int Unchanged, int Cleared, int NotFound, int Ambiguous)
    {
        public override string ToString() => $"{Updated:N0} / {Unchanged:N0} / {Cleared:N0} / {NotFound:N0} / {Ambiguous:N0}";
    }

    private sealed record Expected(Counts Counts, IReadOnlyDictionary<Guid, Guid?> IdsAfter)
    {
        public int Changed => Counts.Updated + Counts.Cleared;
    }

    private sealed record RunResult(Counts Counts, Expected Expected, int Enreach, int UsersListRequests, int Dataverse, IReadOnlyDictionary<string, int> ByMessage,
        int QueuedJobs, TimeSpan Real, TimeSpan Simulated, int WrongIdsAfter)
    {
        public int Updates => Of(MessageNames.Update);

        public int Of(string message) => ByMessage.TryGetValue(message, out var n) ? n : 0;
    }
}
