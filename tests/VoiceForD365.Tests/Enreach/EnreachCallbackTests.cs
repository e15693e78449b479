using Microsoft.Extensions.Time.Testing;
using VoiceForD365.Core.Enreach;
using VoiceForD365.Emulator;
using Xunit;

namespace VoiceForD365.Tests.Enreach;

/// <summary>Callback lists, requests and the close through the client against the emulator over HTTP.</summary>
public sealed class EnreachCallbackTests
{
    private static readonly DateTime T0 = new(2025, 1, 6, 10, 0, 0, DateTimeKind.Utc);

    private static async Task<(EnreachRig Rig, FakeTimeProvider Clock, EnreachEmulatorCallbackList List)> StartAsync()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(T0.AddHours(1)));
        var rig = await EnreachRig.WithClockAsync(clock);
        var list = rig.Emulator.Callbacks.AddList("Support callbacks", description: "Missed calls of the support queue", queueId: Guid.NewGuid(), queueName: "Support");
        return (rig, clock, list);
    }

    private static EnreachEmulatorCallbackRequest Request(Guid list, DateTime created, string? note = null, Guid? voicemail = null) =>
        new() { Id = Guid.NewGuid(), ListId = list, ContactNumber = "+358401234567", Created = created, Note = note, VoicemailRecordingId = voicemail };

    [Fact]
    public async Task CallbackLists_Should_GiveIdNameAndWhatEnreachSaysOfEach()
    {
        var (rig, _, support) = await StartAsync();
        await using var _rig = rig;
        var sales = rig.Emulator.Callbacks.AddList("Sales callbacks");

        var lists = await rig.Client().GetCallbackListsAsync();

        Assert.Equal([(support.Id, "Support callbacks", "Missed calls of the support queue", support.QueueId, "Support"), (sales.Id, "Sales callbacks", null, null, null)],
            lists.Select(l => (l.Id, l.Name, l.Description, l.QueueId, l.QueueName)));
        Assert.Equal(1, rig.Emulator.Requests.Count(EnreachEmulatorEndpoint.CallbackLists));
    }

    [Fact]
    public async Task RequestsOfAList_Should_BeThoseCreatedInTheWindowThatEnreachHasByItsClock()
    {
        var (rig, clock, list) = await StartAsync();
        await using var _rig = rig;
        var voicemail = Guid.NewGuid();
        var inside = Request(list.Id, T0.AddMinutes(10), "Call me about the invoice", voicemail);
        var before = Request(list.Id, T0.AddMinutes(-1));
        var notYet = Request(list.Id, T0.AddMinutes(70));
        rig.Emulator.Callbacks.Add(inside);
        rig.Emulator.Callbacks.Add(before);
        rig.Emulator.Callbacks.Add(notYet);
        rig.Emulator.Callbacks.Add(Request(rig.Emulator.Callbacks.AddList("Other").Id, T0.AddMinutes(10)));
        var client = rig.Client();

        var requests = client.GetCallbackRequests(list.Id, T0, T0.AddHours(2));
        clock.SetUtcNow(T0.AddHours(2));
        var later = client.GetCallbackRequests(list.Id, T0, T0.AddHours(2));

        var request = Assert.Single(requests);
        Assert.Equal((inside.Id, list.Id, "+358401234567", T0.AddMinutes(10), "Call me about the invoice", "New", false),
            (request.Id, request.ListId, request.CallerNumber, request.Created, request.Note, request.Status, request.IsClosed));
        Assert.Equal((voicemail.ToString("D"), new Uri(rig.Emulator.ApiEndpoint, $"calls/recordings/{voicemail:D}")), (request.VoicemailRecordingId, request.VoicemailUrl));
        Assert.Equal([inside.Id, notYet.Id], later.Select(r => r.Id));
        Assert.Contains(rig.Emulator.Requests.Log, r => r.Query == "?CreatedAfter=2025-01-06%2010%3A00%3A00&CreatedBefore=2025-01-06%2012%3A00%3A00");
    }

    [Fact]
    public async Task ClosedRequest_Should_ReadAsClosedAfterwardsAndClosingItAgainIsHarmless()
    {
        var (rig, _, list) = await StartAsync();
        await using var _rig = rig;
        var request = Request(list.Id, T0.AddMinutes(5));
        rig.Emulator.Callbacks.Add(request);
        var client = rig.Client();

        client.CloseCallbackRequest(list.Id, request.Id);
        await client.CloseCallbackRequestAsync(list.Id, request.Id);
        var read = Assert.Single(client.GetCallbackRequests(list.Id, T0, T0.AddHours(1)));

        Assert.Equal(("Closed", true), (read.Status, read.IsClosed));
        var kept = rig.Emulator.Callbacks.Find(request.Id)!;
        Assert.Equal((T0.AddHours(1), "Logged as a phone call in Dynamics 365 by Voice for D365."), (kept.Closed, kept.CloseNote));
        Assert.Equal(2, rig.Emulator.Requests.Count(EnreachEmulatorEndpoint.CloseCallbackRequest));
        Assert.All(rig.Emulator.Requests.Log.Where(r => r.Endpoint == EnreachEmulatorEndpoint.CloseCallbackRequest), r => Assert.Equal("POST", r.Method));
    }

    [Fact]
    public async Task CloseThatMeetsAServerError_Should_BeRetriedAndClose()
    {
        var (rig, _, list) = await StartAsync();
        await using var _rig = rig;
        var request = Request(list.Id, T0.AddMinutes(5));
        rig.Emulator.Callbacks.Add(request);
        rig.Emulator.Faults.ServerError(times: 1, statusCode: 502, only: EnreachEmulatorEndpoint.CloseCallbackRequest);

        rig.Client().CloseCallbackRequest(list.Id, request.Id);

        Assert.Equal(EnreachEmulatorCallbacks.Closed, rig.Emulator.Callbacks.Find(request.Id)!.Status);
        Assert.Equal(2, rig.Emulator.Requests.Count(EnreachEmulatorEndpoint.CloseCallbackRequest));
    }

    [Fact]
    public async Task CloseOfARequestEnreachDoesNotHave_Should_FailAsNotFoundNamingIt()
    {
        var (rig, _, list) = await StartAsync();
        await using var _rig = rig;
        var missing = Guid.NewGuid();

        var e = Assert.Throws<EnreachNotFoundException>(() => rig.Client().CloseCallbackRequest(list.Id, missing));

        Assert.Contains($"callback request {missing:D} on list {list.Id:D} (404 Not Found on POST ", e.Message);
    }

    [Fact]
    public async Task RequestsOfAListEnreachDoesNotHave_Should_FailAsNotFound()
    {
        var (rig, _, _) = await StartAsync();
        await using var _rig = rig;

        Assert.Throws<EnreachNotFoundException>(() => rig.Client().GetCallbackRequests(Guid.NewGuid(), T0, T0.AddHours(1)));
    }

    [Theory]
    [InlineData("[{\"Id\":\"aaaaaaaa-0000-0000-0000-000000000001\",\"ContactNumber\":\"+358401234567\"}]", "callback request #1 (Id aaaaaaaa-0000-0000-0000-000000000001) has no Created")]
    [InlineData("[{\"Id\":\"x\",\"Created\":\"2025-01-06 10:05:00\"}]", "callback request #1 has an Id that is not a GUID")]
    [InlineData("[{\"Id\":\"aaaaaaaa-0000-0000-0000-000000000001\",\"Created\":\"2025-01-06 10:05:00\",\"CallbackListId\":\"bbbbbbbb-0000-0000-0000-000000000001\"}]", "is on another callback list than the one asked for")]
    public async Task RequestTheSyncCannotUse_Should_FailNamingTheRecordAndTheField(string body, string reason)
    {
        var (rig, _, list) = await StartAsync();
        await using var _rig = rig;
        rig.Emulator.Faults.Answer(body, only: EnreachEmulatorEndpoint.CallbackRequests);

        var e = Assert.Throws<EnreachMalformedResponseException>(() => rig.Client().GetCallbackRequests(list.Id, T0, T0.AddHours(1)));

        Assert.Contains(reason, e.Message);
    }

    [Fact]
    public async Task CallbackListWithoutName_Should_FailNamingTheRecord()
    {
        var (rig, _, _) = await StartAsync();
        await using var _rig = rig;
        rig.Emulator.Faults.Answer("[{\"Id\":\"aaaaaaaa-0000-0000-0000-000000000001\",\"Name\":\" \"}]", only: EnreachEmulatorEndpoint.CallbackLists);

        var e = Assert.Throws<EnreachMalformedResponseException>(() => rig.Client().GetCallbackLists());

        Assert.Contains("callback list #1 (Id aaaaaaaa-0000-0000-0000-000000000001) has no Name", e.Message);
    }
}
