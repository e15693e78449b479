using Microsoft.Extensions.Time.Testing;
using VoiceForD365.Core.Enreach;
using VoiceForD365.Emulator;
using Xunit;

namespace VoiceForD365.Tests.Enreach;

/// <summary>
/// The call endpoints of the client against the emulator over HTTP: windows and filters as sent, events as the sync
/// gets them (fields, kinds, numbers, recording links, raw records), visibility by the emulator's clock, and the
/// precise error for each record the sync could not use.
/// </summary>
public sealed class EnreachCallTests
{
    private static readonly DateTime T0 = new(2025, 1, 6, 10, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Agent = Guid.Parse("11111111-1111-1111-1111-111111111111");
    private static readonly Guid Other = Guid.Parse("22222222-2222-2222-2222-222222222222");
    private static readonly Guid Queue = Guid.Parse("33333333-3333-3333-3333-333333333333");

    private static async Task<(EnreachRig Rig, FakeTimeProvider Clock)> StartAsync(DateTime now)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(now));
        var rig = await EnreachRig.WithClockAsync(clock);
        rig.Emulator.Users.Add("agent@contoso.test", Agent);
        rig.Emulator.Users.Add("other@contoso.test", Other);
        return (rig, clock);
    }

    private static EnreachEmulatorCall Event(Guid callId, DateTime start, int seconds = 60, Guid? user = null, bool outgoing = false, string aNum = "+358401111111",
        string bNum = "+358101000001", Guid? queue = null, DateTime? modified = null, EnreachEmulatorClassification? classification = EnreachEmulatorClassification.Work) => new()
    {
        Id = Guid.NewGuid(),
        CallId = callId,
        UserId = user ?? Agent,
        Outgoing = outgoing,
        ANum = aNum,
        BNum = bNum,
        QueueId = queue,
        QueueName = queue == null ? null : "Support",
        StartTime = start,
        DurationSeconds = seconds,
        Classification = classification,
        Modified = modified ?? start.AddSeconds(seconds + 10),
    };

    private static async Task<EnreachMalformedResponseException> MalformedCalls(string body)
    {
        var (rig, _) = await StartAsync(T0.AddDays(1));
        await using (rig)
        {
            rig.Emulator.Faults.Answer(body, only: EnreachEmulatorEndpoint.UserCalls);
            return Assert.Throws<EnreachMalformedResponseException>(() => rig.Client().GetUserCalls(EnreachCallWindow.Started(T0, T0.AddHours(1))));
        }
    }

    private const string GoodRecord =
        "\"Id\":\"6f9619ff-8b86-d011-b42d-00c04fc964ff\",\"UserId\":\"11111111-1111-1111-1111-111111111111\",\"ANum\":\"+358401111111\",\"BNum\":\"+358101000001\"," +
        "\"StartTime\":\"2025-01-06 10:05:00\",\"Direction\":0,\"Duration\":60,\"EndResult\":0,\"Classification\":\"Work\"";

    // ------------------------------------------------------------ what is asked

    [Fact]
    public async Task WindowByStartTime_Should_BeSentInWholeUtcSecondsTheStartRoundedDownAndTheEndUp()
    {
        var (rig, _) = await StartAsync(T0.AddDays(1));
        await using var _rig = rig;

        rig.Client().GetUserCalls(EnreachCallWindow.Started(T0.AddMilliseconds(700), T0.AddHours(1).AddMilliseconds(200)));

        var request = Assert.Single(rig.Emulator.Requests.Log);
        Assert.Equal(("/voice/calls", "?StartTime=2025-01-06%2010%3A00%3A00&EndTime=2025-01-06%2011%3A00%3A01", 200), (request.Path, request.Query, request.StatusCode));
    }

    [Fact]
    public async Task WindowOverThirtyOneDays_Should_BeRefusedBeforeAnythingIsSent()
    {
        var (rig, _) = await StartAsync(T0.AddDays(60));
        await using var _rig = rig;
        var client = rig.Client();

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => client.GetUserCalls(EnreachCallWindow.Modified(T0, T0.AddDays(31).AddSeconds(1))));
        Assert.Throws<ArgumentOutOfRangeException>(() => client.GetServiceCalls(EnreachCallWindow.Started(T0, T0.AddDays(40))));

        Assert.Contains("at most 31 days", e.Message);
        Assert.Contains("Split it", e.Message);
        Assert.Equal(0, rig.Emulator.Requests.Total);
        Assert.Empty(client.GetUserCalls(EnreachCallWindow.Modified(T0, T0.AddDays(31))));
        Assert.Equal(1, rig.Emulator.Requests.Count(EnreachEmulatorEndpoint.UserCalls));
    }

    [Fact]
    public async Task UserIds_Should_LimitTheEventsToThoseUsersAndAnEmptyListAsksNothing()
    {
        var (rig, _) = await StartAsync(T0.AddDays(1));
        await using var _rig = rig;
        var third = Guid.NewGuid();
        rig.Emulator.Calls.AddRange([Event(Guid.NewGuid(), T0.AddMinutes(1)), Event(Guid.NewGuid(), T0.AddMinutes(2), user: Other), Event(Guid.NewGuid(), T0.AddMinutes(3), user: third)]);
        var window = EnreachCallWindow.Started(T0, T0.AddHours(1));
        var client = rig.Client();

        Assert.Equal([Agent, Other], client.GetUserCalls(window, [Agent, Other]).Select(e => e.UserId!.Value));
        Assert.Equal([third], client.GetUserCalls(window, [third]).Select(e => e.UserId!.Value));
        Assert.Equal(3, client.GetUserCalls(window).Count);
        Assert.Empty(client.GetUserCalls(window, []));
        Assert.Equal(3, rig.Emulator.Requests.Count(EnreachEmulatorEndpoint.UserCalls));
        Assert.Contains(rig.Emulator.Requests.Log, r => r.Query.EndsWith($"&UserIDs={Agent:D}&UserIDs={Other:D}", StringComparison.Ordinal));
    }

    // ------------------------------------------------------------ what comes back

    [Fact]
    public async Task DirectCallsInAndOut_Should_GiveTheOtherPartyAndTheAgentsSideByDirection()
    {
        var (rig, _) = await StartAsync(T0.AddDays(1));
        await using var _rig = rig;
        var incoming = Guid.NewGuid();
        var outgoing = Guid.NewGuid();
        var recording = Guid.NewGuid();
        rig.Emulator.Calls.Add(Event(incoming, T0.AddMinutes(1), aNum: "0401111111", bNum: "+358451234567") with { RecordingIds = [recording] });
        rig.Emulator.Calls.Add(Event(outgoing, T0.AddMinutes(2), seconds: 0, outgoing: true, aNum: "+358101000001", bNum: "+46701234567", classification: EnreachEmulatorClassification.Private) with { Answered = false });

        var events = await rig.Client().GetUserCallsAsync(EnreachCallWindow.Started(T0, T0.AddHours(1)));

        var @in = events.Single(e => e.CallId == incoming);
        Assert.Equal((EnreachCallKind.Direct, EnreachCallDirection.In, true, "0401111111", "+358451234567", Agent, (Guid?)null),
            (@in.Kind, @in.Direction, @in.Answered, @in.OtherPartyNumber, @in.AgentNumber, @in.UserId!.Value, @in.QueueId));
        Assert.Equal((T0.AddMinutes(1), TimeSpan.FromSeconds(60), EnreachCallClassification.Work, DateTimeKind.Utc), (@in.StartTime, @in.Duration, @in.Classification, @in.StartTime.Kind));
        Assert.Equal([recording.ToString("D")], @in.RecordingIds);
        Assert.Equal(new Uri(rig.Emulator.ApiEndpoint, $"calls/recordings/{recording:D}"), @in.RecordingUrl);
        Assert.Equal(T0.AddMinutes(1).AddSeconds(70), @in.Modified);
        var @out = events.Single(e => e.CallId == outgoing);
        Assert.Equal((EnreachCallDirection.Out, false, "+46701234567", "+358101000001", EnreachCallClassification.Private, (Uri?)null),
            (@out.Direction, @out.Answered, @out.OtherPartyNumber, @out.AgentNumber, @out.Classification, @out.RecordingUrl));
    }

    [Fact]
    public async Task AnsweredServiceCall_Should_BeTheAgentsEventInCallsAndTheQueuesViewInServiceCallWithTheSameCallAndAgent()
    {
        var (rig, _) = await StartAsync(T0.AddDays(1));
        await using var _rig = rig;
        var call = Guid.NewGuid();
        var unanswered = Guid.NewGuid();
        rig.Emulator.Calls.Add(Event(call, T0.AddMinutes(1).AddSeconds(20), queue: Queue));
        rig.Emulator.Calls.Add(Event(call, T0.AddMinutes(1), seconds: 80, queue: Queue, classification: null) with { View = EnreachEmulatorCallView.Queue });
        rig.Emulator.Calls.Add(Event(unanswered, T0.AddMinutes(2), seconds: 30, user: Guid.Empty, queue: Queue, classification: null) with { View = EnreachEmulatorCallView.Queue, UserId = null, Answered = false });
        var window = EnreachCallWindow.Started(T0, T0.AddHours(1));
        var client = rig.Client();

        var agentEvent = Assert.Single(client.GetUserCalls(window));
        var queueViews = client.GetServiceCalls(window);

        Assert.Equal((EnreachCallKind.Service, Queue, "Support", "+358101000001"), (agentEvent.Kind, agentEvent.QueueId!.Value, agentEvent.QueueName, agentEvent.AgentNumber));
        var answered = queueViews.Single(e => e.CallId == call);
        Assert.Equal((agentEvent.CallId, agentEvent.UserId), (answered.CallId, answered.UserId));
        Assert.Equal((EnreachCallKind.Service, EnreachCallDirection.In, true, "+358401111111", (string?)null, EnreachCallClassification.Work, TimeSpan.FromSeconds(80)),
            (answered.Kind, answered.Direction, answered.Answered, answered.OtherPartyNumber, answered.AgentNumber, answered.Classification, answered.Duration));
        var missed = queueViews.Single(e => e.CallId == unanswered);
        Assert.Equal((false, (Guid?)null, Queue), (missed.Answered, missed.UserId, missed.QueueId!.Value));
    }

    [Fact]
    public async Task CallId_Should_GiveEveryAgentsEventOfATransferredCall()
    {
        var (rig, _) = await StartAsync(T0.AddDays(1));
        await using var _rig = rig;
        var call = Guid.NewGuid();
        rig.Emulator.Calls.AddRange([Event(call, T0, queue: Queue), Event(call, T0.AddSeconds(60), user: Other, queue: Queue), Event(Guid.NewGuid(), T0)]);

        var events = await rig.Client().GetUserCallsByCallIdAsync(call);

        Assert.Equal([Agent, Other], events.Select(e => e.UserId!.Value));
        Assert.All(events, e => Assert.Equal(call, e.CallId));
        Assert.Equal($"?CallId={call:D}", Assert.Single(rig.Emulator.Requests.Log).Query);
    }

    [Fact]
    public async Task EventsByModifiedWindow_Should_ShowWhatEnreachHasByItsClockLateEventsLaterAndCorrectionsAsTheirNewVersion()
    {
        var (rig, clock) = await StartAsync(T0.AddMinutes(5));
        await using var _rig = rig;
        var onTime = Event(Guid.NewGuid(), T0, modified: T0.AddMinutes(2));
        var late = Event(Guid.NewGuid(), T0, modified: T0.AddMinutes(9));
        rig.Emulator.Calls.AddRange([onTime, late, onTime with { DurationSeconds = 75, Classification = EnreachEmulatorClassification.Private, Modified = T0.AddMinutes(12) }]);
        var client = rig.Client();

        var first = client.GetUserCalls(EnreachCallWindow.Modified(T0, T0.AddMinutes(5)));
        clock.SetUtcNow(T0.AddMinutes(15));
        var second = client.GetUserCalls(EnreachCallWindow.Modified(T0.AddMinutes(5), T0.AddMinutes(15)));

        var seen = Assert.Single(first);
        Assert.Equal((onTime.Id, TimeSpan.FromSeconds(60), EnreachCallClassification.Work), (seen.EventId, seen.Duration, seen.Classification));
        Assert.Equal(new[] { late.Id, onTime.Id }.Order(), second.Select(e => e.EventId).Order());
        var corrected = second.Single(e => e.EventId == onTime.Id);
        Assert.Equal((TimeSpan.FromSeconds(75), EnreachCallClassification.Private, T0.AddMinutes(12)), (corrected.Duration, corrected.Classification, corrected.Modified!.Value));
    }

    [Fact]
    public async Task Record_Should_KeepItsTextExactlyAsEnreachSentIt()
    {
        var (rig, _) = await StartAsync(T0.AddDays(1));
        await using var _rig = rig;
        const string first = "{ \"CallId\" : \"aaaaaaaa-0000-0000-0000-000000000001\", " + GoodRecord + ", \"Note\": \"a \\\"quoted\\\", [bracketed] {braced} note\" }";
        const string second = "{\"CallId\":\"aaaaaaaa-0000-0000-0000-000000000002\"," + GoodRecord + ",\"Nested\":{\"a\":[1,{\"b\":\"]\"}]}}";
        rig.Emulator.Faults.Answer(" [\n  " + first + " ,\n" + second + "\n] ", only: EnreachEmulatorEndpoint.UserCalls);

        var events = rig.Client().GetUserCalls(EnreachCallWindow.Started(T0, T0.AddHours(1)));

        Assert.Equal([first, second], events.Select(e => e.Json));
    }

    [Theory]
    [InlineData("\"CallID\":\"aaaaaaaa-0000-0000-0000-000000000001\",\"TimeStamp\":\"2025-01-06T10:05:00Z\"", "Direction\":0", "Direction\":0")]
    [InlineData("\"CallId\":\"aaaaaaaa-0000-0000-0000-000000000001\",\"StartTime\":\"2025-01-06T12:05:00.000+02:00\"", "Direction\":0", "Direction\":false")]
    [InlineData("\"CallId\":\"aaaaaaaa-0000-0000-0000-000000000001\",\"StartTime\":\"\\/Date(1736157900000)\\/\"", "Direction\":0", "Direction\":\"In\"")]
    public async Task RecordInAnotherEnreachSpelling_Should_BeRead(string callIdAndTime, string direction, string replacement)
    {
        var (rig, _) = await StartAsync(T0.AddDays(1));
        await using var _rig = rig;
        var record = GoodRecord.Replace("\"StartTime\":\"2025-01-06 10:05:00\",", "", StringComparison.Ordinal).Replace(direction, replacement, StringComparison.Ordinal)
            .Replace("\"Duration\":60", "\"Duration\":59.6", StringComparison.Ordinal).Replace("\"Classification\":\"Work\"", "\"Classification\":1", StringComparison.Ordinal);
        rig.Emulator.Faults.Answer("[{" + callIdAndTime + "," + record + "}]", only: EnreachEmulatorEndpoint.UserCalls);

        var e = Assert.Single(rig.Client().GetUserCalls(EnreachCallWindow.Started(T0, T0.AddHours(1))));

        Assert.Equal((Guid.Parse("aaaaaaaa-0000-0000-0000-000000000001"), T0.AddMinutes(5), EnreachCallDirection.In, TimeSpan.FromSeconds(59.6), EnreachCallClassification.Work),
            (e.CallId, e.StartTime, e.Direction, e.Duration, e.Classification));
    }

    // ------------------------------------------------------------ records the sync cannot use

    [Theory]
    [InlineData("\"CallId\":\"not-a-guid\",", "call event #2 has a CallId that is not a GUID")]
    [InlineData("", "call event #2 has no CallId")]
    [InlineData("\"CallId\":\"aaaaaaaa-0000-0000-0000-000000000002\",\"UserId\":null,", "call event #2 (CallId aaaaaaaa-0000-0000-0000-000000000002) has no UserId")]
    [InlineData("\"CallId\":\"aaaaaaaa-0000-0000-0000-000000000002\",\"StartTime\":\"06.01.2025 10:05\",", "(CallId aaaaaaaa-0000-0000-0000-000000000002) has a StartTime that is not a time")]
    [InlineData("\"CallId\":\"aaaaaaaa-0000-0000-0000-000000000002\",\"Direction\":\"sideways\",", "has a Direction that is not a direction")]
    [InlineData("\"CallId\":\"aaaaaaaa-0000-0000-0000-000000000002\",\"Duration\":-5,", "has a Duration that is not a number of seconds")]
    [InlineData("\"CallId\":\"aaaaaaaa-0000-0000-0000-000000000002\",\"Classification\":\"Secret\",", "has a Classification that is none of Work, Private and Unclassified")]
    public async Task RecordTheSyncCannotUse_Should_FailTheReadNamingTheRecordAndTheField(string override_, string reason)
    {
        // A member given twice is an error of its own, so each case replaces the good record's member (or adds it).
        var second = GoodRecord;
        foreach (var member in override_.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = member[..(member.IndexOf(':') + 1)];
            var start = second.IndexOf(name, StringComparison.Ordinal);
            if (start >= 0)
            {
                var end = second.IndexOf(",\"", start + name.Length, StringComparison.Ordinal);
                second = second[..start] + member + (end < 0 ? "" : second[end..]);
            }
            else
            {
                second = member + "," + second;
            }
        }
        var body = "[{\"CallId\":\"aaaaaaaa-0000-0000-0000-000000000001\"," + GoodRecord + "},{" + second + "}]";

        var e = await MalformedCalls(body);

        Assert.Contains(reason, e.Message);
        Assert.StartsWith("Enreach's answer to GET ", e.Message);
    }

    [Fact]
    public async Task RecordWithoutClassification_Should_FailSayingTheFieldDecidesWhetherItMayBeLogged()
    {
        var e = await MalformedCalls("[{\"CallId\":\"aaaaaaaa-0000-0000-0000-000000000001\"," + GoodRecord.Replace(",\"Classification\":\"Work\"", "", StringComparison.Ordinal) + "}]");

        Assert.Contains("call event #1 (CallId aaaaaaaa-0000-0000-0000-000000000001) has no Classification (Work, Private or Unclassified), which decides whether it may be logged", e.Message);
    }

    [Fact]
    public async Task ServiceCallWithoutQueue_Should_FailNamingTheRecord()
    {
        var (rig, _) = await StartAsync(T0.AddDays(1));
        await using var _rig = rig;
        rig.Emulator.Faults.Malformed(EnreachEmulatorMalformation.MissingFields, only: EnreachEmulatorEndpoint.ServiceCalls);

        var e = Assert.Throws<EnreachMalformedResponseException>(() => rig.Client().GetServiceCalls(EnreachCallWindow.Started(T0, T0.AddHours(1))));

        Assert.Contains("service call #1 has no CallId", e.Message);
    }

    // ------------------------------------------------------------ faults

    [Fact]
    public async Task RateLimitedCallRead_Should_BeRetriedAndSucceed()
    {
        var (rig, _) = await StartAsync(T0.AddDays(1));
        await using var _rig = rig;
        rig.Emulator.Calls.Add(Event(Guid.NewGuid(), T0));
        rig.Emulator.Faults.TooManyRequests(times: 2, retryAfter: TimeSpan.FromSeconds(3), only: EnreachEmulatorEndpoint.UserCalls);

        var events = rig.Client().GetUserCalls(EnreachCallWindow.Started(T0, T0.AddHours(1)));

        Assert.Single(events);
        Assert.Equal(3, rig.Emulator.Requests.Count(EnreachEmulatorEndpoint.UserCalls));
        Assert.Equal([TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(3)], rig.Clock.Delays);
    }

    [Fact]
    public async Task ServiceCallsWithRejectedCredentials_Should_FailWithTheCredentialsError()
    {
        var (rig, _) = await StartAsync(T0.AddDays(1));
        await using var _rig = rig;
        rig.Emulator.Faults.Unauthorized(only: EnreachEmulatorEndpoint.ServiceCalls);

        var e = await Assert.ThrowsAsync<EnreachCredentialsException>(() => rig.Client().GetServiceCallsAsync(EnreachCallWindow.Modified(T0, T0.AddHours(1))));

        Assert.Equal(401, e.StatusCode);
        Assert.Equal(1, rig.Emulator.Requests.Count(EnreachEmulatorEndpoint.ServiceCalls));
    }

    [Fact]
    public async Task CallsThatKeepFailingWithServerErrors_Should_FailAsUnavailableAfterTheAttempts()
    {
        var (rig, _) = await StartAsync(T0.AddDays(1));
        await using var _rig = rig;
        rig.Emulator.Faults.ServerError(statusCode: 503, only: EnreachEmulatorEndpoint.UserCalls);

        var e = Assert.Throws<EnreachUnavailableException>(() => rig.Client().GetUserCallsByCallId(Guid.NewGuid()));

        Assert.Equal((EnreachErrorKind.Unavailable, 503), (e.Kind, e.StatusCode));
        Assert.Equal(e.Attempts, rig.Emulator.Requests.Count(EnreachEmulatorEndpoint.UserCalls));
        Assert.True(e.Attempts > 1);
    }
}
