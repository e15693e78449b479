using System.ServiceModel;
using Microsoft.Xrm.Sdk;
using VoiceForD365.LocalOrg;

namespace VoiceForD365.Cli.Demo;

/// <summary>
/// Runs the demo's sections in order on a new local organization: an overview first, each section under a numbered
/// heading, a summary of what each did and where to read more at the end. A section run alone gets the sections it
/// requires run first, without output. Request counts and background job counts only with --verbose; a failed
/// background job is always shown.
/// </summary>
public static class DemoRunner
{
    private const string Header = "vfd demo: Voice for Dynamics 365 on a local organization (an in-memory Dataverse with the solution imported)";

    /// <returns>The exit code: 0 when every section succeeded, 1 when one failed or a section name is unknown (the message goes to <paramref name="error"/>).</returns>
    public static int Run(IReadOnlyList<IDemoScenario> scenarios, TextWriter output, TextWriter error, DemoOptions? options = null, Func<LocalOrganization>? createOrganization = null)
    {
        options ??= new DemoOptions();
        var unknown = options.Sections.Where(name => !scenarios.Any(s => s.Name == name)).ToList();
        if (unknown.Count > 0)
        {
            error.WriteLine($"vfd demo: there is no section {string.Join(", ", unknown.Select(n => $"'{n}'"))}. The sections are {string.Join(", ", scenarios.Select(s => s.Name))} (vfd demo --list says what each shows).");
            return 1;
        }
        var shown = options.Sections.Count == 0 ? scenarios.ToHashSet() : scenarios.Where(s => options.Sections.Contains(s.Name)).ToHashSet();
        var plan = WithRequirements(scenarios, shown);

        output.WriteLine(Header);
        WriteOverview(output, scenarios, shown, plan);
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

        // Disposed on every way out: it owns the Enreach emulator a section may have started.
        using var context = new DemoContext(organization, output, options.Verbose);
        var outcomes = new List<(IDemoScenario Scenario, string? Outcome)>();
        foreach (var scenario in plan)
        {
            var isShown = shown.Contains(scenario);
            if (isShown)
            {
                var heading = $"{outcomes.Count + 1}. {scenario.Title}";
                output.WriteLine();
                output.WriteLine(heading);
                output.WriteLine(new string('=', heading.Length));
            }
            var before = organization.Requests.Total;
            var jobsBefore = organization.SystemJobs.Count;
            context.Muted = !isShown;
            context.StartSection();
            try
            {
                scenario.Run(context);
            }
            catch (Exception e)
            {
                output.Flush();
                error.WriteLine(isShown
                    ? $"vfd demo failed in section {outcomes.Count + 1} ({scenario.Title}): {Describe(e)}"
                    : $"vfd demo failed while preparing {scenario.Name} ({scenario.Title}), which the sections asked for need: {Describe(e)}");
                return 1;
            }
            context.Muted = false;
            WriteSystemJobs(output, organization.SystemJobs.Skip(jobsBefore).ToList(), isShown && options.Verbose, isShown ? null : scenario.Name);
            if (!isShown) continue;
            if (options.Verbose) output.WriteLine($"  ({Plural(organization.Requests.Total - before, "request")})");
            outcomes.Add((scenario, context.Outcome));
        }

        WriteSummary(output, organization, outcomes, options.Verbose);
        return 0;
    }

    /// <summary>The sections to run: the ones asked for and, before them, every section they require (transitively), in the demo's order.</summary>
    private static List<IDemoScenario> WithRequirements(IReadOnlyList<IDemoScenario> scenarios, IReadOnlySet<IDemoScenario> shown)
    {
        var needed = new HashSet<IDemoScenario>();
        void Need(IDemoScenario scenario)
        {
            if (!needed.Add(scenario)) return;
            foreach (var type in scenario.Requires)
                Need(scenarios.FirstOrDefault(s => s.GetType() == type)
                     ?? throw new InvalidOperationException($"The demo section {scenario.Name} requires {type.Name}, which is not one of the sections."));
        }
        foreach (var scenario in shown) Need(scenario);
        return scenarios.Where(needed.Contains).ToList();
    }

    private static void WriteOverview(TextWriter output, IReadOnlyList<IDemoScenario> scenarios, IReadOnlySet<IDemoScenario> shown, IReadOnlyList<IDemoScenario> plan)
    {
        output.WriteLine();
        if (shown.Count == scenarios.Count)
            output.WriteLine($"What it shows, in {Plural(scenarios.Count, "section")} (vfd demo <section> runs one; --verbose adds request counts, traces and every table):");
        else
        {
            var first = string.Join(", ", plan.Where(s => !shown.Contains(s)).Select(s => s.Name));
            output.WriteLine($"What it shows ({(first.Length == 0 ? "no other section is needed" : "run first, without output: " + first)}; --verbose adds request counts, traces and every table):");
        }
        WriteList(output, scenarios.Where(shown.Contains).ToList());
    }

    /// <summary>`vfd demo --list`: each section's name and what it shows.</summary>
    public static void WriteList(TextWriter output, IReadOnlyList<IDemoScenario> scenarios)
    {
        var width = scenarios.Max(s => s.Name.Length);
        foreach (var scenario in scenarios) output.WriteLine($"  {scenario.Name.PadRight(width)}  {scenario.Summary}");
    }

    /// <summary>
    /// The asynchronous plug-in executions (system jobs) a section caused: their count with --verbose, and each failure
    /// always (also of a section that runs without output: <paramref name="preparing"/> names it).
    /// </summary>
    private static void WriteSystemJobs(TextWriter output, IReadOnlyList<SystemJob> jobs, bool count, string? preparing)
    {
        if (jobs.Count == 0) return;
        var failed = jobs.Where(j => !j.Succeeded).ToList();
        if (count || failed.Count > 0)
            output.WriteLine($"  Background jobs{(preparing == null ? "" : " while preparing " + preparing)}: {jobs.Count - failed.Count} succeeded, {failed.Count} failed");
        foreach (var job in failed)
            output.WriteLine($"    failed: {job.Step} ({job.MessageName} of {job.PrimaryEntityName} {job.PrimaryEntityId}): {job.Message}");
    }

    private static void WriteSummary(TextWriter output, LocalOrganization organization, IReadOnlyList<(IDemoScenario Scenario, string? Outcome)> outcomes, bool verbose)
    {
        output.WriteLine();
        output.WriteLine("Summary");
        output.WriteLine("=======");
        var width = outcomes.Max(o => o.Scenario.Name.Length);
        foreach (var (scenario, outcome) in outcomes)
            output.WriteLine($"  {scenario.Name.PadRight(width)}  {outcome ?? "done"}");
        var jobs = organization.SystemJobs;
        var failedJobs = jobs.Count(j => !j.Succeeded);
        var requests = verbose ? $", {organization.Requests} in all, {organization.Requests.FromPlugins} of them from plug-ins" : "";
        output.WriteLine($"Done: {Plural(outcomes.Count, "section")}{requests}; {Plural(jobs.Count, "background job")}: {jobs.Count - failedJobs} succeeded, {failedJobs} failed.");
        var readMore = outcomes.Select(o => o.Scenario.ReadMore).OfType<string>().Distinct().ToList();
        if (readMore.Count > 0) output.WriteLine($"Read more in README.md: {string.Join("; ", readMore.Select(r => $"\"{r}\""))}.");
        output.WriteLine(verbose
            ? "vfd demo --list names the sections; vfd demo <section> runs one."
            : "vfd demo --verbose adds the request counts, plug-in traces and every table; vfd demo <section> runs one.");
    }

    internal static string Plural(int count, string noun) => $"{count:N0} {noun}{(count == 1 ? "" : "s")}";

    private static string Describe(Exception e) => e switch
    {
        FaultException<OrganizationServiceFault> fault => $"{fault.Detail.Message} (Dataverse error 0x{fault.Detail.ErrorCode:X8})",
        _ => $"{e.GetType().Name}: {e.Message}",
    };
}
