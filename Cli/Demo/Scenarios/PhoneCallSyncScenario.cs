using System.Globalization;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using VoiceForD365.Core.Data;
using VoiceForD365.Core.Enreach;
using VoiceForD365.Core.PhoneCalls;
using VoiceForD365.Core.Schema;
using VoiceForD365.Core.Settings;
using VoiceForD365.Emulator;
using VoiceForD365.LocalOrg.Samples;
using VoiceForD365.Solution.Package;
using VoiceForD365.SyncWorker;

namespace VoiceForD365.Cli.Demo.Scenarios;

/// <summary>
/// SPEC C5: a minute of the Enreach emulator's generated calls of the organization's users synced to phone calls, as the
/// sync worker runs it (OrganizationSync, the Enreach settings from the environment variables), with the decision for
/// each call event and why. The demo's moment is fixed, so the minute is the same on every run.
/// </summary>
public sealed class PhoneCallSyncScenario : IDemoScenario
{
    /// <summary>The demo's moment: a Monday morning, far from the nightly retro.</summary>
    public static readonly DateTime Moment = new(2025, 1, 6, 10, 0, 0, DateTimeKind.Utc);

    /// <summary>The traffic's seed and rate: about 4 calls a minute, of every kind.</summary>
    public const int Seed = 14;

    public const double CallsPerHour = 240;

    public string Name => "phone-calls";

    public string Title => "Phone call sync: a minute of Enreach calls";

    public string Summary => "a minute of generated Enreach calls synced to phone calls, with the decision for each and why";

    public int Order => 80;

    public IReadOnlyList<Type> Requires => [typeof(SampleDataScenario)];

    public string ReadMore => "The phone call sync (SPEC C5)";

    public void Run(DemoContext context)
    {
        var org = context.Organization;
        var service = org.Service;
        var output = context.Output;
        var enreach = context.Enreach;

        var imported = ImportMissingSettings(service);
        var apiUser = DemoApiUser.FindOrCreate(org);
        service.Update(new Entity(SystemUser.EntityName, apiUser.Id) { [SystemUser.EnreachUserId] = EnreachUserIdColumn.Value(enreach.ApiUserId) });
        Set(service, SettingNames.DefaultCrmAssignee, enreach.ApiUserId.ToString("D"));
        Set(service, SettingNames.ExecutionInterval, "1");
        Set(service, SettingNames.ProcessServiceCalls, "True");
        Set(service, SettingNames.ProcessServiceCallsUnanswered, "True");
        output.WriteLine($"  Settings: the package's{(imported == 0 ? "" : $" ({DemoRunner.Plural(imported, "record")} imported as configuration data)")}, with {SettingNames.ExecutionInterval} 1 " +
                         $"(this first run reads the minute before it), {SettingNames.ProcessServiceCalls} and {SettingNames.ProcessServiceCallsUnanswered} on, " +
                         $"{SettingNames.DefaultCrmAssignee} the Enreach id of {apiUser.Name} (the API user's): the fallback owner.");

        var traffic = DemoEnreach.Traffic(service, Moment.AddHours(-2), Seed, CallsPerHour);
        enreach.Calls.Traffic = new EnreachEmulatorTraffic(traffic);
        var agents = traffic.Users.Select(u => AgentName(service, u.Id)).ToList();
        output.WriteLine($"  Enreach: {CallsPerHour:0} generated calls an hour (seed {Seed}) of {string.Join(", ", agents)}, the {DemoEnreach.ServiceDeskQueue.Name} queue " +
                         $"and {DemoRunner.Plural(traffic.CustomerNumbers.Count, "customer number")} (and unknown ones).");

        using var metrics = new SyncMetrics();
        using var sync = new OrganizationSync(org.OrganizationName, new Uri("http://localhost/" + org.OrganizationName + "/"), org.ServiceAs(apiUser.Id), () => org.Requests.Total,
            new SyncWorkerOptions { WorkerId = "vfd-demo" }, metrics, time: new FixedTime(Moment));
        var summary = sync.RunAsync(PhoneCallSyncMode.Scheduled).GetAwaiter().GetResult();
        if (summary.Status != PhoneCallSyncStatus.Succeeded) throw new InvalidOperationException($"The phone call sync did not succeed: {summary.Status}. {summary.Message}");

        output.WriteLine($"  The sync at {Moment:HH:mm:ss} UTC read what changed from {summary.WindowFrom:HH:mm:ss} on: {DemoRunner.Plural(summary.Decisions.Count, "call event")}, " +
                         $"{DemoRunner.Plural(summary.Created, "phone call")} written. Each decision and why (kept in the run's vfd_syncrun record; vfd sync explain <CallId> says it of any call):");
        TextTable.Write(output, ["started", "call", "agent", "other party", "owner", "decision"],
            summary.Decisions.Select(d => (IReadOnlyList<string>)
            [
                d.Event.StartTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture), Kind(d), d.Event.UserId is { } agent ? AgentName(service, agent) : $"({d.Event.QueueName} queue)",
                d.Event.OtherPartyNumber ?? "", d.PhoneCallId is { } id ? OwnerName(service, id) : "", d.OutcomeText + ": " + d.Reason,
            ]), "    ");
        context.Detail.WriteLine();
        context.Detail.WriteLine("  The run's summary, and each decision as the worker logs it:");
        foreach (var line in summary.ToString().Split('\n')) context.Detail.WriteLine("    " + line.TrimEnd('\r'));
        foreach (var decision in summary.Decisions) context.Detail.WriteLine("    " + decision);

        var skipped = string.Join(", ", summary.SkippedByReason.OrderBy(p => p.Key).Select(p => $"{p.Key} {p.Value}"));
        context.Conclude($"{DemoRunner.Plural(summary.Decisions.Count, "call event")} of a minute: {summary.Created} created, {summary.AlreadyLogged} already logged, " +
                         $"{summary.Skipped} skipped{(skipped.Length == 0 ? "" : $" ({skipped})")}; each with its reason in the run's record");
    }

    /// <summary>The package's settings (its configuration data) that the organization does not have yet, by name; returns how many.</summary>
    private static int ImportMissingSettings(IOrganizationService service)
    {
        var query = new QueryExpression(VoiceSetting.EntityName) { ColumnSet = new ColumnSet(VoiceSetting.Name) };
        query.Orders.Add(new OrderExpression(VoiceSetting.PrimaryId, OrderType.Ascending));
        var existing = service.RetrieveAll(query).Select(r => r.GetAttributeValue<string>(VoiceSetting.Name)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var settings = VoiceForD365Data.Settings();
        var missing = settings with { Records = settings.Records.Where(r => !existing.Contains(r.Values.Single(v => v.Name == VoiceSetting.Name).Value)).ToList() };
        return ConfigurationDataImport.Import(service, [missing]);
    }

    private static void Set(IOrganizationService service, string name, string value)
    {
        var query = new QueryExpression(VoiceSetting.EntityName) { ColumnSet = new ColumnSet(false), TopCount = 1 };
        query.Criteria.AddCondition(VoiceSetting.Name, ConditionOperator.Equal, name);
        var row = service.RetrieveMultiple(query).Entities.Single();
        service.Update(new Entity(VoiceSetting.EntityName, row.Id) { [VoiceSetting.Value] = value });
    }

    private static string Kind(PhoneCallDecision decision) =>
        (decision.Event.Direction == EnreachCallDirection.Out ? "outgoing " : "incoming ") + (decision.Event.Kind == EnreachCallKind.Service ? "queue" : "direct") +
        (decision.FromQueueView ? " (queue's view)" : "");

    /// <summary>The Dynamics user with the Enreach id, or the Enreach user's name and that no Dynamics user has it.</summary>
    private static string AgentName(IOrganizationService service, Guid enreachId)
    {
        var query = new QueryExpression(SystemUser.EntityName) { ColumnSet = new ColumnSet(SystemUser.FullName), TopCount = 1 };
        query.Criteria.AddCondition(SystemUser.EnreachUserId, ConditionOperator.Equal, EnreachUserIdColumn.Value(enreachId)!);
        return service.RetrieveMultiple(query).Entities.FirstOrDefault()?.GetAttributeValue<string>(SystemUser.FullName)
               ?? $"{DemoEnreach.NameOf(enreachId) ?? enreachId.ToString("D")} (no Dynamics user)";
    }

    private static string OwnerName(IOrganizationService service, Guid phoneCallId) =>
        service.Retrieve(PhoneCall.EntityName, phoneCallId, new ColumnSet(PhoneCall.OwnerId)).GetAttributeValue<EntityReference>(PhoneCall.OwnerId) is { } owner
            ? service.Retrieve(SystemUser.EntityName, owner.Id, new ColumnSet(SystemUser.FullName)).GetAttributeValue<string>(SystemUser.FullName)
            : "";

    /// <summary>A demo's clock: always the moment it is given.</summary>
    internal sealed class FixedTime(DateTime now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(now);
    }
}
