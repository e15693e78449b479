using Microsoft.Extensions.Hosting;
using VoiceForD365.SyncWorker;

// The phone call sync worker (see README, "Running the sync worker"): one loop per configured organization until
// SIGTERM or Ctrl-C, which lets each run finish the batch it is writing.
HostApplicationBuilder builder;
try
{
    builder = SyncWorkerHost.CreateBuilder(args);
}
catch (SyncWorkerConfigurationException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}
using var host = builder.Build();
await host.RunAsync().ConfigureAwait(false);
return 0;
