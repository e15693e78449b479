using System.Runtime.InteropServices;

namespace VoiceForD365.Cli;

/// <summary>Ctrl-C (SIGINT) and SIGTERM as a cancellation token, for the commands that run until stopped (serve, sync, route).</summary>
public static class StopSignals
{
    /// <summary>Runs <paramref name="run"/> with a token that the first SIGINT or SIGTERM cancels (the process is not killed: the command ends itself).</summary>
    public static int Run(Func<CancellationToken, int> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        using var stop = new CancellationTokenSource();
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        return run(stop.Token);

        void Stop(PosixSignalContext signal)
        {
            signal.Cancel = true;
            stop.Cancel();
        }
    }
}
