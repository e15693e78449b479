using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using VoiceForD365.Cli.Serve;

namespace VoiceForD365.Tests.WebApi;

/// <summary>`vfd serve --port 0` running on a background thread (as a user runs it), with an HTTP client that carries its token.</summary>
public sealed partial class ServeFixture : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly StringWriter _text = new();
    private readonly Thread _thread;

    public ServeFixture()
    {
        var output = TextWriter.Synchronized(_text);
        _thread = new Thread(() => ExitCode = ServeCommand.Run(new ServeOptions { Port = 0 }, output, output, _stop.Token)) { IsBackground = true };
        _thread.Start();
        var started = DateTime.UtcNow;
        while (!Output.Contains("Press Ctrl-C to stop.", StringComparison.Ordinal))
        {
            if (!_thread.IsAlive || DateTime.UtcNow - started > TimeSpan.FromSeconds(60)) throw new InvalidOperationException("vfd serve did not start:\n" + Output);
            Thread.Sleep(20);
        }
        ConnectionString = ConnectionStringPattern().Match(Output).Groups[1].Value;
        WebApiUrl = new Uri(WebApiPattern().Match(Output).Groups[1].Value);
        Token = TokenPattern().Match(ConnectionString).Groups[1].Value;
        Http = new HttpClient { BaseAddress = WebApiUrl };
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
    }

    public string Output => _text.ToString();

    public string ConnectionString { get; }

    public Uri WebApiUrl { get; }

    public string Token { get; }

    public HttpClient Http { get; }

    public int? ExitCode { get; private set; }

    /// <summary>Stops the server as Ctrl-C does; true when it stopped within the time given.</summary>
    public bool Stop(TimeSpan within)
    {
        _stop.Cancel();
        return _thread.Join(within);
    }

    public void Dispose()
    {
        Stop(TimeSpan.FromSeconds(10));
        Http.Dispose();
        _stop.Dispose();
    }

    [GeneratedRegex(@"Connection string: (\S+)")]
    private static partial Regex ConnectionStringPattern();

    [GeneratedRegex(@"Web API:\s+(\S+)")]
    private static partial Regex WebApiPattern();

    [GeneratedRegex(@"Token=([^;]+)")]
    private static partial Regex TokenPattern();
}
