using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using VoiceForD365.Core.Enreach;
using VoiceForD365.Emulator;
using Xunit;

namespace VoiceForD365.Tests.Enreach;

/// <summary>
/// A clock whose waits between attempts take no real time but count towards the budget: real time still passes for
/// the HTTP requests themselves (the monotonic clock is a real stopwatch plus every wait asked for).
/// </summary>
internal sealed class FakeClock : IEnreachClock
{
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private readonly DateTimeOffset _start = DateTimeOffset.UtcNow;
    private long _waitedTicks;

    public ConcurrentQueue<TimeSpan> Delays { get; } = new();

    public TimeSpan Waited => TimeSpan.FromTicks(Interlocked.Read(ref _waitedTicks));

    public DateTimeOffset UtcNow => _start + _watch.Elapsed + Waited;

    public TimeSpan Monotonic => _watch.Elapsed + Waited;

    public Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Delays.Enqueue(delay);
        Interlocked.Add(ref _waitedTicks, delay.Ticks);
        return Task.CompletedTask;
    }

    public void Sleep(TimeSpan delay, CancellationToken cancellationToken) => DelayAsync(delay, cancellationToken).GetAwaiter().GetResult();
}

/// <summary>An emulator, a client on it and what the client traced; one per test.</summary>
internal sealed class EnreachRig : IAsyncDisposable
{
    private EnreachRig(EnreachEmulator emulator) => Emulator = emulator;

    public EnreachEmulator Emulator { get; }

    public FakeClock Clock { get; } = new();

    public ConcurrentQueue<string> Traces { get; } = new();

    public EnreachDiscoveryCache DiscoveryCache { get; } = new(TimeSpan.FromHours(1));

    public static Task<EnreachRig> StartAsync(params string[] userNames) => WithSecretAsync("S3cr3t-" + Guid.NewGuid().ToString("N"), userNames);

    /// <summary>An emulator whose API user has <paramref name="secret"/> (a short one, say).</summary>
    public static async Task<EnreachRig> WithSecretAsync(string secret, params string[] userNames)
    {
        var emulator = await EnreachEmulator.StartAsync(new EnreachEmulatorOptions { ApiUserName = "api.user@contoso.test", ApiSecret = secret });
        foreach (var name in userNames) emulator.Users.Add(name);
        return new EnreachRig(emulator);
    }

    /// <summary>An emulator on <paramref name="clock"/>, with the options <paramref name="configure"/> sets (traffic, users).</summary>
    public static async Task<EnreachRig> WithClockAsync(TimeProvider clock, Action<EnreachEmulatorOptions>? configure = null)
    {
        var options = new EnreachEmulatorOptions { ApiUserName = "api.user@contoso.test", ApiSecret = "S3cr3t-" + Guid.NewGuid().ToString("N"), Clock = clock };
        configure?.Invoke(options);
        return new EnreachRig(await EnreachEmulator.StartAsync(options));
    }

    /// <summary>Settings for the emulator: the endpoint override unless <paramref name="discover"/>; small, fast limits.</summary>
    public EnreachSettings Settings(bool discover = false) => new()
    {
        ApiUserName = Emulator.ApiUserName,
        ApiSecret = Emulator.ApiSecret,
        EndpointOverride = discover ? null : Emulator.ApiEndpoint,
        DiscoveryUrl = Emulator.DiscoveryUrl,
        RequestTimeout = TimeSpan.FromSeconds(5),
        TotalBudget = TimeSpan.FromSeconds(20),
        MaxAttempts = 6,
        InitialBackoff = TimeSpan.FromSeconds(1),
        MaxBackoff = TimeSpan.FromSeconds(16),
    };

    public EnreachClient Client(EnreachSettings? settings = null, IEnreachClock? clock = null) =>
        new(settings ?? Settings(), new SocketsHttpHandler { AllowAutoRedirect = false }, Traces.Enqueue, clock ?? Clock, DiscoveryCache);

    public ValueTask DisposeAsync() => Emulator.DisposeAsync();
}

internal static class Secrets
{
    /// <summary>
    /// Neither the secret nor the Basic credentials built from it appear in the exception (message, ToString, inner
    /// exceptions, data) or in any trace line.
    /// </summary>
    public static void AssertNotRevealed(string userName, string secret, Exception? exception, IEnumerable<string> traces)
    {
        var forbidden = new[]
        {
            secret,
            Convert.ToBase64String(Encoding.UTF8.GetBytes(userName + ":" + secret)),
        };
        var texts = new List<string>(traces);
        for (var e = exception; e != null; e = e.InnerException)
        {
            texts.Add(e.Message);
            texts.Add(e.ToString());
            foreach (System.Collections.DictionaryEntry entry in e.Data) texts.Add(entry.Key + "=" + entry.Value);
        }
        foreach (var text in texts)
            foreach (var f in forbidden)
                Assert.False(text.Contains(f, StringComparison.Ordinal), "The secret appears in: " + text.Replace(f, "<SECRET>", StringComparison.Ordinal));
    }
}

internal static class Ports
{
    /// <summary>A loopback port nothing listens on (it was free a moment ago).</summary>
    public static int Unused()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
