using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Polly.CircuitBreaker;

namespace VoiceForD365.RoutingService;

/// <summary>Where a <see cref="RoutingServer"/> listens and what it logs.</summary>
public sealed class RoutingServerOptions
{
    /// <summary>The port on 127.0.0.1; 0: a free one.</summary>
    public int Port { get; init; }

    /// <summary>Where log lines go (none: not logged).</summary>
    public IReadOnlyList<ILoggerProvider> Loggers { get; init; } = [];

    public LogLevel MinimumLevel { get; init; } = LogLevel.Information;
}

/// <summary>
/// The routing service on loopback (<c>http://127.0.0.1:N/</c>): what `vfd route`, the demo, the tests and the bench
/// start. The same composition as the service's own Program (<see cref="RoutingApp"/>), hosted on Kestrel.
/// </summary>
public sealed class RoutingServer : IAsyncDisposable, IDisposable
{
    private readonly WebApplication _app;
    private Uri? _baseUrl;
    private int _disposed;

    private RoutingServer(WebApplication app) => _app = app;

    /// <summary>The service's root, e.g. <c>http://127.0.0.1:5556/</c>.</summary>
    public Uri BaseUrl => _baseUrl ?? throw new InvalidOperationException("The server has not started.");

    public Uri SmartRoutingUrl => new(BaseUrl, SmartRoutingEndpoint.Path.TrimStart('/'));

    public Uri WebexUrl => new(BaseUrl, WebexEndpoint.Path.TrimStart('/'));

    /// <summary>Dataverse requests made for calls so far (the rule refreshes not counted).</summary>
    public long DataverseRequests => _app.Services.GetRequiredService<DataverseGate>().Requests;

    public CircuitState Circuit => _app.Services.GetRequiredService<DataverseGate>().Circuit;

    /// <summary>Active rules in use; null until they are read.</summary>
    public int? RuleCount => Rules.Current?.Rules.Rules.Count;

    internal RoutingRulesCache Rules => _app.Services.GetRequiredService<RoutingRulesCache>();

    /// <summary>Starts listening; the rules are read in the background (<see cref="FirstRuleReadAsync"/>).</summary>
    /// <exception cref="System.IO.IOException">The port is taken.</exception>
    public static async Task<RoutingServer> StartAsync(RoutingServiceSetup setup, RoutingServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(setup);
        options ??= new RoutingServerOptions();
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = typeof(RoutingServer).Assembly.GetName().Name });
        builder.WebHost.UseKestrelCore();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, options.Port);
            kestrel.AddServerHeader = false;
        });
        builder.WebHost.UseShutdownTimeout(TimeSpan.FromSeconds(2));
        builder.Services.AddRouting();
        builder.Services.AddLogging(logging =>
        {
            logging.SetMinimumLevel(options.MinimumLevel);
            // The framework's own lines (listening, hosting, data protection) only when something is wrong: the service's lines are what an operator reads.
            logging.AddFilter("Microsoft", LogLevel.Warning);
            foreach (var provider in options.Loggers) logging.AddProvider(provider);
        });
        builder.Services.AddRoutingService(setup);
        var app = builder.Build();
        app.UseRouting();
        app.MapRoutingEndpoints();
        var server = new RoutingServer(app);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server._baseUrl = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    /// <summary>Completes when the first read of the rules has succeeded or failed.</summary>
    public Task FirstRuleReadAsync() => Rules.FirstAttempt;

    /// <summary>Reads the rules again now (instead of at the next refresh); false when the read failed.</summary>
    public async Task<bool> RefreshRulesAsync(CancellationToken cancellationToken = default) =>
        await Rules.RefreshAsync(cancellationToken).ConfigureAwait(false) is not null;

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}
