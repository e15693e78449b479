using System.Reflection;
using VoiceForD365.LocalOrg.Messages;
using VoiceForD365.LocalOrg.Metadata;
using VoiceForD365.Solution;
using VoiceForD365.Solution.Model;

namespace VoiceForD365.LocalOrg;

public sealed class LocalOrganizationOptions
{
    /// <summary>Tables and relationships; by default the standard tables plus our solution's.</summary>
    public OrganizationMetadata? Metadata { get; init; }

    /// <summary>Assemblies whose plug-in classes' [PluginStep] and [CustomApi] declarations are registered.</summary>
    public IReadOnlyList<Assembly> PluginAssemblies { get; init; } = [];

    /// <summary>Single plug-in classes to register (tests register just the ones a scenario needs).</summary>
    public IReadOnlyList<Type> PluginTypes { get; init; } = [];

    /// <summary>
    /// Handlers for messages of the test's or host's own, beside the standard messages and the registered custom APIs.
    /// Their requests run through the pipeline like any other: plug-in steps registered on the message run around them.
    /// A message the organization already handles is refused (InvalidOperationException).
    /// </summary>
    public IReadOnlyList<MessageHandler> MessageHandlers { get; init; } = [];

    /// <summary>The organization's clock (UTC): createdon, date query operators.</summary>
    public Func<DateTime> UtcNow { get; init; } = () => DateTime.UtcNow;

    /// <summary>Run queued asynchronous steps as soon as the request that queued them completes (deterministic, on the caller's thread).
    /// When false they wait for <see cref="LocalOrganization.RunAsyncJobs"/>.</summary>
    public bool RunAsyncJobsAutomatically { get; init; } = true;

    /// <summary>Assemblies whose custom workflow activities are registered; the processes that run them are imported and activated with them.</summary>
    public IReadOnlyList<Assembly> WorkflowAssemblies { get; init; } = [];

    /// <summary>The processes to import once their activities are registered; null: the solution's (<see cref="SolutionProcesses.All"/>).</summary>
    public IReadOnlyList<ProcessDefinition>? Processes { get; init; }
}
