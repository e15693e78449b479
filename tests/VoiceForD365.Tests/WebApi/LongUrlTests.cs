using System.Net;
using Xunit;

namespace VoiceForD365.Tests.WebApi;

/// <summary>URLs past Kestrel's default limit (8 KB) that Dataverse takes outside a $batch (up to 32 KB), and the product's client sends as they are (up to 16 KB).</summary>
public sealed class LongUrlTests : IClassFixture<ServeFixture>
{
    private readonly ServeFixture _serve;

    public LongUrlTests(ServeFixture serve) => _serve = serve;

    [Fact]
    public async Task QueryOf10KilobytesOfUrl_Should_BeAnsweredAsDataverseAnswersIt()
    {
        var numbers = string.Join(" or ", Enumerable.Range(0, 220).Select(i => $"telephone1 eq '+35840{i:D7}'"));
        var url = "contacts?$select=fullname&$filter=" + Uri.EscapeDataString(numbers);
        Assert.InRange(url.Length, 9 * 1024, 16 * 1024);

        using var response = await _serve.Http.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
