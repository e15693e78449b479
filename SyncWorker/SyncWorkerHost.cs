using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace VoiceForD365.SyncWorker;

/// <summary>How a host gets the sync worker: its options, one <see cref="OrganizationSyncLoop"/> per organization, its metrics.</summary>
public static class SyncWorkerHost
{
    /// <summary>The standard OpenTelemetry variable that turns the OTLP export of the metrics on.</summary>
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>
    /// The worker as the service runs it: the generic host's configuration (appsettings.json, appsettings.{Environment}.json,
    /// environment variables, the command line), console logs (journald's format under systemd), systemd integration
    /// (Type=notify, stop on SIGTERM), and the metrics exported over OTLP when <see cref="OtlpEndpointVariable"/> is set.
    /// </summary>
    /// <exception cref="SyncWorkerConfigurationException">The configuration is not usable.</exception>
    public static HostApplicationBuilder CreateBuilder(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);
        builder.Services.AddSystemd();
        builder.Services.AddPhoneCallSyncWorker(builder.Configuration);
        if (!string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointVariable]))
        {
            builder.Services.AddOpenTelemetry()
                .ConfigureResource(resource => resource.AddService("voice-for-d365-sync"))
                .WithMetrics(metrics => metrics.AddMeter(SyncMetrics.MeterName).AddOtlpExporter());
        }
        return builder;
    }

    /// <summary>Adds the worker configured by the section <see cref="SyncWorkerOptions.SectionName"/>.</summary>
    /// <exception cref="SyncWorkerConfigurationException">The configuration is not usable.</exception>
    public static IServiceCollection AddPhoneCallSyncWorker(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new SyncWorkerOptions();
        try
        {
            configuration.GetSection(SyncWorkerOptions.SectionName).Bind(options);
        }
        catch (InvalidOperationException e)
        {
            throw new SyncWorkerConfigurationException($"The sync worker's configuration is not usable: {e.Message}");
        }
        return services.AddPhoneCallSyncWorker(options);
    }

    /// <summary>
    /// Adds the worker: one loop per organization of <paramref name="options"/> (validated now, so a bad configuration
    /// fails at start with every problem named), the host's shutdown timeout, the meter. A <see cref="TimeProvider"/>
    /// registered before is the clock of the runs and the sleeps (tests); else the system's.
    /// </summary>
    /// <exception cref="SyncWorkerConfigurationException">The options are not usable.</exception>
    public static IServiceCollection AddPhoneCallSyncWorker(this IServiceCollection services, SyncWorkerOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        options.WorkerId ??= DefaultWorkerId();
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SyncMetrics>();
        services.Configure<HostOptions>(host => host.ShutdownTimeout = options.ShutdownTimeout);
        foreach (var organization in options.Organizations)
        {
            // Not AddHostedService: it keeps one service per type, and there is a loop per organization.
            services.AddSingleton<IHostedService>(provider =>
            {
                var time = provider.GetRequiredService<TimeProvider>();
                var sync = OrganizationSync.Connect(organization, options, provider.GetRequiredService<SyncMetrics>(), provider.GetRequiredService<ILoggerFactory>(), time);
                return new OrganizationSyncLoop(sync, options.Interval, time, provider.GetRequiredService<ILogger<OrganizationSyncLoop>>());
            });
        }
        return services;
    }

    /// <summary>The machine's name and a random part: unique, but new at every start (give replicas stable ids of their own to resume at once).</summary>
    public static string DefaultWorkerId() => Environment.MachineName + "-" + Guid.NewGuid().ToString("N")[..8];
}
