using System.Activities;
using System.Reflection;
using System.ServiceModel;
using Microsoft.Xrm.Sdk;
using VoiceForD365.LocalOrg.Pipeline;
using VoiceForD365.LocalOrg.Workflows;
using VoiceForD365.Solution;
using VoiceForD365.Solution.Model;

namespace VoiceForD365.LocalOrg;

/// <summary>How to run one custom workflow activity directly, as a step of a process on a record would run it.</summary>
public sealed class WorkflowActivityRunOptions
{
    /// <summary>The record the process runs on (IWorkflowContext.PrimaryEntityName/Id); none by default.</summary>
    public EntityReference? PrimaryEntity { get; init; }

    /// <summary>The user the process runs as (its owner, for a background process); the administrator by default.</summary>
    public Guid? UserId { get; init; }

    /// <summary>The user whose action started the process; <see cref="UserId"/> by default.</summary>
    public Guid? InitiatingUserId { get; init; }

    /// <summary>The depth of the request that started the process; 1 by default. Requests the activity makes run one deeper.</summary>
    public int Depth { get; init; } = 1;

    public ProcessMode Mode { get; init; } = ProcessMode.Background;

    /// <summary>The message that started the process; ExecuteWorkflow (run on demand) by default.</summary>
    public string MessageName { get; init; } = "ExecuteWorkflow";
}

// Custom workflow activities and processes: activities registered from assemblies (the Workflows assembly), the
// solution's processes imported and activated when the assemblies their steps need are registered, and background
// processes run as system jobs after the request that triggers them.
public sealed partial class LocalOrganization
{
    private readonly Dictionary<string, WorkflowActivityRegistration> _activities = new(StringComparer.Ordinal);
    private readonly HashSet<string> _workflowAssemblies = new(StringComparer.Ordinal);
    private readonly List<ProcessRegistration> _processes = new();

    /// <summary>The registered custom workflow activities.</summary>
    public IReadOnlyCollection<WorkflowActivityRegistration> WorkflowActivities => _activities.Values;

    /// <summary>The imported, activated processes.</summary>
    public IReadOnlyList<ProcessRegistration> Processes => _processes;

    /// <summary>
    /// Registers the custom workflow activities of an assembly (as the Plug-in Registration Tool or a solution import
    /// does), then imports and activates the processes (<see cref="LocalOrganizationOptions.Processes"/>, by default the
    /// solution's) whose steps' assemblies are now all registered.
    /// </summary>
    /// <exception cref="InvalidOperationException">An activity or a process is declared in a way Dataverse refuses.</exception>
    public void RegisterWorkflowAssembly(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        lock (_sync)
        {
            var name = assembly.GetName().Name ?? "";
            if (!_workflowAssemblies.Add(name)) return;
            foreach (var type in WorkflowActivityRegistration.ActivityTypesOf(assembly))
                _activities[type.FullName!] = new WorkflowActivityRegistration(type);
            foreach (var definition in _options.Processes ?? SolutionProcesses.All)
            {
                if (_processes.Any(p => p.Definition.UniqueName == definition.UniqueName)) continue;
                if (definition.Steps.Any(s => !_workflowAssemblies.Contains(s.ActivityAssembly))) continue;
                _processes.Add(ProcessRegistration.Import(definition, Metadata, ActivityByTypeName, AdministratorId));
            }
        }
    }

    private WorkflowActivityRegistration? ActivityByTypeName(string fullName) => _activities.GetValueOrDefault(fullName);

    /// <summary>Runs a registered custom workflow activity with the given inputs (by argument property name) and returns its outputs.</summary>
    /// <exception cref="FaultException{OrganizationServiceFault}">The activity failed (its InvalidPluginExecutionException's message), or an input is unknown or of the wrong type.</exception>
    public IReadOnlyDictionary<string, object?> RunWorkflowActivity<TActivity>(IDictionary<string, object?> inputs, WorkflowActivityRunOptions? options = null) where TActivity : CodeActivity =>
        RunWorkflowActivity(typeof(TActivity), inputs, options);

    /// <inheritdoc cref="RunWorkflowActivity{TActivity}"/>
    public IReadOnlyDictionary<string, object?> RunWorkflowActivity(Type activityType, IDictionary<string, object?> inputs, WorkflowActivityRunOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(activityType);
        ArgumentNullException.ThrowIfNull(inputs);
        options ??= new WorkflowActivityRunOptions();
        lock (_sync)
        {
            var activity = ActivityByTypeName(activityType.FullName ?? "")
                ?? throw Faults.InvalidArgumentFault($"The workflow activity {activityType.FullName} is not registered: register its assembly ({activityType.Assembly.GetName().Name}) with LocalOrganizationOptions.WorkflowAssemblies or RegisterWorkflowAssembly.");
            CheckInputs(activity, inputs);
            var userId = options.UserId ?? AdministratorId;
            var context = WorkflowContext(options.MessageName, options.PrimaryEntity?.LogicalName ?? "none", options.PrimaryEntity?.Id ?? Guid.Empty,
                userId, options.InitiatingUserId ?? userId, options.Depth, options.Mode, Guid.NewGuid(),
                new EntityReference("plugintype", Guid.Empty) { Name = activity.ActivityType.FullName });
            return ExecuteActivity(activity, inputs, context, activity.ActivityType.FullName!);
        }
    }

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

    private WorkflowExecutionContext WorkflowContext(string message, string table, Guid id, Guid userId, Guid initiatingUserId, int depth, ProcessMode mode, Guid correlationId, EntityReference owningExtension) => new()
    {
        Mode = mode == ProcessMode.Background ? (int)Core.Registration.ExecutionMode.Asynchronous : (int)Core.Registration.ExecutionMode.Synchronous,
        Depth = depth,
        MessageName = message,
        PrimaryEntityName = table,
        PrimaryEntityId = id,
        RequestId = Guid.NewGuid(),
        UserId = userId,
        InitiatingUserId = initiatingUserId,
        BusinessUnitId = RootBusinessUnitId,
        OrganizationId = OrganizationId,
        OrganizationName = OrganizationName,
        OwningExtension = owningExtension,
        CorrelationId = correlationId,
        OperationId = Guid.NewGuid(),
        OperationCreatedOn = _options.UtcNow(),
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
        var parent = new PluginExecutionContext
        {
            Mode = context.Mode,
            Depth = context.Depth,
            MessageName = context.MessageName,
            PrimaryEntityName = context.PrimaryEntityName,
            PrimaryEntityId = context.PrimaryEntityId,
            RequestId = context.RequestId,
            UserId = context.UserId,
            InitiatingUserId = context.InitiatingUserId,
            BusinessUnitId = context.BusinessUnitId,
            OrganizationId = context.OrganizationId,
            OrganizationName = context.OrganizationName,
            OwningExtension = context.OwningExtension,
            CorrelationId = context.CorrelationId,
            OperationId = context.OperationId,
            OperationCreatedOn = context.OperationCreatedOn,
            Stage = (int)Core.Registration.PipelineStage.PostOperation,
            ParentContext = null!,
        };
        var caller = new Caller(context.UserId, context.InitiatingUserId, parent, InTransaction: false, FromPlugin: true);
        var invoker = new WorkflowInvoker(activity.Instance);
        invoker.Extensions.Add(context);
        invoker.Extensions.Add(new TracingService(traceName, context, _log));
        invoker.Extensions.Add(new ServiceFactory(this, caller));
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
            if (!process.IsTriggeredBy(request.RequestName, context.PrimaryEntityName, request)) continue;
            var row = _store.Find(context.PrimaryEntityName, context.PrimaryEntityId);
            if (row == null || !process.InScope(row) || process.FailedCondition(row) != null) continue;
            var jobContext = new PluginExecutionContext
            {
                Mode = (int)Core.Registration.ExecutionMode.Asynchronous,
                Depth = context.Depth,
                MessageName = context.MessageName,
                PrimaryEntityName = context.PrimaryEntityName,
                PrimaryEntityId = context.PrimaryEntityId,
                RequestId = context.RequestId,
                UserId = process.OwnerId,
                InitiatingUserId = caller.UserId,
                BusinessUnitId = RootBusinessUnitId,
                OrganizationId = OrganizationId,
                OrganizationName = OrganizationName,
                OwningExtension = new EntityReference("workflow", process.Definition.Id) { Name = process.Name },
                CorrelationId = context.CorrelationId,
                OperationId = Guid.NewGuid(),
                OperationCreatedOn = _options.UtcNow(),
                ParentContext = null!,
            };
            _pendingAsync.Add(new AsyncJob(null, jobContext, process));
        }
    }

    /// <summary>Runs a background process's system job: the condition again on the current record, then each step; a failing step fails the job with its message.</summary>
    private void RunProcessJob(ProcessRegistration process, PluginExecutionContext job)
    {
        var row = _store.Find(job.PrimaryEntityName, job.PrimaryEntityId);
        if (row == null)
        {
            AddProcessJob(process, job, false, $"The {job.PrimaryEntityName} {job.PrimaryEntityId} no longer exists.");
            return;
        }
        if (process.FailedCondition(row) is { } failed)
        {
            AddProcessJob(process, job, true, $"Condition not met ({ProcessRegistration.Describe(failed)}): no step ran.");
            return;
        }
        var context = WorkflowContext(job.MessageName, job.PrimaryEntityName, job.PrimaryEntityId, job.UserId, job.InitiatingUserId, job.Depth,
            process.Definition.Mode, job.CorrelationId, job.OwningExtension);
        try
        {
            foreach (var (step, activity) in process.Steps)
                ExecuteActivity(activity, ProcessRegistration.Inputs(step, Store.EntityCopy.Clone(row)), context, $"{process.Name}: {step.Name} ({activity.ActivityType.FullName})");
            AddProcessJob(process, job, true, null);
        }
        catch (FaultException<OrganizationServiceFault> e)
        {
            AddProcessJob(process, job, false, e.Detail.Message);
        }
    }

    private void AddProcessJob(ProcessRegistration process, PluginExecutionContext job, bool succeeded, string? message) =>
        _log.Add(new SystemJob(process.Name, job.MessageName, job.PrimaryEntityName, job.PrimaryEntityId, succeeded, message));
}
