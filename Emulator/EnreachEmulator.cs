using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace VoiceForD365.Emulator;

/// <summary>
/// The Enreach emulator: an HTTP server on 127.0.0.1 (a free port) serving the Enreach endpoints Voice for D365 uses,
/// discovery included, from seed data that can change while it runs. API requests need the API user's Basic
/// credentials. <see cref="Faults"/> makes it fail on demand; <see cref="Requests"/> counts what it received.
/// <code>
/// await using var enreach = await EnreachEmulator.StartAsync();
/// enreach.Users.Add("agent@example.com");
/// // point the client at enreach.ApiEndpoint (override) or enreach.DiscoveryUrl, user enreach.ApiUserName / ApiSecret
/// </code>
/// The endpoints are grouped by API (<see cref="DiscoveryApi"/>, <see cref="UsersApi"/>, <see cref="CallsApi"/>,
/// <see cref="CallbacksApi"/>), each a group of <see cref="EmulatorRoute"/>s.
/// </summary>
public sealed class EnreachEmulator : IAsyncDisposable, IDisposable
{
    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stopping = new();
    private readonly string _apiPathBase;
    private Uri? _baseUrl;
    private int _disposed;

    private EnreachEmulator(EnreachEmulatorOptions options, string apiPathBase)
    {
        ApiUserName = options.ApiUserName;
        ApiSecret = options.ApiSecret;
        ApiUserId = options.ApiUserId;
        Clock = options.Clock ?? TimeProvider.System;
        Requests = new EnreachEmulatorRequests(Clock);
        if (options.Traffic != null) Calls.Traffic = new EnreachEmulatorTraffic(options.Traffic);
        _apiPathBase = apiPathBase;

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = typeof(EnreachEmulator).Assembly.GetName().Name });
        builder.WebHost.UseKestrelCore();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.WebHost.UseShutdownTimeout(TimeSpan.FromSeconds(2));
        builder.Services.AddRoutingCore();
        _app = builder.Build();
        _app.UseRouting();

        var pipeline = new EmulatorPipeline(this, _stopping.Token);
        var routes = new List<EmulatorRoute>();
        routes.AddRange(DiscoveryApi.Routes(this));
        routes.AddRange(UsersApi.Routes(this, "/" + apiPathBase));
        routes.AddRange(CallsApi.Routes(this, "/" + apiPathBase));
        routes.AddRange(CallbacksApi.Routes(this, "/" + apiPathBase));
        foreach (var route in routes)
            _app.MapMethods(route.Pattern, [route.Method], (RequestDelegate)(context => pipeline.ServeAsync(context, route)));
        _app.MapFallback((RequestDelegate)(context => pipeline.ServeAsync(context, EmulatorRoute.NotFound)));
    }

    /// <summary>Base URL of the server, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseUrl => _baseUrl ?? throw new InvalidOperationException("The emulator has not started.");

    /// <summary>Base URL of the emulated discovery service (<c>{DiscoveryUrl}api/user?user=</c>): the server itself.</summary>
    public Uri DiscoveryUrl => BaseUrl;

    /// <summary>The API endpoint discovery hands out, e.g. <c>http://127.0.0.1:41234/voice/</c>.</summary>
    public Uri ApiEndpoint => new(BaseUrl, _apiPathBase);

    public string ApiUserName { get; }

    public string ApiSecret { get; }

    public Guid ApiUserId { get; }

    /// <summary>The emulated users (the API user among them), changeable at any time.</summary>
    public EnreachEmulatorUsers Users { get; } = new();

    /// <summary>The emulated Enreach's call events, added ones and generated traffic.</summary>
    public EnreachEmulatorCalls Calls { get; } = new();

    /// <summary>The emulated Enreach's callback lists and requests.</summary>
    public EnreachEmulatorCallbacks Callbacks { get; } = new();

    /// <summary>The emulator's clock: what "now" is for the calls and callback requests it shows.</summary>
    public TimeProvider Clock { get; }

    /// <summary>Now, UTC, by <see cref="Clock"/>.</summary>
    public DateTime UtcNow => Clock.GetUtcNow().UtcDateTime;

    /// <summary>Failures to inject.</summary>
    public EnreachEmulatorFaults Faults { get; } = new();

    /// <summary>Requests received, per endpoint.</summary>
    public EnreachEmulatorRequests Requests { get; }

    /// <summary>Starts an emulator on 127.0.0.1 and a free port.</summary>
    public static EnreachEmulator Start(EnreachEmulatorOptions? options = null) =>
        StartAsync(options).GetAwaiter().GetResult();

    /// <summary>Starts an emulator on 127.0.0.1 and a free port.</summary>
    public static async Task<EnreachEmulator> StartAsync(EnreachEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new EnreachEmulatorOptions();
        if (string.IsNullOrWhiteSpace(options.ApiUserName)) throw new ArgumentException("The emulator needs an API user name.", nameof(options));
        if (string.IsNullOrEmpty(options.ApiSecret)) throw new ArgumentException("The emulator needs an API secret.", nameof(options));
        var apiPathBase = (options.ApiPathBase ?? "").Trim('/');
        apiPathBase = apiPathBase.Length == 0 ? "" : apiPathBase + "/";

        var emulator = new EnreachEmulator(options, apiPathBase);
        emulator.Users.Add(new EnreachEmulatorUser(options.ApiUserId, options.ApiUserName, "API", "User"));
        emulator.Users.AddRange(options.Users);
        try
        {
            await emulator._app.StartAsync(cancellationToken).ConfigureAwait(false);
            var address = emulator._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
                ?? throw new InvalidOperationException("The emulator's server did not report its address.");
            emulator._baseUrl = new Uri(address.TrimEnd('/') + "/");
        }
        catch
        {
            await emulator.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        return emulator;
    }

    /// <summary>Clears injected faults and request counts (users, calls and callbacks stay).</summary>
    public void Reset()
    {
        Faults.Clear();
        Requests.Reset();
    }

    /// <summary>Whether <paramref name="authorization"/> (an Authorization header) holds the API user's Basic credentials.</summary>
    internal bool IsApiUser(string? authorization)
    {
        const string scheme = "Basic ";
        if (authorization == null || !authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)) return false;
        string decoded;
        try
        {
            decoded = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(authorization[scheme.Length..].Trim()));
        }
        catch (FormatException)
        {
            return false;
        }
        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0) return false;
        var user = decoded[..colon];
        var secret = decoded[(colon + 1)..];
        return string.Equals(user, ApiUserName, StringComparison.OrdinalIgnoreCase)
            && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
                System.Text.Encoding.UTF8.GetBytes(secret), System.Text.Encoding.UTF8.GetBytes(ApiSecret));
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        _stopping.Cancel();
        try
        {
            if (_baseUrl != null) await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            await _app.DisposeAsync().ConfigureAwait(false);
            _stopping.Dispose();
        }
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    public override string ToString() => $"Enreach emulator at {_baseUrl?.ToString() ?? "(not started)"} (API endpoint path /{_apiPathBase}, {Users.Count} users)";
}
