using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using VoiceForD365.Cli;
using VoiceForD365.Cli.Serve;
using VoiceForD365.Cli.Sync;
using VoiceForD365.Core.PhoneCalls;
using VoiceForD365.Core.Schema;
using VoiceForD365.Core.Settings;
using VoiceForD365.Emulator;
using Xunit;

namespace VoiceForD365.Tests.Cli;

/// <summary>
/// `vfd sync` through the CLI's entry point, over HTTP against the organization `vfd serve` serves (in process, on
/// loopback) with the Enreach emulator's generated calls of its users. The sync runs on the system's clock, as the
/// command does; Enreach's clock is frozen at the start, so no call appears while a test looks and what Enreach shows
/// is known.
/// </summary>
public sealed partial class SyncCommandTests : IDisposable
{
    private readonly FakeTimeProvider _enreachClock = new(DateTimeOffset.UtcNow);
    private readonly ServedOrganization _served;

    public SyncCommandTests()
    {
        _served = ServedOrganization.Start(new ServeOptions { Port = 0, CallsPerHour = 120, Seed = 5, EnreachClock = _enreachClock });
        // Four hours back: a first run reads all the traffic (it began at most two hours ago), whenever the test runs.
        Set(SettingNames.ExecutionInterval, "240");
    }

    public void Dispose() => _served.Dispose();

    private IOrganizationService Service => _served.Organization.Service;

    private string Connection => _served.Server.ConnectionString;

    private static (int ExitCode, string Output, string Error) Vfd(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = VfdCli.Run(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    private void Set(string setting, string? value) =>
        Service.Update(new Entity(VoiceSetting.EntityName, SettingCatalog.Find(setting)!.Id) { [VoiceSetting.Value] = value });

    /// <summary>Every call event Enreach shows now (its latest version), both views.</summary>
    private IReadOnlyList<EnreachEmulatorCall> Events() =>
        _served.Enreach.Calls.Current(_served.Enreach.UtcNow, _served.Enreach.Calls.Traffic!.Start, _served.Enreach.UtcNow.AddSeconds(1));

    /// <summary>
    /// The keys (CallId/agent) of the events the package's settings log: answered Work calls of users, direct
    /// (ProcessDirectCalls on), not through a queue (ProcessServiceCalls and ProcessServiceCallsUnanswered off).
    /// </summary>
    private List<string> ExpectedKeys() =>
        Events().Where(e => e.View == EnreachEmulatorCallView.User && e.QueueId == null && e.Answered && e.Classification == EnreachEmulatorClassification.Work)
            .Select(e => $"{e.CallId:D}/{e.UserId:D}").Order(StringComparer.Ordinal).ToList();

    /// <summary>The phone calls with an Enreach key, by key, with their owner.</summary>
    private Dictionary<string, EntityReference> PhoneCalls()
    {
        var query = new QueryExpression(PhoneCall.EntityName) { ColumnSet = new ColumnSet(PhoneCall.EnreachCallId, PhoneCall.EnreachAgentId, PhoneCall.OwnerId) };
        query.Criteria.AddCondition(PhoneCall.EnreachCallId, ConditionOperator.NotNull);
        return Service.RetrieveMultiple(query).Entities.ToDictionary(
            p => p.GetAttributeValue<string>(PhoneCall.EnreachCallId) + "/" + p.GetAttributeValue<string>(PhoneCall.EnreachAgentId), p => p.GetAttributeValue<EntityReference>(PhoneCall.OwnerId));
    }

    /// <summary>The phone call sync's run records (--once also writes the callback sync's, see <see cref="CallbackRuns"/>).</summary>
    private List<Entity> Runs() => Runs(PhoneCallSync.JobName);

    private List<Entity> CallbackRuns() => Runs(Core.Callbacks.CallbackSync.JobName);

    private List<Entity> Runs(string job)
    {
        var query = new QueryExpression(SyncRun.EntityName) { ColumnSet = new ColumnSet(SyncRun.Status, SyncRun.Created, SyncRun.Message) };
        query.Criteria.AddCondition(SyncRun.Job, ConditionOperator.Equal, job);
        query.Orders.Add(new OrderExpression(SyncRun.Started, OrderType.Ascending));
        return Service.RetrieveMultiple(query).Entities.ToList();
    }

    private static (int Read, int Created) Counts(string output)
    {
        var counts = CountsLine().Match(output);
        Assert.True(counts.Success, "no counts in the summary:\n" + output);
        return (int.Parse(counts.Groups[1].Value), int.Parse(counts.Groups[2].Value));
    }

    [GeneratedRegex(@"^Call events: (\d+) read; (\d+) created, \d+ merged with the widget's call, \d+ already logged, \d+ skipped, 0 failed\.\r?$", RegexOptions.Multiline)]
    private static partial Regex CountsLine();

    [GeneratedRegex(@"^  \d{4}-\d\d-\d\d \d\d:\d\d:\d\d (incoming|outgoing) (direct|queue) call ([0-9a-f-]{36}) \((agent|queue) ([0-9a-f-]{36}), /(calls|servicecall)\): (.+)\r?$", RegexOptions.Multiline)]
    private static partial Regex DecisionLine();

    [Fact]
    public void Once_Should_LogEachGeneratedWorkCallAsOnePhoneCall_AndASecondOnceCreatesNone()
    {
        var expected = ExpectedKeys();
        Assert.NotEmpty(expected);

        var first = Vfd("sync", "--once", "--connection", Connection);
        var afterFirst = PhoneCalls();
        var second = Vfd("sync", "--once", "--connection", Connection);

        Assert.True(first.ExitCode == SyncCommand.ExitCodes.Succeeded, $"exit code {first.ExitCode}: {first.Error}\n{first.Output}");
        Assert.Empty(first.Error);
        Assert.Matches(@"^Phone call sync (continuous|retro) run [0-9a-f-]{36} by \S+: Succeeded\. ", first.Output);
        Assert.Equal(expected.Count, Counts(first.Output).Created);
        Assert.Equal(expected, afterFirst.Keys.Order(StringComparer.Ordinal).ToList());
        Assert.True(second.ExitCode == SyncCommand.ExitCodes.Succeeded, $"exit code {second.ExitCode}: {second.Error}\n{second.Output}");
        Assert.Equal(0, Counts(second.Output).Created);
        Assert.Equal(expected, PhoneCalls().Keys.Order(StringComparer.Ordinal).ToList());
        // Each run is recorded in the organization (the Configurator app's Sync runs), with its counts.
        Assert.Equal(new[] { (SyncRunStatus.Succeeded, expected.Count), (SyncRunStatus.Succeeded, 0) },
            Runs().Select(r => (r.GetAttributeValue<OptionSetValue>(SyncRun.Status).Value, r.GetAttributeValue<int>(SyncRun.Created))));
    }

    [Fact]
    public void Once_Should_LogTheCallsAndThenACallbackRequestOfAProfile_AndCloseTheRequestInEnreach()
    {
        var list = _served.Enreach.Callbacks.AddList("Support callbacks");
        var queue = Service.Create(new Entity(Core.Schema.Queue.EntityName) { [Core.Schema.Queue.Name] = "Support" });
        Service.Create(new Entity(CallbackProfile.EntityName)
        {
            [CallbackProfile.Name] = "Support",
            [CallbackProfile.CallbackListId] = list.Id.ToString("D"),
            [CallbackProfile.QueueId] = new EntityReference(Core.Schema.Queue.EntityName, queue),
            [CallbackProfile.OwnershipRule] = new OptionSetValue(OwnershipRule.ApiUser),
            [CallbackProfile.AgeTimeUnit] = new OptionSetValue(AgeTimeUnit.Hours),
            [CallbackProfile.CallbackAge] = 2,
        });
        var request = new EnreachEmulatorCallbackRequest
        {
            Id = Guid.NewGuid(), ListId = list.Id, ContactNumber = "+358401234567", Created = _served.Enreach.UtcNow.AddMinutes(-5), Note = "Please call me back",
        };
        _served.Enreach.Callbacks.Add(request);

        var (exitCode, output, error) = Vfd("sync", "--once", "--connection", Connection);

        Assert.True(exitCode == SyncCommand.ExitCodes.Succeeded, $"exit code {exitCode}: {error}\n{output}");
        // Both summaries, the phone call sync's first, as one worker cycle runs them.
        Assert.Matches(@"^Phone call sync (continuous|retro) run [0-9a-f-]{36} by \S+: Succeeded\. ", output);
        Assert.Matches(@"\nCallbackSync run [0-9a-f-]{36}: Succeeded\. .* 1 profile\(s\); 1 logged, 0 already logged, 0 skipped, 0 failed; 1 closed, ", output);
        Assert.Equal(ExpectedKeys(), PhoneCalls().Keys.Order(StringComparer.Ordinal).ToList());
        var query = new QueryExpression(PhoneCall.EntityName) { ColumnSet = new ColumnSet(PhoneCall.CallbackRequestId) };
        query.Criteria.AddCondition(PhoneCall.CallbackRequestId, ConditionOperator.Equal, request.Id.ToString("D"));
        Assert.Single(Service.RetrieveMultiple(query).Entities);
        Assert.Equal(EnreachEmulatorCallbacks.Closed, _served.Enreach.Callbacks.Find(request.Id)!.Status);
        Assert.Equal(new[] { (SyncRunStatus.Succeeded, 1) }, CallbackRuns().Select(r => (r.GetAttributeValue<OptionSetValue>(SyncRun.Status).Value, r.GetAttributeValue<int>(SyncRun.Created))));
        Assert.Single(Runs());
    }

    [Fact]
    public void OnceWithDecisions_Should_PrintWhyForEveryCallEventRead_AndGiveTheCallsOfAnEnreachUserWithoutADynamicsUserToTheFallbackUser()
    {
        var (exitCode, output, error) = Vfd("sync", "--once", "--decisions", "--connection", Connection);

        Assert.True(exitCode == SyncCommand.ExitCodes.Succeeded, $"exit code {exitCode}: {error}\n{output}");
        var decisions = DecisionLine().Matches(output);
        Assert.Equal(Counts(output).Read, decisions.Count);
        Assert.Contains(decisions, d => d.Groups[7].Value.StartsWith("skipped: an answered queue call, and ProcessServiceCalls is off", StringComparison.Ordinal));
        Assert.Contains(decisions, d => d.Groups[7].Value.StartsWith("skipped: classified ", StringComparison.Ordinal));
        // The traffic's Enreach user whom no Dynamics user has: the fallback user, the application user of DefaultCrmAssignee, owns those calls.
        var stranger = _served.Traffic!.Users[^1].Id;
        var strangers = decisions.Where(d => d.Groups[5].Value == stranger.ToString("D") && d.Groups[7].Value.StartsWith("created: ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(strangers);
        Assert.All(strangers, d => Assert.EndsWith(
            $"; no Dynamics user with Enreach id {stranger:D}; owner is the fallback user {ServedOrganization.ApplicationUserName} (DefaultCrmAssignee)", d.Groups[7].Value.TrimEnd('\r')));
        Assert.All(PhoneCalls().Where(p => p.Key.EndsWith("/" + stranger.ToString("D"), StringComparison.Ordinal)), p => Assert.Equal(_served.ApplicationUser.Id, p.Value.Id));
    }

    [Fact]
    public void Retro_Should_ReadThePast24HoursByStartTimeAndLogTheSameCalls()
    {
        var (exitCode, output, error) = Vfd("sync", "--retro", "--connection", Connection);

        Assert.True(exitCode == SyncCommand.ExitCodes.Succeeded, $"exit code {exitCode}: {error}\n{output}");
        Assert.Matches(@"^Phone call sync retro run ", output);
        Assert.Matches(@"Window: \S+ \S+ to \S+ \S+ UTC \(by start time\)\.", output);
        Assert.Equal(ExpectedKeys(), PhoneCalls().Keys.Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public void ExplainOfALoggedCall_Should_NameItsPhoneCallAndSayItIsAlreadyLogged()
    {
        Assert.Equal(SyncCommand.ExitCodes.Succeeded, Vfd("sync", "--once", "--connection", Connection).ExitCode);
        var (key, owner) = PhoneCalls().OrderBy(p => p.Key, StringComparer.Ordinal).First();
        var callId = key.Split('/')[0];

        var (exitCode, output, error) = Vfd("sync", "explain", callId, "--connection", Connection);

        Assert.True(exitCode == SyncCommand.ExitCodes.Succeeded, $"exit code {exitCode}: {error}\n{output}");
        Assert.StartsWith($"Call {callId}: 1 event(s) in Enreach, 1 phone call(s) in Dynamics.", output);
        Assert.Matches($@"^  logged: phone call [0-9a-f-]{{36}} '(Incoming|Outgoing) direct call' for agent {key.Split('/')[1]}, owner ", output.Split('\n')[1]);
        var decision = Assert.Single(DecisionLine().Matches(output));
        Assert.StartsWith("already logged: phone call ", decision.Groups[7].Value);
        Assert.NotEqual(Guid.Empty, owner.Id);
    }

    [Fact]
    public void ExplainOfAPrivateCall_Should_SayItWouldBeSkippedAndWhy_AndWriteNothing()
    {
        var call = Events().First(e => e.View == EnreachEmulatorCallView.User && e.QueueId == null && e.Answered && e.Classification == EnreachEmulatorClassification.Private);

        var (exitCode, output, error) = Vfd("sync", "explain", call.CallId.ToString("D"), "--connection", Connection);

        Assert.True(exitCode == SyncCommand.ExitCodes.Succeeded, $"exit code {exitCode}: {error}\n{output}");
        Assert.StartsWith($"Call {call.CallId:D}: 1 event(s) in Enreach, 0 phone call(s) in Dynamics.", output);
        Assert.Equal("would be skipped: classified Private in Voice Center: only Work calls are logged", Assert.Single(DecisionLine().Matches(output)).Groups[7].Value.TrimEnd('\r'));
        Assert.Empty(PhoneCalls());
        Assert.Empty(Runs());
    }

    [Fact]
    public void ExplainOfACallEnreachDoesNotKnow_Should_SaySo()
    {
        var callId = Guid.NewGuid();

        var (exitCode, output, error) = Vfd("sync", "explain", callId.ToString("D"), "--connection", Connection);

        Assert.True(exitCode == SyncCommand.ExitCodes.Succeeded, $"exit code {exitCode}: {error}\n{output}");
        Assert.StartsWith($"Call {callId:D}: 0 event(s) in Enreach, 0 phone call(s) in Dynamics.", output);
        Assert.Contains($"note: Enreach has no event of call {callId:D}", output);
    }

    [Fact]
    public void ExplainOfSomethingThatIsNoCallId_Should_ExitOneSayingWhatACallIdIs()
    {
        var (exitCode, output, error) = Vfd("sync", "explain", "12345", "--connection", Connection);

        Assert.Equal(SyncCommand.ExitCodes.Failed, exitCode);
        Assert.Empty(output);
        Assert.Contains("'12345' is not a CallId: give the call's Enreach CallId (or a callback request's id), a GUID", error);
    }

    [Fact]
    public void OnceAndRetroTogether_Should_ExitOneAndRunNothing()
    {
        var (exitCode, _, error) = Vfd("sync", "--once", "--retro", "--connection", Connection);

        Assert.Equal(SyncCommand.ExitCodes.Failed, exitCode);
        Assert.Contains("--once and --retro are two kinds of single run: give one of them.", error);
        Assert.Empty(Runs());
    }

    [Fact]
    public void NoConnectionString_Should_ExitOneSayingWhereToGiveIt()
    {
        var (exitCode, _, error) = Vfd("sync", "--once");

        Assert.Equal(SyncCommand.ExitCodes.Failed, exitCode);
        Assert.Contains($"vfd sync: give the organization's connection string with --connection \"AuthType=…;Url=…;…\" or in the environment variable {ConnectionOption.Variable}.", error);
    }

    [Fact]
    public void WrongToken_Should_ExitOneSayingTheOrganizationCouldNotBeRead_WithoutTheToken()
    {
        var wrong = Connection.Replace(_served.Server.Token, "not-the-token", StringComparison.Ordinal);

        var (exitCode, output, error) = Vfd("sync", "--once", "--connection", wrong);

        Assert.Equal(SyncCommand.ExitCodes.Failed, exitCode);
        Assert.StartsWith("vfd sync: ", error);
        Assert.DoesNotContain("not-the-token", output + error);
        Assert.Empty(PhoneCalls());
    }

    [Fact]
    public void DefaultCrmAssigneeOfNoUser_Should_ExitTwoSayingWhyTheSyncDoesNotRun_AndLogNothing()
    {
        Set(SettingNames.DefaultCrmAssignee, Guid.NewGuid().ToString("D"));

        var (exitCode, output, error) = Vfd("sync", "--once", "--connection", Connection);

        Assert.Equal(SyncCommand.ExitCodes.NotConfigured, exitCode);
        Assert.Matches(@"^Phone call sync \S+ run [0-9a-f-]{36} by \S+: NotConfigured\. The sync does not run: ", output);
        Assert.StartsWith("vfd sync: the run did not start: The sync does not run: ", error);
        Assert.Contains(SettingNames.DefaultCrmAssignee, error);
        Assert.Empty(PhoneCalls());
        Assert.Equal(new[] { SyncRunStatus.NotConfigured }, Runs().Select(r => r.GetAttributeValue<OptionSetValue>(SyncRun.Status).Value));
    }

    [Fact]
    public void LeaseHeldByAnotherWorker_Should_ExitThreeNamingIt_AndWriteNothing()
    {
        Service.Create(new Entity(SyncState.EntityName)
        {
            [SyncState.Name] = PhoneCallSync.JobName,
            [SyncState.LeaseOwner] = "replica-2",
            [SyncState.LeaseExpires] = DateTime.UtcNow.AddMinutes(5),
        });

        var (exitCode, _, error) = Vfd("sync", "--once", "--connection", Connection);

        Assert.Equal(SyncCommand.ExitCodes.LeaseHeld, exitCode);
        Assert.Contains("vfd sync: the run did not start: Another worker, replica-2, holds the lease until ", error);
        Assert.Empty(PhoneCalls());
        Assert.Empty(Runs());
    }

    [Fact]
    public void EnreachRefusingTheCallsRequest_Should_ExitOneWithTheRunFailed_AndLogNothing()
    {
        _served.Enreach.Faults.Unauthorized(only: EnreachEmulatorEndpoint.UserCalls);

        var (exitCode, output, error) = Vfd("sync", "--once", "--connection", Connection);

        Assert.Equal(SyncCommand.ExitCodes.Failed, exitCode);
        Assert.Matches(@"^Phone call sync \S+ run [0-9a-f-]{36} by \S+: Failed\. Enreach: ", output);
        Assert.StartsWith("vfd sync: the run failed: Enreach: ", error);
        Assert.DoesNotContain(_served.Enreach.ApiSecret, output + error);
        Assert.Empty(PhoneCalls());
        Assert.Equal(new[] { SyncRunStatus.Failed }, Runs().Select(r => r.GetAttributeValue<OptionSetValue>(SyncRun.Status).Value));
    }

    [Fact]
    public void Refresh_Should_AskEveryWorkerThroughTheOrganizationToReadTheCallbackProfilesAgain_AndExit()
    {
        var (exitCode, output, error) = Vfd("sync", "--refresh", "--connection", Connection);

        Assert.True(exitCode == SyncCommand.ExitCodes.Succeeded, $"exit code {exitCode}: {error}\n{output}");
        Assert.StartsWith("Callback profiles: every worker of the organization reads them and the settings again at its next run.", output);
        var query = new QueryExpression(SyncState.EntityName) { ColumnSet = new ColumnSet(SyncState.RefreshRequested) };
        query.Criteria.AddCondition(SyncState.Name, ConditionOperator.Equal, Core.Callbacks.CallbackSync.JobName);
        Assert.NotNull(Assert.Single(Service.RetrieveMultiple(query).Entities).GetAttributeValue<DateTime?>(SyncState.RefreshRequested));
        Assert.Empty(Runs());
    }

    [Fact]
    public void OnceWithCallbacks_Should_RunTheCallbackSyncOnce_AndCallbacksWithoutOnceExitOne()
    {
        var (exitCode, output, error) = Vfd("sync", "--once", "--callbacks", "--connection", Connection);
        var (withoutOnce, _, refused) = Vfd("sync", "--callbacks", "--connection", Connection);

        Assert.True(exitCode == SyncCommand.ExitCodes.Succeeded, $"exit code {exitCode}: {error}\n{output}");
        Assert.Matches(@"^CallbackSync run [0-9a-f-]{36}: Succeeded\. ", output);
        Assert.Equal(SyncCommand.ExitCodes.Failed, withoutOnce);
        Assert.Contains("--callbacks goes with --once", refused);
        Assert.Empty(PhoneCalls());
        Assert.Empty(Runs());
        Assert.Single(CallbackRuns());
    }
}
