using System.CommandLine;
using System.Text;
using Microsoft.Extensions.Logging;
using VoiceForD365.RoutingService;
using VoiceForD365.WebApiClient;

namespace VoiceForD365.Cli.Route;

/// <summary>What `vfd route` serves and how.</summary>
public sealed record RouteOptions
{
    /// <summary>The Dataverse connection string (or from VFD_CONNECTION).</summary>
    public string? Connection { get; init; }

    public int Port { get; init; } = RouteCommand.DefaultPort;

    public RoutingServiceOptions Service { get; init; } = new();
}

/// <summary>
/// `vfd route`: the routing service (Enreach SmartRouting and the Webex IVR lookup) on 127.0.0.1 against an
/// organization: `vfd serve`'s, or a real one. The API keys come from VFD_ROUTING_API_KEYS and VFD_WEBEX_API_KEYS (or
/// their _FILE secrets files), never from the command line. Runs until Ctrl-C (SIGINT) or SIGTERM.
/// </summary>
public static class RouteCommand
{
    public const int DefaultPort = 5556;

    public static Command Create()
    {
        var connection = ConnectionOption.Create();
        var port = new Option<int>("--port") { Description = "Port on 127.0.0.1 (0: a free one).", DefaultValueFactory = _ => DefaultPort };
        var command = new Command("route",
            $"Serve Enreach SmartRouting (POST /smartrouting) and the Webex IVR lookup (GET /webex/caller) on http://127.0.0.1:PORT/, with the routing rules of the organization. Keys: {ApiKeySource.SmartRoutingVariable} and {ApiKeySource.WebexVariable} (comma separated; or *{ApiKeySource.FileSuffix} naming a secrets file).")
        {
            connection, port,
        };
        command.SetAction(parseResult =>
        {
            var configuration = parseResult.InvocationConfiguration;
            var options = new RouteOptions
            {
                Connection = ConnectionOption.Value(parseResult, connection),
                Port = parseResult.GetValue(port),
            };
            return StopSignals.Run(stop => Run(options, Environment.GetEnvironmentVariable, configuration.Output, configuration.Error, stop));
        });
        return command;
    }

    /// <summary>Serves until <paramref name="stop"/> is cancelled; 0 when it stopped cleanly, 1 when it could not start.</summary>
    public static int Run(RouteOptions options, Func<string, string?> environment, TextWriter output, TextWriter error, CancellationToken stop)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        if (options.Port is < 0 or > 65535)
        {
            error.WriteLine($"vfd route: --port {options.Port} is not a port (0 to 65535).");
            return 1;
        }
        if (string.IsNullOrWhiteSpace(options.Connection))
        {
            error.WriteLine(ConnectionOption.Missing("vfd route"));
            return 1;
        }

        RoutingServiceSetup setup;
        DataverseWebApiClient client;
        try
        {
            var connection = DataverseConnectionString.Parse(options.Connection);
            options.Service.Validate();
            client = RoutingHosting.CreateClient(connection, options.Service);
            setup = new RoutingServiceSetup
            {
                Dynamics = client,
                OrganizationUrl = connection.Url,
                Options = options.Service,
                SmartRoutingKeys = ApiKeySource.Read(ApiKeySource.SmartRoutingVariable, environment),
                WebexKeys = ApiKeySource.Read(ApiKeySource.WebexVariable, environment),
            };
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException)
        {
            error.WriteLine($"vfd route: {e.Message}");
            return 1;
        }

        using (client)
        {
            // The service logs from its start (the first read of the rules), before its address is known: held until the address is the first line.
            var log = new HeldLines(output);
            RoutingServer server;
            try
            {
                server = RoutingServer.StartAsync(setup, new RoutingServerOptions
                {
                    Port = options.Port,
                    Loggers = [new CommandLogProvider(log)],
                    MinimumLevel = LogLevel.Information,
                }).GetAwaiter().GetResult();
            }
            catch (InvalidOperationException e)
            {
                log.Release();
                error.WriteLine($"vfd route: {e.Message}");
                return 1;
            }
            catch (IOException e)
            {
                log.Release();
                error.WriteLine($"vfd route: can't listen on 127.0.0.1:{options.Port}: {e.Message} Choose another with --port (0: a free one).");
                return 1;
            }
            using (server)
            {
                output.WriteLine($"Routing service: {server.BaseUrl} (POST {server.SmartRoutingUrl.AbsolutePath}, GET {server.WebexUrl.AbsolutePath}?ani=…, GET /health)");
                output.WriteLine($"Organization:    {setup.OrganizationUrl}");
                output.WriteLine($"Keys:            SmartRouting {Count(setup.SmartRoutingKeys)} ({ApiKeySource.SmartRoutingVariable}), Webex {Count(setup.WebexKeys)} ({ApiKeySource.WebexVariable})");
                output.Flush();
                log.Release();
                server.FirstRuleReadAsync().Wait(stop);
                output.WriteLine(server.RuleCount is { } rules
                    ? $"Routing rules:   {rules} active, read again every {options.Service.RuleRefreshSeconds} s"
                    : $"Routing rules:   not read (see the log line above); tried again every {options.Service.RuleRefreshSeconds} s, SmartRouting answers 204 until then");
                output.WriteLine("Press Ctrl-C to stop.");
                output.Flush();
                stop.WaitHandle.WaitOne();
                output.WriteLine($"Stopped after {server.DataverseRequests} Dataverse requests for calls.");
            }
        }
        return 0;
    }

    /// <summary>Log lines kept until <see cref="Release"/>, then written through; each line in one write, so lines never mix.</summary>
    private sealed class HeldLines(TextWriter output) : TextWriter
    {
        private readonly object _lock = new();
        private List<string>? _held = new();
        private readonly StringBuilder _line = new();

        public override Encoding Encoding => output.Encoding;

        public override void Write(char value)
        {
            lock (_lock)
            {
                if (value == '\n') End();
                else if (value != '\r') _line.Append(value);
            }
        }

        public override void Write(string? value)
        {
            foreach (var c in value ?? "") Write(c);
        }

        public override void WriteLine(string? value)
        {
            lock (_lock)
            {
                _line.Append(value);
                End();
            }
        }

        public override void Flush()
        {
            lock (_lock)
            {
                if (_held is null) output.Flush();
            }
        }

        public void Release()
        {
            lock (_lock)
            {
                foreach (var line in _held ?? []) output.WriteLine(line);
                _held = null;
                output.Flush();
            }
        }

        private void End()
        {
            var line = _line.ToString();
            _line.Clear();
            if (_held is not null) _held.Add(line);
            else output.WriteLine(line);
        }
    }

    private static string Count(ApiKeyRing keys) => keys.Count switch
    {
        0 => "none (the endpoint refuses every request)",
        1 => "1 key",
        var n => $"{n} keys",
    };
}
