using System.CommandLine;
using System.Globalization;
using VoiceForD365.Cli.Demo;
using VoiceForD365.Core.Enreach;
using VoiceForD365.Core.Schema;
using VoiceForD365.LocalOrg.Samples;

namespace VoiceForD365.Cli.Serve;

/// <summary>What `vfd serve` serves and how.</summary>
public sealed record ServeOptions
{
    public int Port { get; init; } = ServeCommand.DefaultPort;

    /// <summary>The bearer token; null: a random one (printed).</summary>
    public string? Token { get; init; }

    public bool SampleData { get; init; } = true;

    /// <summary>Answer the first N requests with service protection's 429 (fault paths of clients).</summary>
    public int TooManyRequests { get; init; }

    public TimeSpan RetryAfter { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Wait this long before every answer.</summary>
    public TimeSpan Slow { get; init; }

    /// <summary>Calls Enreach generates an hour for the organization's users, from an hour before the start on (0: none).</summary>
    public double CallsPerHour { get; init; } = ServeCommand.DefaultCallsPerHour;

    /// <summary>The seed of the generated calls: the same seed and start hour give the same calls.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>The Enreach emulator's clock, by which calls become visible (default: the system's; tests freeze it).</summary>
    public TimeProvider? EnreachClock { get; init; }
}

/// <summary>
/// `vfd serve`: the local organization (<see cref="ServedOrganization"/>: the package installed and configured, the
/// plug-ins and the callback process registered, the demo's sample data) as a Dataverse Web API on 127.0.0.1, with the
/// Enreach emulator beside it and the Enreach environment variables pointing at it. Runs until Ctrl-C (SIGINT) or SIGTERM.
/// </summary>
public static class ServeCommand
{
    public const int DefaultPort = 5555;

    public const double DefaultCallsPerHour = 60;

    /// <summary>Ten calls a second: more than any contact centre the emulator stands for.</summary>
    public const double MaxCallsPerHour = 36_000;

    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = $"Port on 127.0.0.1 (0: a free one).", DefaultValueFactory = _ => DefaultPort };
        var token = new Option<string?>("--token") { Description = "Bearer token every request must carry (default: a random one, printed)." };
        var noSampleData = new Option<bool>("--no-sample-data") { Description = "Serve the solution only, without the sample users, accounts, contacts and lead." };
        var tooMany = new Option<int>("--too-many-requests") { Description = "Answer the first N requests with 429 Too Many Requests (Dataverse's service protection)." };
        var retryAfter = new Option<int>("--retry-after") { Description = "Retry-After seconds of those 429 answers.", DefaultValueFactory = _ => 1 };
        var slow = new Option<int>("--slow") { Description = "Wait this many milliseconds before every answer." };
        var callsPerHour = new Option<double>("--calls-per-hour")
        {
            Description = "Calls Enreach generates an hour for the organization's users, from an hour before the start on (0: none); vfd sync logs them.",
            DefaultValueFactory = _ => DefaultCallsPerHour,
        };
        var seed = new Option<int>("--seed") { Description = "The seed of the generated calls.", DefaultValueFactory = _ => 1 };
        var command = new Command("serve", "Serve the local organization as a Dataverse Web API (http://127.0.0.1:PORT/api/data/v9.2/) with the Enreach emulator beside it.")
        {
            port, token, noSampleData, tooMany, retryAfter, slow, callsPerHour, seed,
        };
        command.SetAction(parseResult =>
        {
            var configuration = parseResult.InvocationConfiguration;
            var options = new ServeOptions
            {
                Port = parseResult.GetValue(port),
                Token = parseResult.GetValue(token),
                SampleData = !parseResult.GetValue(noSampleData),
                TooManyRequests = parseResult.GetValue(tooMany),
                RetryAfter = TimeSpan.FromSeconds(parseResult.GetValue(retryAfter)),
                Slow = TimeSpan.FromMilliseconds(parseResult.GetValue(slow)),
                CallsPerHour = parseResult.GetValue(callsPerHour),
                Seed = parseResult.GetValue(seed),
            };
            return StopSignals.Run(stop => Run(options, configuration.Output, configuration.Error, stop));
        });
        return command;
    }

    /// <summary>Serves until <paramref name="stop"/> is cancelled; 0 when it stopped cleanly, 1 when it could not start.</summary>
    public static int Run(ServeOptions options, TextWriter output, TextWriter error, CancellationToken stop)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Port is < 0 or > 65535)
        {
            error.WriteLine($"vfd serve: --port {options.Port} is not a port (0 to 65535).");
            return 1;
        }
        if (options.Token is { Length: 0 } || options.Token?.Any(char.IsWhiteSpace) == true)
        {
            error.WriteLine("vfd serve: --token must be a non-empty value without spaces.");
            return 1;
        }
        if (!(options.CallsPerHour is >= 0 and <= MaxCallsPerHour))
        {
            error.WriteLine($"vfd serve: --calls-per-hour {options.CallsPerHour.ToString(CultureInfo.InvariantCulture)} is not from 0 to {MaxCallsPerHour.ToString(CultureInfo.InvariantCulture)}.");
            return 1;
        }
        ServedOrganization served;
        try
        {
            served = ServedOrganization.Start(options);
        }
        catch (IOException e)
        {
            error.WriteLine($"vfd serve: can't listen on 127.0.0.1:{options.Port}: {e.Message} Choose another with --port (0: a free one).");
            return 1;
        }
        using (served)
        {
            var server = served.Server;
            var enreach = served.Enreach;
            if (options.TooManyRequests > 0) server.Faults.TooManyRequests(options.TooManyRequests, options.RetryAfter);
            if (options.Slow > TimeSpan.Zero) server.Faults.Slow(options.Slow);
            output.WriteLine($"Web API:           {server.WebApiUrl}");
            output.WriteLine($"Connection string: {server.ConnectionString}");
            output.WriteLine($"Enreach emulator:  {enreach.BaseUrl} (API endpoint {enreach.ApiEndpoint}, API user {enreach.ApiUserName}; set in {EnreachEnvironmentVariables.ApiEndpoint})");
            output.WriteLine($"Configured:        the package's {served.ConfigurationRecords} configuration records (settings, CIF providers); application user " +
                $"{ServedOrganization.ApplicationUserName} with {Role.VoiceApiUser}; DefaultCrmAssignee its Enreach User Id");
            output.WriteLine(served.Sample == null
                ? "Sample data:       none (--no-sample-data)"
                : $"Sample data:       {served.Sample.Records.Count} records (users, the {SampleData.ServiceDeskTeamName} team, accounts, contacts, a lead, cases, routing rules), as in vfd demo");
            output.WriteLine(served.Traffic is not { } traffic
                ? "Enreach calls:     none (--calls-per-hour 0)"
                : $"Enreach calls:     {options.CallsPerHour.ToString(CultureInfo.InvariantCulture)} an hour (seed {options.Seed}) since {enreach.Calls.Traffic!.Start:yyyy-MM-dd HH:mm} UTC, " +
                  $"of {traffic.Users.Count} Enreach users, the {DemoEnreach.ServiceDeskQueue.Name} queue and {traffic.CustomerNumbers.Count} customers' numbers");
            if (options.TooManyRequests > 0) output.WriteLine($"Faults:            the first {options.TooManyRequests} requests get 429 with Retry-After {options.RetryAfter.TotalSeconds:0} s");
            if (options.Slow > TimeSpan.Zero) output.WriteLine($"Faults:            every answer waits {options.Slow.TotalMilliseconds:0} ms");
            output.WriteLine($"Try:               curl -H \"Authorization: Bearer {server.Token}\" {server.WebApiUrl}WhoAmI");
            output.WriteLine($"                   vfd doctor --connection \"{server.ConnectionString}\"");
            if (served.Traffic != null) output.WriteLine($"                   vfd sync --once --decisions --connection \"{server.ConnectionString}\"");
            output.WriteLine("Press Ctrl-C to stop.");
            output.Flush();
            stop.WaitHandle.WaitOne();
            output.WriteLine($"Stopped after {server.Requests.Count} requests.");
        }
        return 0;
    }
}
