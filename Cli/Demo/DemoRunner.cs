using System.ServiceModel;
using Microsoft.Xrm.Sdk;
using VoiceForD365.LocalOrg;

namespace VoiceForD365.Cli.Demo;

/// <summary>Runs the demo's steps in order on a new local organization, numbering them and counting each one's requests.</summary>
public static class DemoRunner
{
    /// <returns>The exit code: 0 when every step succeeded, 1 when one failed (the message goes to <paramref name="error"/>).</returns>
    public static int Run(IReadOnlyList<IDemoScenario> scenarios, TextWriter output, TextWriter error, Func<LocalOrganization>? createOrganization = null)
    {
        output.WriteLine("vfd demo: Voice for Dynamics 365 on a local organization (an in-memory Dataverse with the solution imported)");
        LocalOrganization organization;
        try
        {
            organization = (createOrganization ?? DemoOrganization.Create)();
        }
        catch (Exception e)
        {
            error.WriteLine($"vfd demo failed: the local organization could not be created: {Describe(e)}");
            return 1;
        }

        // Disposed on every way out: it owns the Enreach emulator a step may have started.
        using var context = new DemoContext(organization, output);
        for (var i = 0; i < scenarios.Count; i++)
        {
            var scenario = scenarios[i];
            var heading = $"{i + 1}. {scenario.Title}";
            output.WriteLine();
            output.WriteLine(heading);
            output.WriteLine(new string('=', heading.Length));
            var before = organization.Requests.Total;
            var jobsBefore = organization.SystemJobs.Count;
            try
            {
                scenario.Run(context);
            }
            catch (Exception e)
            {
                output.Flush();
                error.WriteLine($"vfd demo failed in step {i + 1} ({scenario.Title}): {Describe(e)}");
                return 1;
            }
            WriteSystemJobs(output, organization.SystemJobs.Skip(jobsBefore).ToList());
            output.WriteLine($"  ({Plural(organization.Requests.Total - before, "request")})");
        }

        output.WriteLine();
        var jobs = organization.SystemJobs;
        var failedJobs = jobs.Count(j => !j.Succeeded);
        output.WriteLine($"Done: {Plural(scenarios.Count, "step")}, {organization.Requests} in all, {organization.Requests.FromPlugins} of them from plug-ins; "
            + $"{Plural(jobs.Count, "background job")}: {jobs.Count - failedJobs} succeeded, {failedJobs} failed.");
        return 0;
    }

    /// <summary>The asynchronous plug-in executions (system jobs) a step caused: a count, and each failure with its message.</summary>
    private static void WriteSystemJobs(TextWriter output, IReadOnlyList<SystemJob> jobs)
    {
        if (jobs.Count == 0) return;
        var failed = jobs.Where(j => !j.Succeeded).ToList();
        output.WriteLine($"  Background jobs: {jobs.Count - failed.Count} succeeded, {failed.Count} failed");
        foreach (var job in failed)
            output.WriteLine($"    failed: {job.Step} ({job.MessageName} of {job.PrimaryEntityName} {job.PrimaryEntityId}): {job.Message}");
    }

    internal static string Plural(int count, string noun) => $"{count:N0} {noun}{(count == 1 ? "" : "s")}";

    private static string Describe(Exception e) => e switch
    {
        FaultException<OrganizationServiceFault> fault => $"{fault.Detail.Message} (Dataverse error 0x{fault.Detail.ErrorCode:X8})",
        _ => $"{e.GetType().Name}: {e.Message}",
    };
}
