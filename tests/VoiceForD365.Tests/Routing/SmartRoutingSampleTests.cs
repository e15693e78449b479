using System.Net;
using System.Text.Json;
using VoiceForD365.LocalOrg.Samples;
using Xunit;

namespace VoiceForD365.Tests.Routing;

/// <summary>Enreach's SmartRouting requests against the sample data's callers and routing rules, over HTTP.</summary>
public sealed class SmartRoutingSampleTests(SampleRoutingFixture fixture) : IClassFixture<SampleRoutingFixture>
{
    private RoutingHarness Harness => fixture.Harness;

    [Fact]
    public async Task ContactOfAPreferredCustomer_Should_GoToTheVipQueueWithItsFailTarget()
    {
        var (status, body) = await Harness.RouteAsync("+358401234567", SampleData.ServiceDeskNumber, callId: "call-vip-1");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal($"{{\"InitialTarget\":\"{SampleData.VipQueueNumber}\",\"FailTarget\":\"{SampleData.PrioritySupportNumber}\"}}", body);
        Assert.Contains(Harness.Log.Lines, l => l.Contains("call-vip-1", StringComparison.Ordinal) && l.Contains("VIP: contacts of preferred customers", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PreferredCustomerAccount_Should_GoToTheVipQueueWithoutFailTarget()
    {
        var (status, body) = await Harness.RouteAsync("+358942421000", SampleData.ServiceDeskNumber);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal($"{{\"InitialTarget\":\"{SampleData.VipQueueNumber}\"}}", body);
    }

    [Fact]
    public async Task CallerWithAnOpenHighPriorityCase_Should_GoToPrioritySupport()
    {
        var (status, body) = await Harness.RouteAsync("+46701234567", SampleData.ServiceDeskNumber);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(SampleData.PrioritySupportNumber, JsonDocument.Parse(body).RootElement.GetProperty("InitialTarget").GetString());
    }

    [Fact]
    public async Task Lead_Should_GoToSales()
    {
        var (status, body) = await Harness.RouteAsync("+358459876543", SampleData.ServiceDeskNumber);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(SampleData.SalesNumber, JsonDocument.Parse(body).RootElement.GetProperty("InitialTarget").GetString());
    }

    [Fact]
    public async Task LeadCallingANumberItsRuleIsNotFor_Should_Get204()
    {
        var (status, body) = await Harness.RouteAsync("+358459876543", SampleData.PrioritySupportNumber);

        Assert.Equal((HttpStatusCode.NoContent, ""), (status, body));
    }

    [Fact]
    public async Task UnknownCaller_Should_Get204()
    {
        var (status, body) = await Harness.RouteAsync("+358401112223", SampleData.ServiceDeskNumber, callId: "call-unknown-1");

        Assert.Equal((HttpStatusCode.NoContent, ""), (status, body));
        Assert.Contains(Harness.Log.Lines, l => l.Contains("call-unknown-1", StringComparison.Ordinal) && l.Contains("unknown caller", StringComparison.Ordinal));
    }

    [Fact]
    public async Task HiddenNumber_Should_BeAnUnknownCaller()
    {
        var (status, _) = await Harness.RouteAsync("", SampleData.ServiceDeskNumber);

        Assert.Equal(HttpStatusCode.NoContent, status);
    }

    [Fact]
    public async Task VipCallingTheVipQueueDirectly_Should_Get204RatherThanALoop()
    {
        var (status, body) = await Harness.RouteAsync("+358401234567", SampleData.VipQueueNumber, callId: "call-loop-1");

        Assert.Equal((HttpStatusCode.NoContent, ""), (status, body));
        Assert.Contains(Harness.Log.Lines, l => l.Contains("call-loop-1", StringComparison.Ordinal) && l.Contains("LoopPrevented", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RuleWhoseFailTargetIsTheCalledNumber_Should_RouteWithoutIt()
    {
        var (status, body) = await Harness.RouteAsync("+358401234567", SampleData.PrioritySupportNumber);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal($"{{\"InitialTarget\":\"{SampleData.VipQueueNumber}\"}}", body);
    }

    [Fact]
    public async Task CallerInAnotherSpelling_Should_BeFoundByTheNumberKeys()
    {
        var (status, body) = await Harness.RouteAsync("00358 40 123 4567", "+358 9 4242 5000");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(SampleData.VipQueueNumber, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RepeatedCaller_Should_CostNoDataverseRequest()
    {
        await Harness.RouteAsync("+358502345678", SampleData.ServiceDeskNumber);
        var before = Harness.Routing.DataverseRequests;

        var (status, _) = await Harness.RouteAsync("+358502345678", SampleData.ServiceDeskNumber);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(before, Harness.Routing.DataverseRequests);
    }
}
