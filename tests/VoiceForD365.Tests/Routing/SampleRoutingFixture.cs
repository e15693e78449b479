using Xunit;

namespace VoiceForD365.Tests.Routing;

/// <summary>One routing service over the sample data, shared by tests that only call it.</summary>
public sealed class SampleRoutingFixture : IAsyncLifetime
{
    public RoutingHarness Harness { get; private set; } = null!;

    public async Task InitializeAsync() => Harness = await RoutingHarness.StartAsync();

    public async Task DisposeAsync() => await Harness.DisposeAsync();
}
