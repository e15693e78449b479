using System.Net;
using System.Net.Http.Headers;
using System.Text;
using VoiceForD365.LocalOrg.Samples;
using VoiceForD365.RoutingService;
using Xunit;

namespace VoiceForD365.Tests.Routing;

/// <summary>What SmartRouting accepts as a request: JSON, small, with a bnum.</summary>
public sealed class SmartRoutingRequestTests(SampleRoutingFixture fixture) : IClassFixture<SampleRoutingFixture>
{
    private RoutingHarness Harness => fixture.Harness;

    [Theory]
    [InlineData("{\"anum\":\"+358401234567\",")]
    [InlineData("[\"+358401234567\"]")]
    [InlineData("{\"anum\":\"+358401234567\"}")]
    [InlineData("{\"anum\":358401234567,\"bnum\":\"+358942425000\"}")]
    public async Task MalformedBody_Should_Get400WithTheReason(string body)
    {
        var (status, answer) = await Harness.PostAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith("{\"error\":\"", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BodyOverTheLimit_Should_Get413()
    {
        var padding = new string('x', new RoutingServiceOptions().MaxBodyBytes);

        var (status, _) = await Harness.PostAsync($"{{\"anum\":\"+358401234567\",\"bnum\":\"+358942425000\",\"targetid\":\"{padding}\"}}");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
    }

    [Fact]
    public async Task ChunkedBodyOverTheLimit_Should_Get413()
    {
        var padding = new string('x', new RoutingServiceOptions().MaxBodyBytes);
        using var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes($"{{\"anum\":\"+358401234567\",\"bnum\":\"+358942425000\",\"x\":\"{padding}\"}}")));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, Harness.Routing.SmartRoutingUrl) { Content = content };
        request.Headers.TransferEncodingChunked = true;
        request.Headers.Add(ApiKeyAuthenticationHandler.EnreachKeyHeader, RoutingHarness.EnreachKey);

        var (status, _) = await Harness.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task BodyThatIsNotJson_Should_Get415(string contentType)
    {
        var (status, _) = await Harness.PostAsync("{\"anum\":\"+358401234567\",\"bnum\":\"+358942425000\"}", contentType: contentType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, status);
    }

    [Fact]
    public async Task JsonWithACharsetAndEnreachsExtraData_Should_BeRouted()
    {
        var body = $"{{\"ANUM\":\"{SampleData.LiisaMobile}\",\"bnum\":\"{SampleData.ServiceDeskNumber}\",\"targetid\":\"SERVICE_QUEUE\"," +
            "\"extradata\":{\"CallId\":\"abc\",\"LegId\":\"def\",\"CurrQueueId\":\"q1\",\"IsInternalCaller\":false,\"DYN_PAR_Culture\":\"fi-FI\"}}";

        var (status, _) = await Harness.PostAsync(body, contentType: "application/json; charset=utf-8");

        Assert.Equal(HttpStatusCode.OK, status);
    }
}
