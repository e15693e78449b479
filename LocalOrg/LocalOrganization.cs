using System.Reflection;
using System.ServiceModel;
using Microsoft.Xrm.Sdk;
using VoiceForD365.Core.Registration;
using VoiceForD365.Core.Schema;
using VoiceForD365.LocalOrg.Metadata;
using VoiceForD365.LocalOrg.Pipeline;
using VoiceForD365.LocalOrg.Query;
using VoiceForD365.LocalOrg.Store;
using VoiceForD365.Solution;
using StableGuid = VoiceForD365.Solution.Packing.StableGuid;
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

/// <summary>
/// An in-memory Dataverse organization: metadata-aware storage, QueryExpression, and a plug-in pipeline that runs
/// our plug-ins from the registrations declared in code. It stands in for a real organization in tests, the CLI
/// demo and benchmarks.
/// </summary>
public sealed partial class LocalOrganization : IQuerySource
{
    /// <summary>Dataverse stops a chain of plug-ins calling each other at this depth.</summary>
    public const int MaxDepth = 8;

    private readonly object _sync = new();
    private readonly DataStore _store = new();
    private readonly List<StepRegistration> _steps = new();
    private readonly Dictionary<string, CustomApiRegistration> _customApis = new(StringComparer.OrdinalIgnoreCase);
    private readonly ExecutionLog _log = new();
    private readonly List<AsyncJob> _pendingAsync = new();
    private readonly Queue<AsyncJob> _asyncQueue = new();
    private readonly LocalOrganizationOptions _options;
    private bool _runningAsync;

    public LocalOrganization(LocalOrganizationOptions? options = null)
    {
        _options = options ?? new LocalOrganizationOptions();
        Metadata = _options.Metadata ?? OrganizationMetadata.WithSolution();
        Register(_options.PluginAssemblies.SelectMany(StepRegistration.PluginTypesOf).Concat(_options.PluginTypes));
        foreach (var assembly in _options.WorkflowAssemblies) RegisterWorkflowAssembly(assembly);

        _store.Insert(Metadata.Table(BusinessUnit.EntityName), Stamp(new Entity(BusinessUnit.EntityName, RootBusinessUnitId) { [BusinessUnit.PrimaryId] = RootBusinessUnitId, [BusinessUnit.Name] = OrganizationName }, SystemUserId));
        _store.Insert(Metadata.Table(SystemUser.EntityName), Stamp(NewUser(SystemUserId, "SYSTEM", null), SystemUserId));
        _store.Insert(Metadata.Table(SystemUser.EntityName), Stamp(NewUser(AdministratorId, "Local Administrator", "admin@localorg.test"), SystemUserId));
        ImportSolutionComponents();
        _store.Commit();
    }

    public OrganizationMetadata Metadata { get; }

    public Guid OrganizationId { get; } = new("0f6c41a4-0000-4000-8000-000000000001");

    public string OrganizationName => "localorg";

    public Guid RootBusinessUnitId { get; } = new("0f6c41a4-0000-4000-8000-000000000002");

    /// <summary>The SYSTEM user: what CreateOrganizationService(null) acts as.</summary>
    public Guid SystemUserId { get; } = new("0f6c41a4-0000-4000-8000-000000000003");

    /// <summary>The user that <see cref="Service"/> acts as.</summary>
    public Guid AdministratorId { get; } = new("0f6c41a4-0000-4000-8000-000000000004");

    public RequestCounter Requests { get; } = new();

    /// <summary>The plug-in trace log so far: a snapshot, safe to read while requests run on other threads.</summary>
    public IReadOnlyList<PluginTrace> Traces => _log.Traces;

    /// <summary>The system jobs run so far: a snapshot, safe to read while requests run on other threads.</summary>
    public IReadOnlyList<SystemJob> SystemJobs => _log.SystemJobs;

    public IReadOnlyList<StepRegistration> Steps => _steps;

    public IReadOnlyCollection<CustomApiRegistration> CustomApis => _customApis.Values;

    public int PendingAsyncJobs => _asyncQueue.Count;

    DateTime IQuerySource.UtcNow => _options.UtcNow();

    /// <summary>The organization service as the administrator.</summary>
    public IOrganizationService Service => ServiceAs(AdministratorId);

    /// <summary>The organization service as the given user (the calling and initiating user of the pipeline).</summary>
    public IOrganizationService ServiceAs(Guid userId) => new OrganizationService(this, new Caller(userId, userId, null, InTransaction: false, FromPlugin: false));

    private void Register(IEnumerable<Type> pluginTypes)
    {
        var types = pluginTypes.Distinct().ToList();
        _steps.AddRange(StepRegistration.FromTypes(types, _steps.Count));
        foreach (var api in CustomApiRegistration.FromTypes(types)) _customApis[api.Declaration.UniqueName] = api;
    }

    public void ClearTraces() => _log.ClearTraces();

    TableDefinition IQuerySource.Table(string logicalName) => Metadata.Table(logicalName);

    IEnumerable<Entity> IQuerySource.Rows(string logicalName) => _store.Rows(logicalName);

    /// <summary>Runs the queued asynchronous steps (and any they queue in turn) until none is left.</summary>
    public void RunAsyncJobs()
    {
        lock (_sync)
        {
            if (_runningAsync) return;
            _runningAsync = true;
            try
            {
                while (_asyncQueue.Count > 0) RunAsyncJob(_asyncQueue.Dequeue());
            }
            finally
            {
                _runningAsync = false;
            }
        }
    }

    internal OrganizationResponse Execute(OrganizationRequest request, Caller caller)
    {
        lock (_sync)
        {
            Requests.Count(request.RequestName, caller.FromPlugin);
            var outermost = !caller.InTransaction;
            var response = ExecuteInPipeline(request, caller);
            if (outermost)
            {
                _store.Commit();
                foreach (var job in _pendingAsync) _asyncQueue.Enqueue(job);
                _pendingAsync.Clear();
                if (_options.RunAsyncJobsAutomatically) RunAsyncJobs();
            }
            return response;
        }
    }

    private OrganizationResponse ExecuteInPipeline(OrganizationRequest original, Caller caller)
    {
        var depth = (caller.Parent?.Depth ?? 0) + 1;
        if (depth > MaxDepth)
            throw Faults.Create(Faults.LoopDetected, "This workflow job was canceled because the workflow that started it included an infinite loop. Correct the workflow logic and try again.");

        var request = CopyRequest(original);
        var handler = HandlerFor(request);
        var message = MessageOf(request.RequestName);
        var (table, id) = PrimaryOf(request);
        var context = new PluginExecutionContext
        {
            Mode = (int)ExecutionMode.Synchronous,
            Depth = depth,
            MessageName = message,
            PrimaryEntityName = table ?? "none",
            PrimaryEntityId = id,
            RequestId = Guid.NewGuid(),
            InputParameters = request.Parameters,
            UserId = caller.UserId,
            InitiatingUserId = caller.InitiatingUserId,
            BusinessUnitId = RootBusinessUnitId,
            OrganizationId = OrganizationId,
            OrganizationName = OrganizationName,
            CorrelationId = caller.Parent?.CorrelationId ?? Guid.NewGuid(),
            OperationId = Guid.NewGuid(),
            OperationCreatedOn = _options.UtcNow(),
            ParentContext = caller.Parent!,
        };
        var steps = _steps.Where(s => s.Matches(message, table) && PassesFilter(s, request))
            .OrderBy(s => s.Declaration.Stage).ThenBy(s => s.Declaration.Order).ThenBy(s => s.Sequence).ToList();

        // Pre-validation runs before the database transaction of the outermost request: only nested requests roll it back.
        var savepoint = _store.Savepoint();
        var asyncSavepoint = _pendingAsync.Count;
        try
        {
            RunStage(steps, PipelineStage.PreValidation, context, caller, inTransaction: caller.InTransaction, null, null);
            if (!caller.InTransaction) savepoint = _store.Savepoint();
            var preImages = ImagesFor(steps, context, pre: true);
            RunStage(steps, PipelineStage.PreOperation, context, caller, true, preImages, null);
            var results = handler(request, context, caller);
            context.OutputParameters.AddRange(results);
            var postImages = ImagesFor(steps, context, pre: false);
            RunStage(steps, PipelineStage.PostOperation, context, caller, true, preImages, postImages);
            foreach (var step in steps.Where(s => s.Declaration.Mode == ExecutionMode.Asynchronous))
                _pendingAsync.Add(new AsyncJob(step, context.ForStep(step, Snapshot(preImages, step), Snapshot(postImages, step), inTransaction: false)));
            QueueProcesses(request, context, caller);
            return ResponseFor(original, context.OutputParameters);
        }
        catch
        {
            _store.RollbackTo(savepoint);
            _pendingAsync.RemoveRange(asyncSavepoint, _pendingAsync.Count - asyncSavepoint);
            throw;
        }
    }

    private void RunStage(List<StepRegistration> steps, PipelineStage stage, PluginExecutionContext context, Caller caller, bool inTransaction,
        Dictionary<StepRegistration, EntityImageCollection>? preImages, Dictionary<StepRegistration, EntityImageCollection>? postImages)
    {
        foreach (var step in steps)
        {
            if (step.Declaration.Stage != stage || step.Declaration.Mode != ExecutionMode.Synchronous) continue;
            var stepContext = context.ForStep(step, Snapshot(preImages, step), Snapshot(postImages, step), inTransaction);
            RunPlugin(step, stepContext, caller with { Parent = stepContext, InTransaction = true, FromPlugin = true });
        }
    }

    private void RunPlugin(StepRegistration step, PluginExecutionContext context, Caller pluginCaller)
    {
        var factory = new ServiceFactory(this, pluginCaller);
        var provider = new PluginServiceProvider(context, new TracingService(step.Name, context, _log), factory);
        try
        {
            step.Instance.Execute(provider);
        }
        catch (FaultException<OrganizationServiceFault>)
        {
            throw;
        }
        catch (InvalidPluginExecutionException e)
        {
            throw Faults.Create(Faults.PluginError, e.Message);
        }
        catch (Exception e)
        {
            throw Faults.Create(Faults.PluginError, $"Unexpected exception from plug-in (Execute): {step.PluginType.FullName}: {e.GetType().FullName}: {e.Message}");
        }
    }

    private void RunAsyncJob(AsyncJob job)
    {
        if (job.Process != null)
        {
            RunProcessJob(job.Process, job.Context);
            return;
        }
        // An asynchronous step runs outside any transaction: each request it makes commits on its own.
        var caller = new Caller(job.Context.UserId, job.Context.InitiatingUserId, job.Context, InTransaction: false, FromPlugin: true);
        try
        {
            RunPlugin(job.Step!, job.Context, caller);
            _log.Add(new SystemJob(job.Step!.Name, job.Context.MessageName, job.Context.PrimaryEntityName, job.Context.PrimaryEntityId, true, null));
        }
        catch (FaultException<OrganizationServiceFault> e)
        {
            _log.Add(new SystemJob(job.Step!.Name, job.Context.MessageName, job.Context.PrimaryEntityName, job.Context.PrimaryEntityId, false, e.Detail.Message));
        }
    }

    private static bool PassesFilter(StepRegistration step, OrganizationRequest request) =>
        step.Declaration.FilteringAttributes.Count == 0
        || !string.Equals(request.RequestName, MessageNames.Update, StringComparison.OrdinalIgnoreCase)
        || (request.Parameters.TryGetValue("Target", out var target) && target is Entity entity && step.Declaration.FilteringAttributes.Any(entity.Contains));

    private Dictionary<StepRegistration, EntityImageCollection> ImagesFor(List<StepRegistration> steps, PluginExecutionContext context, bool pre)
    {
        var images = new Dictionary<StepRegistration, EntityImageCollection>();
        if (context.PrimaryEntityId == Guid.Empty || !Metadata.HasTable(context.PrimaryEntityName)) return images;
        var row = _store.Find(context.PrimaryEntityName, context.PrimaryEntityId);
        if (row == null) return images;
        foreach (var step in steps)
        {
            var image = step.Declaration.Image(pre ? StepImageType.PreImage : StepImageType.PostImage);
            if (image == null) continue;
            images[step] = new EntityImageCollection { [image.Name] = EntityCopy.Clone(row, image.Columns.Count == 0 ? null : image.Columns.Contains) };
        }
        return images;
    }

    private static EntityImageCollection Snapshot(Dictionary<StepRegistration, EntityImageCollection>? images, StepRegistration step)
    {
        var snapshot = new EntityImageCollection();
        if (images != null && images.TryGetValue(step, out var own))
            foreach (var image in own) snapshot[image.Key] = EntityCopy.Clone(image.Value);
        return snapshot;
    }

    /// <summary>The request as the server receives it: the caller's objects are never changed by plug-ins or the store.</summary>
    private static OrganizationRequest CopyRequest(OrganizationRequest original)
    {
        var copy = new OrganizationRequest(original.RequestName) { RequestId = original.RequestId };
        foreach (var parameter in original.Parameters) copy.Parameters[parameter.Key] = EntityCopy.CloneValue(parameter.Value);
        return copy;
    }

    private static OrganizationResponse ResponseFor(OrganizationRequest request, ParameterCollection results)
    {
        OrganizationResponse response = request is Microsoft.Xrm.Sdk.Messages.UpsertRequest ? new Microsoft.Xrm.Sdk.Messages.UpsertResponse() : new OrganizationResponse();
        response.ResponseName = request.RequestName;
        foreach (var result in results) response.Results[result.Key] = EntityCopy.CloneValue(result.Value);
        return response;
    }

    private (string? Table, Guid Id) PrimaryOf(OrganizationRequest request)
    {
        if (request.Parameters.TryGetValue("Target", out var target))
        {
            switch (target)
            {
                case Entity entity:
                    return (entity.LogicalName, entity.Id != Guid.Empty || entity.KeyAttributes.Count == 0 ? entity.Id : ResolveKey(entity.LogicalName, entity.KeyAttributes) ?? Guid.Empty);
                case EntityReference reference:
                    return (reference.LogicalName, reference.Id != Guid.Empty || reference.KeyAttributes.Count == 0 ? reference.Id : ResolveKey(reference.LogicalName, reference.KeyAttributes) ?? Guid.Empty);
            }
        }
        if (request.RequestName == MessageNames.AddMembersTeam && request.Parameters.TryGetValue("TeamId", out var team) && team is Guid teamId)
            return (Team.EntityName, teamId);
        if (request.Parameters.TryGetValue("Query", out var query))
            return (query switch { Microsoft.Xrm.Sdk.Query.QueryExpression q => q.EntityName, Microsoft.Xrm.Sdk.Query.QueryByAttribute q => q.EntityName, _ => null }, Guid.Empty);
        return (null, Guid.Empty);
    }

    /// <summary>The message plug-in steps are registered on, where it differs from the request's name.</summary>
    private static string MessageOf(string requestName) => requestName == MessageNames.AddMembersTeam ? MessageNames.AddMembers : requestName;

    private Guid? ResolveKey(string table, KeyAttributeCollection keys) => _store.FindByKey(Metadata.Table(table), keys);

    /// <summary>What importing our solution creates besides tables: its security roles and environment variable definitions.</summary>
    private void ImportSolutionComponents()
    {
        foreach (var role in SolutionSchema.SecurityRoles)
        {
            var id = RoleId(role.Name);
            _store.Insert(Metadata.Table(Role.EntityName), Stamp(new Entity(Role.EntityName, id)
            {
                [Role.PrimaryId] = id,
                [Role.Name] = role.Name,
                [Role.BusinessUnitId] = new EntityReference(BusinessUnit.EntityName, RootBusinessUnitId),
            }, SystemUserId));
        }
        foreach (var variable in SolutionSchema.EnvironmentVariables)
        {
            var id = StableGuid.For("environmentvariabledefinition", variable.SchemaName);
            _store.Insert(Metadata.Table(EnvironmentVariableDefinition.EntityName), Stamp(new Entity(EnvironmentVariableDefinition.EntityName, id)
            {
                [EnvironmentVariableDefinition.PrimaryId] = id,
                [EnvironmentVariableDefinition.SchemaName] = variable.SchemaName,
                [EnvironmentVariableDefinition.DisplayName] = variable.DisplayName,
                [EnvironmentVariableDefinition.Description] = variable.Description,
                [EnvironmentVariableDefinition.DefaultValue] = variable.DefaultValue,
                [EnvironmentVariableDefinition.Type] = new OptionSetValue((int)variable.Type),
                ["statecode"] = new OptionSetValue(0),
                ["statuscode"] = new OptionSetValue(1),
            }, SystemUserId));
        }
    }

    /// <summary>The id of a role imported with the solution (Voice User, Voice ApiUser, Voice Admin User).</summary>
    public Guid RoleId(string roleName) => StableGuid.For("role", roleName);


    private Entity NewUser(Guid id, string fullName, string? email) => new(SystemUser.EntityName, id)
    {
        [SystemUser.PrimaryId] = id,
        [SystemUser.FullName] = fullName,
        [SystemUser.InternalEmailAddress] = email,
        [SystemUser.BusinessUnitId] = new EntityReference(BusinessUnit.EntityName, RootBusinessUnitId),
        [SystemUser.IsDisabled] = false,
    };

    /// <summary>A queued background job: an asynchronous plug-in step, or a background process (<see cref="Process"/>, then no step).</summary>
    private sealed record AsyncJob(StepRegistration? Step, PluginExecutionContext Context, Workflows.ProcessRegistration? Process = null);
}

/// <summary>Who is calling, and from where: a person or app (no parent), or a plug-in inside a pipeline (parent context).</summary>
internal sealed record Caller(Guid UserId, Guid InitiatingUserId, PluginExecutionContext? Parent, bool InTransaction, bool FromPlugin);

internal sealed class ServiceFactory(LocalOrganization organization, Caller pluginCaller) : IOrganizationServiceFactory
{
    public IOrganizationService CreateOrganizationService(Guid? userId) =>
        new OrganizationService(organization, pluginCaller with { UserId = userId ?? organization.SystemUserId });
}
