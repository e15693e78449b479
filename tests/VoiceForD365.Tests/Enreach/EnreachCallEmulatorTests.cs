using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using VoiceForD365.Core.Enreach;
using VoiceForD365.Emulator;
using Xunit;

namespace VoiceForD365.Tests.Enreach;

/// <summary>
/// The emulator's call endpoints with a plain HttpClient (Enreach's 400s), and its generated traffic: deterministic
/// for a seed and the clock, and holding every kind of call the sync must handle.
/// </summary>
public sealed class EnreachCallEmulatorTests
{
    private static readonly DateTime Start = new(2025, 1, 6, 0, 0, 0, DateTimeKind.Utc);

    private static EnreachEmulatorTrafficOptions Traffic(int seed = 7, double callsPerHour = 200)
    {
        var options = new EnreachEmulatorTrafficOptions { Seed = seed, CallsPerHour = callsPerHour, Start = Start };
        for (var i = 0; i < 10; i++)
            options.Users.Add(new EnreachEmulatorTrafficUser(new Guid(i + 1, 0, 0, new byte[8]), MobileNumber: $"+35850{1000000 + i}"));
        options.Queues.Add(new EnreachEmulatorTrafficQueue(Guid.Parse("33333333-3333-3333-3333-333333333333"), "Support", "+358101000100"));
        options.Queues.Add(new EnreachEmulatorTrafficQueue(Guid.Parse("44444444-4444-4444-4444-444444444444"), "Sales", "+358101000200"));
        for (var i = 0; i < 50; i++) options.CustomerNumbers.Add($"+35840{2000000 + i}");
        return options;
    }

    private static async Task<string> GetAsync(EnreachEmulator emulator, string pathAndQuery, HttpStatusCode expected)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(emulator.ApiEndpoint, pathAndQuery));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(emulator.ApiUserName + ":" + emulator.ApiSecret)));
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{pathAndQuery}: {response.StatusCode} {body}");
        return body;
    }

    [Theory]
    [InlineData("calls?StartTime=2025-01-01%2000:00:00&EndTime=2025-02-01%2000:00:01", "more than 31 days")]
    [InlineData("calls?ModifiedAfter=2025-01-01T00:00:00&ModifiedBefore=2025-01-02%2000:00:00", "ModifiedAfter is not a time")]
    [InlineData("calls?StartTime=2025-01-02%2000:00:00&EndTime=2025-01-01%2000:00:00", "EndTime is before StartTime")]
    [InlineData("calls?StartTime=2025-01-01%2000:00:00", "StartTime and EndTime go together")]
    [InlineData("calls?UserIDs=11111111-1111-1111-1111-111111111111", "give StartTime and EndTime, ModifiedAfter and ModifiedBefore, or CallId")]
    [InlineData("calls?CallId=42", "CallId is not a GUID")]
    [InlineData("calls?StartTime=2025-01-01%2000:00:00&EndTime=2025-01-02%2000:00:00&UserIDs=x", "UserIDs holds a value that is not a GUID")]
    [InlineData("servicecall?StartTime=2025-01-01%2000:00:00&EndTime=2025-03-01%2000:00:00", "more than 31 days")]
    [InlineData("servicecall?CallId=11111111-1111-1111-1111-111111111111", "give StartTime and EndTime, or ModifiedAfter and ModifiedBefore")]
    public async Task RequestEnreachRefuses_Should_Answer400SayingWhy(string pathAndQuery, string reason)
    {
        await using var emulator = await EnreachEmulator.StartAsync();

        var body = await GetAsync(emulator, pathAndQuery, HttpStatusCode.BadRequest);

        Assert.Contains(reason, body);
    }

    [Fact]
    public async Task WindowOfExactlyThirtyOneDaysAndUserIdsCommaSeparated_Should_BeAnswered()
    {
        await using var emulator = await EnreachEmulator.StartAsync();

        Assert.Equal("[]", await GetAsync(emulator, "calls?StartTime=2025-01-01+00:00:00&EndTime=2025-02-01+00:00:00&UserIDs=11111111-1111-1111-1111-111111111111,22222222-2222-2222-2222-222222222222", HttpStatusCode.OK));
    }

    [Fact]
    public void SameTrafficAskedInPieces_Should_BeTheSameCallsAndEachHourItsShare()
    {
        var traffic = new EnreachEmulatorTraffic(Traffic(callsPerHour: 12.5));

        var whole = new EnreachEmulatorTraffic(Traffic(callsPerHour: 12.5)).Between(Start, Start.AddHours(4));
        var pieces = traffic.Between(Start.AddHours(2), Start.AddHours(4)).Concat(traffic.Between(Start, Start.AddHours(2)));

        static string Text(EnreachEmulatorCall c) => c + " " + string.Join(",", c.RecordingIds) + " " + c.ANum + " " + c.BNum;
        Assert.Equal(whole.Select(Text).Order(), pieces.Select(Text).Order());
        var arrived = new EnreachEmulatorTraffic(Traffic(callsPerHour: 12.5)).Between(Start, Start.AddHours(8)).GroupBy(c => c.CallId).Select(g => g.Min(c => c.StartTime)).ToList();
        Assert.InRange(arrived.Count, 99, 100);
    }

    [Fact]
    public void OtherSeed_Should_GiveOtherTraffic()
    {
        var one = new EnreachEmulatorTraffic(Traffic(seed: 1)).Between(Start, Start.AddHours(1));
        var two = new EnreachEmulatorTraffic(Traffic(seed: 2)).Between(Start, Start.AddHours(1));

        Assert.NotEqual(one.Select(c => c.CallId), two.Select(c => c.CallId));
    }

    [Fact]
    public void DayOfTraffic_Should_HoldEveryKindOfCallTheSyncHandles()
    {
        var options = Traffic();
        var calls = new EnreachEmulatorTraffic(options).Between(Start, Start.AddDays(1));
        var users = calls.Where(c => c.View == EnreachEmulatorCallView.User).ToList();
        var queues = calls.Where(c => c.View == EnreachEmulatorCallView.Queue).ToList();
        var mobiles = options.Users.Select(u => u.MobileNumber).ToHashSet();
        var customers = options.CustomerNumbers.ToHashSet();
        string Other(EnreachEmulatorCall c) => c.Outgoing ? c.BNum! : c.ANum!;

        Assert.Contains(users, c => c.QueueId == null && c.Outgoing);
        Assert.Contains(users, c => c.QueueId == null && !c.Outgoing);
        Assert.Contains(users, c => c.QueueId == null && !c.Answered);
        Assert.Contains(users, c => mobiles.Contains(c.Outgoing ? c.ANum : c.BNum));
        Assert.Contains(queues, c => c.Answered && c.UserId != null);
        Assert.Contains(queues, c => !c.Answered && c.UserId == null);
        Assert.Contains(users.Where(c => c.QueueId != null).GroupBy(c => c.CallId), g => g.Select(c => c.UserId).Distinct().Count() == 2);
        foreach (var classification in Enum.GetValues<EnreachEmulatorClassification>()) Assert.Contains(users, c => c.Classification == classification);
        Assert.Contains(users, c => c.Answered && c.DurationSeconds < 10);
        Assert.Contains(users, c => c.RecordingIds.Count == 1);
        Assert.Contains(calls, c => customers.Contains(Other(c)));
        Assert.Contains(calls, c => Other(c).StartsWith("+358", StringComparison.Ordinal) && !customers.Contains(Other(c)));
        Assert.Contains(calls, c => Other(c).StartsWith('0') && !Other(c).StartsWith("00", StringComparison.Ordinal));
        Assert.Contains(calls.GroupBy(c => c.Id), g => g.Count() == 1 && (g.Single().Modified - g.Single().StartTime.AddSeconds(g.Single().DurationSeconds)).TotalSeconds > 10);
        Assert.Contains(calls.GroupBy(c => c.Id), g => g.Count() == 2 && g.First().DurationSeconds != g.Last().DurationSeconds);
        Assert.Contains(calls.GroupBy(c => c.Id), g => g.Count() == 2 && g.First().Classification != g.Last().Classification);
        // An answered queue call is also its agent's event: same CallId, same agent.
        Assert.All(queues.Where(c => c.Answered), q => Assert.Contains(users, u => u.CallId == q.CallId && u.UserId == q.UserId));
    }

    [Fact]
    public async Task TrafficThroughTheClient_Should_BeWhatTheEmulatorShowsByItsClockTheSameForTheSameSeed()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(Start.AddHours(3)));
        await using var one = await EnreachRig.WithClockAsync(clock, o => o.Traffic = Traffic());
        await using var two = await EnreachRig.WithClockAsync(clock, o => o.Traffic = Traffic());
        var window = EnreachCallWindow.Modified(Start, Start.AddHours(3));

        var events = one.Client().GetUserCalls(window);
        var again = two.Client().GetUserCalls(window);
        var service = one.Client().GetServiceCalls(window);

        var expected = one.Emulator.Calls.Current(Start.AddHours(3), Start, Start.AddHours(3));
        Assert.Equal(expected.Where(c => c.View == EnreachEmulatorCallView.User && c.Modified < Start.AddHours(3)).Select(c => c.Id).Order(), events.Select(e => e.EventId).Order());
        Assert.Equal(events.Select(e => e.Json), again.Select(e => e.Json));
        Assert.All(events, e => Assert.True(e.Modified <= Start.AddHours(3)));
        Assert.NotEmpty(service);
        Assert.All(service, e => Assert.Equal(EnreachCallKind.Service, e.Kind));

        clock.Advance(TimeSpan.FromHours(1));
        var later = one.Client().GetUserCalls(EnreachCallWindow.Modified(Start, Start.AddHours(4)));
        Assert.True(later.Count > events.Count);
    }
}
