using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using VoiceForD365.SyncWorker;
using Xunit;

namespace VoiceForD365.Tests.SyncWorker;

/// <summary>The worker's configuration (section Sync): what it binds, and what it refuses at start.</summary>
public sealed class SyncWorkerConfigurationTests
{
    [Fact]
    public void OrganizationsInTheConfiguration_Should_EachGetALoopOfTheirOwnWithTheConfiguredInterval()
    {
        var configuration = Configuration(new()
        {
            ["Sync:WorkerId"] = "replica-a",
            ["Sync:Interval"] = "00:00:30",
            ["Sync:Organizations:0:Name"] = "north",
            ["Sync:Organizations:0:ConnectionString"] = "AuthType=ClientSecret;Url=https://north.crm4.dynamics.com;ClientId=11111111-1111-1111-1111-111111111111;ClientSecret=north-secret",
            ["Sync:Organizations:1:Name"] = "south",
            ["Sync:Organizations:1:ConnectionString"] = "AuthType=Bearer;Url=https://south.crm4.dynamics.com;Token=south-token",
        });
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddPhoneCallSyncWorker(configuration);
        using var host = builder.Build();

        var loops = host.Services.GetServices<IHostedService>().OfType<OrganizationSyncLoop>().ToList();

        Assert.Equal(["north", "south"], loops.Select(l => l.Sync.Name));
        Assert.Equal(["https://north.crm4.dynamics.com/api/data/v9.2/", "https://south.crm4.dynamics.com/api/data/v9.2/"], loops.Select(l => l.Sync.Url.AbsoluteUri));
        Assert.All(loops, l => Assert.Equal("replica-a", l.Sync.WorkerId));
        Assert.Equal(TimeSpan.FromMinutes(2), host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<HostOptions>>().Value.ShutdownTimeout);
    }

    [Fact]
    public void NoOrganization_Should_FailAtStartSayingWhichVariablesToSet()
    {
        var e = Assert.Throws<SyncWorkerConfigurationException>(() => new ServiceCollection().AddPhoneCallSyncWorker(Configuration(new())));

        Assert.Contains("no organization is configured", e.Message);
        Assert.Contains("Sync__Organizations__0__ConnectionString", e.Message);
    }

    [Fact]
    public void UnusableOrganizations_Should_FailAtStartNamingEveryProblemWithoutItsSecret()
    {
        var configuration = Configuration(new()
        {
            ["Sync:Interval"] = "00:00:00",
            ["Sync:Organizations:0:Name"] = "north",
            ["Sync:Organizations:0:ConnectionString"] = "AuthType=ClientSecret;Url=https://north.crm4.dynamics.com;ClientSecret=north-secret-value",
            ["Sync:Organizations:1:Name"] = "North",
            ["Sync:Organizations:1:ConnectionString"] = "AuthType=Bearer;Url=https://south.crm4.dynamics.com;Token=t",
            ["Sync:Organizations:2:ConnectionString"] = "AuthType=Bearer;Url=https://west.crm4.dynamics.com;Token=t",
        });

        var e = Assert.Throws<SyncWorkerConfigurationException>(() => new ServiceCollection().AddPhoneCallSyncWorker(configuration));

        Assert.Contains("Sync:Organizations:0:ConnectionString: ", e.Message);
        Assert.Contains("ClientId", e.Message);
        Assert.Contains("Sync:Organizations:1:Name 'North' is used twice", e.Message);
        Assert.Contains("Sync:Organizations:2:Name is empty", e.Message);
        Assert.Contains("Sync:Interval must be from 00:00:01", e.Message);
        Assert.DoesNotContain("north-secret-value", e.Message);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
