using System.CommandLine;
using VoiceForD365.Doctor;
using VoiceForD365.Solution.Packing;
using VoiceForD365.WebApiClient;

namespace VoiceForD365.Cli.Doctor;

/// <summary>`vfd doctor --connection "…"`: checks an organization over the Dataverse Web API and prints one line per check.</summary>
public static class DoctorCommand
{
    /// <summary>Each Web API request may take this long: a doctor says what does not answer rather than wait minutes.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    public static Command Create()
    {
        var connection = ConnectionOption.Create();
        var command = new Command("doctor",
            "Check an organization: the connection, the Voice for D365 solution and its version, the settings, DefaultCrmAssignee, the application user " +
            "with Voice ApiUser, Enreach (environment variables, discovery, a users request), the plug-in steps and the callback process, the CIF providers. " +
            "One line per check; exit code 0 when nothing failed.")
        {
            connection,
        };
        command.SetAction(parseResult =>
        {
            var configuration = parseResult.InvocationConfiguration;
            return Run(ConnectionOption.Value(parseResult, connection), configuration.Output, configuration.Error);
        });
        return command;
    }

    /// <summary>Runs the checks and prints each as it completes, then a summary; 0 when nothing failed, else 1.</summary>
    public static int Run(string? connectionString, TextWriter output, TextWriter error, DoctorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            error.WriteLine(ConnectionOption.Missing("vfd doctor"));
            return 1;
        }
        DataverseWebApiClient client;
        try
        {
            client = new DataverseWebApiClient(connectionString, new DataverseWebApiClientOptions { RequestTimeout = RequestTimeout });
        }
        catch (ArgumentException e)
        {
            error.WriteLine("vfd doctor: " + e.Message);
            return 1;
        }
        using (client)
        {
            output.WriteLine($"vfd doctor {SolutionIdentity.Version}: checking {client.WebApiUrl}");
            var report = new OrganizationDoctor(client, options).Run(result =>
            {
                output.WriteLine(result);
                output.Flush();
            });
            output.WriteLine(report.Summary);
            return report.Passed ? 0 : 1;
        }
    }
}
