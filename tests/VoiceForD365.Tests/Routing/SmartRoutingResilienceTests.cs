using System.Diagnostics;
using System.Net;
using Polly.CircuitBreaker;
using VoiceForD365.LocalOrg.Samples;
using Xunit;

namespace VoiceForD365.Tests.Routing;

/// <summary>Whatever Dynamics does, Enreach gets an answer within the budget; a failing Dynamics is left alone for a while.</summary>
public sealed class SmartRoutingResilienceTests
{
    private const int Budget = 500;

    [Fact]
    public async Task HangingDynamics_Should_Get204WithinTheBudget()
    {
        await using var harness = await RoutingHarness.StartAsync(o => o.BudgetMilliseconds = Budget);
        harness.Dataverse.Faults.Slow(TimeSpan.FromSeconds(30));
        var watch = Stopwatch.StartNew();

        var (status, _) = await harness.RouteAsync(SampleData.LiisaMobile, SampleData.ServiceDeskNumber, callId: "call-hang-1");

        Assert.Equal(HttpStatusCode.NoContent, status);
        Assert.InRange(watch.ElapsedMilliseconds, Budget, Budget + 1500);
        Assert.Contains(harness.Log.Lines, l => l.Contains("call-hang-1", StringComparison.Ordinal) && l.Contains("Dynamics did not answer within the budget", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FailingDynamics_Should_OpenTheCircuitAndCloseItWhenItAnswersAgain()
    {
        await using var harness = await RoutingHarness.StartAsync(o =>
        {
            o.BudgetMilliseconds = Budget;
            o.BreakerMinimumThroughput = 3;
        });
        harness.Dataverse.Faults.ServiceUnavailable(times: null);

        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.NoContent, (await harness.RouteAsync($"+35840111000{i}", SampleData.ServiceDeskNumber)).Status);
        var asked = harness.Dataverse.Requests.Count;
        var whileOpen = await harness.RouteAsync(SampleData.LiisaMobile, SampleData.ServiceDeskNumber, callId: "call-open-1");

        Assert.Equal(CircuitState.Open, harness.Routing.Circuit);
        Assert.Equal(HttpStatusCode.NoContent, whileOpen.Status);
        Assert.Equal(asked, harness.Dataverse.Requests.Count);
        Assert.Contains(harness.Log.Lines, l => l.Contains("call-open-1", StringComparison.Ordinal) && l.Contains("the circuit is open", StringComparison.Ordinal));

        harness.Dataverse.Faults.Clear();
        await Task.Delay(TimeSpan.FromSeconds(1.2));
        var after = await harness.RouteAsync(SampleData.LiisaMobile, SampleData.ServiceDeskNumber);

        Assert.Equal(HttpStatusCode.OK, after.Status);
        Assert.Equal(CircuitState.Closed, harness.Routing.Circuit);
        Assert.Contains(harness.Log.Lines, l => l.Contains("Circuit closed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RulesThatNeedNoCaller_Should_RouteWithoutAskingDynamics()
    {
        await using var harness = await RoutingHarness.StartAsync();
        await harness.AddRuleAsync("Everyone", 1, Core.Schema.RoutingCallerKind.AnyCaller, "+358942427777");
        harness.Dataverse.Faults.Slow(TimeSpan.FromSeconds(30));

        var (status, _) = await harness.RouteAsync(SampleData.LiisaMobile, SampleData.ServiceDeskNumber);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(0, harness.Routing.DataverseRequests);
    }
}
