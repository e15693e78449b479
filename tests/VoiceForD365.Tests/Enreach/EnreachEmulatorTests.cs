using System.Net;
using System.Net.Http.Headers;
using System.Text;
using VoiceForD365.Emulator;
using Xunit;

namespace VoiceForD365.Tests.Enreach;

/// <summary>The emulator itself, with a plain HttpClient (so its behaviour does not depend on the product's client).</summary>
public sealed class EnreachEmulatorTests
{
    private static HttpRequestMessage Get(Uri url, string? user = null, string? secret = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (user != null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + secret)));
        return request;
    }

    [Fact]
    public async Task Start_Should_ListenOnLoopbackOnly()
    {
        await using var emulator = await EnreachEmulator.StartAsync();

        Assert.Equal("127.0.0.1", emulator.BaseUrl.Host);
        Assert.NotEqual(0, emulator.BaseUrl.Port);
        Assert.StartsWith(emulator.BaseUrl.AbsoluteUri, emulator.ApiEndpoint.AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UsersWithoutCredentials_Should_Answer401AndCountTheRequest()
    {
        await using var emulator = await EnreachEmulator.StartAsync();
        using var http = new HttpClient();

        using var response = await http.SendAsync(Get(new Uri(emulator.ApiEndpoint, "users")));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Basic", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Equal(1, emulator.Requests.Count(EnreachEmulatorEndpoint.Users));
    }

    [Fact]
    public async Task UsersWithCredentialsInAnotherCase_Should_ListEveryUserWithEnreachFieldNames()
    {
        await using var emulator = await EnreachEmulator.StartAsync();
        emulator.Users.Add("agent@contoso.test");
        using var http = new HttpClient();

        using var response = await http.SendAsync(Get(new Uri(emulator.ApiEndpoint, "users"), emulator.ApiUserName.ToUpperInvariant(), emulator.ApiSecret));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var doc = System.Text.Json.JsonDocument.Parse(body);
        Assert.Equal(2, doc.RootElement.GetArrayLength());
        Assert.Contains(doc.RootElement.EnumerateArray(), u => u.GetProperty("UserName").GetString() == "agent@contoso.test" && u.TryGetProperty("Id", out _));
    }

    [Fact]
    public async Task FaultForTwoRequests_Should_ApplyTwiceThenStop()
    {
        await using var emulator = await EnreachEmulator.StartAsync();
        emulator.Faults.ServerError(times: 2, statusCode: 502);
        using var http = new HttpClient();
        var statuses = new List<int>();

        for (var i = 0; i < 3; i++)
        {
            using var response = await http.SendAsync(Get(new Uri(emulator.ApiEndpoint, "users/me"), emulator.ApiUserName, emulator.ApiSecret));
            statuses.Add((int)response.StatusCode);
        }

        Assert.Equal([502, 502, 200], statuses);
        Assert.Equal(0, emulator.Faults.Pending);
        Assert.Equal(3, emulator.Requests.Count(EnreachEmulatorEndpoint.CurrentUser));
    }

    [Fact]
    public async Task UnknownPath_Should_Answer404AsUnknownEndpoint()
    {
        await using var emulator = await EnreachEmulator.StartAsync();
        using var http = new HttpClient();

        using var response = await http.SendAsync(Get(new Uri(emulator.BaseUrl, "calls")));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(1, emulator.Requests.Count(EnreachEmulatorEndpoint.Unknown));
    }
}
