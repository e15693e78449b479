using System.Activities;
using System.Reflection;
using System.ServiceModel;
using Microsoft.Xrm.Sdk;
using VoiceForD365.Core.Registration;
using VoiceForD365.Core.Schema;
using VoiceForD365.LocalOrg.Pipeline;
using VoiceForD365.LocalOrg.Store;
using VoiceForD365.Solution.Model;

namespace VoiceForD365.LocalOrg.Workflows;

/// <summary>
/// Custom workflow activities and processes: activities registered from assemblies (the Workflows assembly), the
/// processes imported and activated when the assemblies their steps need are registered, and background processes
/// queued on the pipeline by the requests that trigger them and run as system jobs after the request.
/// </summary>
internal sealed class WorkflowEngine
{
    private readonly RequestPipeline _pipeline;
    private readonly IReadOnlyList<ProcessDefinition> _definitions;
    private readonly Guid _processOwnerId;
    private readonly Dictionary<string, WorkflowActivityRegistration> _activities = new(StringComparer.Ordinal);
    private readonly HashSet<string> _assemblies = new(StringComparer.Ordinal);
    private readonly List<ProcessRegistration> _processes = new();

    /// <param name="definitions">The processes to import once their activities are registered.</param>
    /// <param name="processOwnerId">Who imports the processes, and so owns them (a background process runs as its owner).</param>
    public WorkflowEngine(RequestPipeline pipeline, IReadOnlyList<ProcessDefinition> definitions, Guid processOwnerId)
    {
        _pipeline = pipeline;
        _definitions = definitions;
        _processOwnerId = processOwnerId;
        pipeline.Completed = QueueProcesses;
    }

    public IReadOnlyCollection<WorkflowActivityRegistration> Activities => _activities.Values;

    public IReadOnlyList<ProcessRegistration> Processes => _processes;

    /// <inheritdoc cref="LocalOrganization.RegisterWorkflowAssembly"/>
    public void RegisterAssembly(Assembly assembly)
    {
        lock (_pipeline.Sync)
        {
            var name = assembly.GetName().Name ?? "";
            if (!_assemblies.Add(name)) return;
            var records = _pipeline.Records;
            foreach (var type in WorkflowActivityRegistration.ActivityTypesOf(assembly))
            {
                var activity = new WorkflowActivityRegistration(type);
                _activities[type.FullName!] = activity;
                records.SeedComponent(ComponentRows.PluginType(type, activity.Declaration));
            }
            foreach (var definition in _definitions)
            {
                if (_processes.Any(p => p.Definition.UniqueName == definition.UniqueName)) continue;
                if (definition.Steps.Any(s => !_assemblies.Contains(s.ActivityAssembly))) continue;
                var process = ProcessRegistration.Import(definition, records.Metadata, ActivityByTypeName, _processOwnerId);
                _processes.Add(process);
                records.SeedComponent(ComponentRows.Process(process));
            }
            records.Store.Commit();
        }
    }

    /// <inheritdoc cref="LocalOrganization.RunWorkflowActivity(Type, IDictionary{string, object?}, WorkflowActivityRunOptions?)"/>
    public IReadOnlyDictionary<string, object?> RunActivity(Type activityType, IDictionary<string, object?> inputs, WorkflowActivityRunOptions options, Guid defaultUserId)
    {
        lock (_pipeline.Sync)
        {
            var activity = ActivityByTypeName(activityType.FullName ?? "")
                ?? throw Faults.InvalidArgumentFault($"The workflow activity {activityType.FullName} is not registered: register its assembly ({activityType.Assembly.GetName().Name}) with LocalOrganizationOptions.WorkflowAssemblies or RegisterWorkflowAssembly.");
            CheckInputs(activity, inputs);
            var userId = options.UserId ?? defaultUserId;
            var context = WorkflowContext(options.MessageName, options.PrimaryEntity?.LogicalName, options.PrimaryEntity?.Id ?? Guid.Empty,
                userId, options.InitiatingUserId ?? userId, options.Depth, options.Mode, Guid.NewGuid(),
                new EntityReference(PluginType.EntityName, Guid.Empty) { Name = activity.ActivityType.FullName });
            return ExecuteActivity(activity, inputs, context, activity.ActivityType.FullName!);
        }
    }

    private WorkflowActivityRegistration? ActivityByTypeName(string fullName) => _activities.GetValueOrDefault(fullName);

    private static void CheckInputs(WorkflowActivityRegistration activity, IDictionary<string, object?> inputs)
    {
        foreach (var (name, value) in inputs)
        {
            var input = activity.Input(name)
                ?? throw Faults.InvalidArgumentFault($"The workflow activity {activity.ActivityType.FullName} has no input '{name}' (inputs: {string.Join(", ", activity.Inputs.Select(i => i.Name))}).");
            if (value == null) continue;
            if (!input.ValueType.IsInstanceOfType(value))
                throw Faults.InvalidArgumentFault($"The input '{name}' of {activity.ActivityType.FullName} is a {input.ValueType.Name}, not a {value.GetType().Name}.");
            if (value is EntityReference reference && input.ReferenceTarget != null && reference.LogicalName != input.ReferenceTarget)
                throw Faults.InvalidArgumentFault($"The input '{name}' of {activity.ActivityType.FullName} takes a {input.ReferenceTarget}, not a {reference.LogicalName}.");
        }
    }

    private WorkflowExecutionContext WorkflowContext(string message, string? table, Guid id, Guid userId, Guid initiatingUserId, int depth, ProcessMode mode,
        Guid correlationId, EntityReference owningExtension) =>
        new(_pipeline.NewOperation(message, table, id, userId, initiatingUserId, depth, correlationId))
        {
            Mode = mode == ProcessMode.Background ? (int)ExecutionMode.Asynchronous : (int)ExecutionMode.Synchronous,
            OwningExtension = owningExtension,
            StageName = "",
            WorkflowCategory = (int)ProcessCategory.Workflow,
            WorkflowMode = (int)mode,
        };

    /// <summary>
    /// Runs one activity with the host's extensions (IWorkflowContext, ITracingService, IOrganizationServiceFactory).
    /// Its requests run one level deeper than the process, outside any transaction (each commits on its own, as in a
    /// background process), and count as requests from plug-ins.
    /// </summary>
    private IReadOnlyDictionary<string, object?> ExecuteActivity(WorkflowActivityRegistration activity, IDictionary<string, object?> inputs, WorkflowExecutionContext context, string traceName)
    {
        var parent = new PluginExecutionContext(context) { Stage = (int)PipelineStage.PostOperation };
        var caller = new Caller(context.UserId, context.InitiatingUserId, parent, InTransaction: false, FromPlugin: true);
        var invoker = new WorkflowInvoker(activity.Instance);
        invoker.Extensions.Add(context);
        invoker.Extensions.Add(new TracingService(traceName, context, _pipeline.Log));
        invoker.Extensions.Add(new ServiceFactory(_pipeline, caller));
        try
        {
            var outputs = invoker.Invoke(inputs!);
            return activity.Outputs.ToDictionary(o => o.Name, o => outputs.TryGetValue(o.Name, out var value) ? value : null);
        }
        catch (FaultException<OrganizationServiceFault>)
        {
            throw;
        }
        catch (InvalidPluginExecutionException e)
        {
            throw Faults.Create(Faults.PluginError, e.Message);
        }
        catch (Exception e) when (e is InvalidWorkflowException or ArgumentException)
        {
            throw Faults.InvalidArgumentFault($"The workflow activity {activity.ActivityType.FullName} can't run: {e.Message}");
        }
        catch (Exception e)
        {
            throw Faults.Create(Faults.PluginError, $"Unexpected exception from workflow activity (Execute): {activity.ActivityType.FullName}: {e.GetType().FullName}: {e.Message}");
        }
    }

    /// <summary>
    /// Queues the background processes a completed request triggers. Dataverse starts a system job for every trigger and
    /// lets the process's condition end it; the local organization queues none when the condition fails on the record
    /// as the request left it (fewer empty jobs in tests and the demo), and checks the condition again when the job runs.
    /// </summary>
    private void QueueProcesses(OrganizationRequest request, PluginExecutionContext context, Caller caller)
    {
        if (_processes.Count == 0 || context.PrimaryEntityId == Guid.Empty) return;
        foreach (var process in _processes)
        {
            if (!process.IsTriggeredBy(request.RequestName, context.PrimaryEntityName, request) || !IsActivated(process)) continue;
            var row = _pipeline.Records.Store.Find(context.PrimaryEntityName, context.PrimaryEntityId);
            if (row == null || !process.InScope(row) || process.FailedCondition(row) != null) continue;
            var job = new ProcessJob(process, context.MessageName, context.PrimaryEntityName, context.PrimaryEntityId, caller.UserId, context.Depth, context.CorrelationId);
            _pipeline.QueueAsync(() => RunProcessJob(job));
        }
    }

    /// <summary>
    /// Only an activated process starts (its workflow row's state: an administrator deactivates it by setting it to
    /// Draft). An organization without the workflow table has no way to deactivate one.
    /// </summary>
    private bool IsActivated(ProcessRegistration process)
    {
        var row = _pipeline.Records.Store.Find(Workflow.EntityName, process.Definition.Id);
        return row == null || row.GetAttributeValue<OptionSetValue>(Workflow.StateCode)?.Value == Workflow.StateActivated;
    }

    /// <summary>Runs a background process's system job: the condition again on the current record, then each step; a failing step fails the job with its message.</summary>
    private SystemJob RunProcessJob(ProcessJob job)
    {
        var process = job.Process;
        SystemJob Finished(bool succeeded, string? message) => new(process.Name, job.MessageName, job.Table, job.Id, succeeded, message);

        var row = _pipeline.Records.Store.Find(job.Table, job.Id);
        if (row == null) return Finished(false, $"The {job.Table} {job.Id} no longer exists.");
        if (process.FailedCondition(row) is { } failed) return Finished(true, $"Condition not met ({ProcessRegistration.Describe(failed)}): no step ran.");
        var context = WorkflowContext(job.MessageName, job.Table, job.Id, process.OwnerId, job.InitiatingUserId, job.Depth, process.Definition.Mode, job.CorrelationId,
            new EntityReference(Workflow.EntityName, process.Definition.Id) { Name = process.Name });
        try
        {
            foreach (var (step, activity) in process.Steps)
                ExecuteActivity(activity, ProcessRegistration.Inputs(step, Store.EntityCopy.Clone(row)), context, $"{process.Name}: {step.Name} ({activity.ActivityType.FullName})");
            return Finished(true, null);
        }
        catch (FaultException<OrganizationServiceFault> e)
        {
            return Finished(false, e.Detail.Message);
        }
    }

    /// <summary>A triggered process waiting to run: the request's record, message and chain, and who triggered it.</summary>
    private sealed record ProcessJob(ProcessRegistration Process, string MessageName, string Table, Guid Id, Guid InitiatingUserId, int Depth, Guid CorrelationId);
}
