using System.CommandLine;
using VoiceForD365.Cli.Demo;

namespace VoiceForD365.Cli;

/// <summary>The `vfd` command line, callable in-process (tests run it with their own writers).</summary>
public static class VfdCli
{
    /// <summary>Parses and runs the command line; returns the process exit code (0 on success).</summary>
    public static int Run(string[] args, TextWriter output, TextWriter? error = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        var configuration = new InvocationConfiguration { Output = output, Error = error ?? output };
        return CreateRootCommand().Parse(args).Invoke(configuration);
    }

    public static RootCommand CreateRootCommand() =>
        new("vfd: the Voice for Dynamics 365 command line.")
        {
            DemoCommand.Create(),
            Pack.PackCommand.Create(),
            Serve.ServeCommand.Create(),
            Doctor.DoctorCommand.Create(),
            Sync.SyncCommand.Create(),
            Route.RouteCommand.Create(),
        };
}
