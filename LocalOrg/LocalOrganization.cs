using System.Activities;
using System.Reflection;
using System.ServiceModel;
using Microsoft.Xrm.Sdk;
using VoiceForD365.Core.Schema;
using VoiceForD365.LocalOrg.Messages;
using VoiceForD365.LocalOrg.Metadata;
using VoiceForD365.LocalOrg.Pipeline;
using VoiceForD365.LocalOrg.Samples;
using VoiceForD365.LocalOrg.Store;
using VoiceForD365.LocalOrg.Workflows;
using VoiceForD365.Solution;
using StableGuid = VoiceForD365.Solution.Packing.StableGuid;

namespace VoiceForD365.LocalOrg;

/// <summary>
/// An in-memory Dataverse organization: metadata-aware storage, QueryExpression, and a plug-in pipeline that runs
/// our plug-ins from the registrations declared in code. It stands in for a real organization in tests, the CLI
/// demo and benchmarks. This type is the façade: it wires the metadata, the store, the message handlers
/// (<see cref="Messages.MessageHandler"/>), the pipeline (<see cref="Pipeline.RequestPipeline"/>) and the workflow
/// engine, and holds the organization's own rows (business unit, SYSTEM and administrator, imported components).
/// </summary>
public sealed class LocalOrganization
{
    /// <summary>Dataverse stops a chain of plug-ins calling each other at this depth.</summary>
    public const int MaxDepth = RequestPipeline.MaxDepth;

    private readonly MessageHandlerTable _handlers = new();
    private readonly ExecutionLog _log = new();
    private readonly Records _records;
    private readonly RequestPipeline _pipeline;
    private readonly WorkflowEngine _workflows;

    public LocalOrganization(LocalOrganizationOptions? options = null)
    {
        options ??= new LocalOrganizationOptions();
        Metadata = options.Metadata ?? OrganizationMetadata.WithSolution();
        var identity = new OrganizationIdentity(OrganizationId, OrganizationName, RootBusinessUnitId, SystemUserId);
        _records = new Records(Metadata, new DataStore(), identity, options.UtcNow);
        _pipeline = new RequestPipeline(identity, _records, _handlers, _log, Requests, options.UtcNow, options.RunAsyncJobsAutomatically);
        _workflows = new WorkflowEngine(_pipeline, options.Processes ?? SolutionProcesses.All, AdministratorId);
        Builder = new OrganizationBuilder(Service, new EntityReference(BusinessUnit.EntityName, RootBusinessUnitId), SolutionRoleId);

        foreach (var handler in MessageHandlerTable.Standard().Concat(options.MessageHandlers)) _handlers.Add(handler);
        RegisterPluginTypes(options.PluginAssemblies.SelectMany(StepRegistration.PluginTypesOf).Concat(options.PluginTypes).Distinct());
        foreach (var assembly in options.WorkflowAssemblies) RegisterWorkflowAssembly(assembly);

        _records.SeedComponent(ComponentRows.Organization(OrganizationId, OrganizationName));
        _records.SeedComponent(ComponentRows.VoiceForD365Solution(options.UtcNow()));
        _records.Seed(new Entity(BusinessUnit.EntityName, RootBusinessUnitId) { [BusinessUnit.PrimaryId] = RootBusinessUnitId, [BusinessUnit.Name] = OrganizationName });
        _records.Seed(NewUser(SystemUserId, "SYSTEM", null));
        _records.Seed(NewUser(AdministratorId, "Local Administrator", "admin@localorg.test"));
        ImportSolutionComponents();
        _records.Store.Commit();
    }

    /// <summary>What RetrieveVersion answers: the version of Dataverse whose Web API (v9.2) the local organization follows.</summary>
    public const string Version = "9.2.0.0";

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

    public IReadOnlyList<StepRegistration> Steps => _pipeline.Steps;

    /// <summary>The data providers of the virtual tables: the main-operation steps declared on each.</summary>
    public IReadOnlyCollection<DataProviderRegistration> DataProviders => _pipeline.DataProviders;

    public IReadOnlyCollection<CustomApiRegistration> CustomApis => _handlers.All.OfType<CustomApiHandler>().Select(h => h.Api).ToList();

    public int PendingAsyncJobs => _pipeline.PendingAsyncJobs;

    /// <summary>The registered custom workflow activities.</summary>
    public IReadOnlyCollection<WorkflowActivityRegistration> WorkflowActivities => _workflows.Activities;

    /// <summary>The imported processes; one runs while its workflow row is activated (on import when its definition says so).</summary>
    public IReadOnlyList<ProcessRegistration> Processes => _workflows.Processes;

    /// <summary>The organization service as the administrator.</summary>
    public IOrganizationService Service => ServiceAs(AdministratorId);

    /// <summary>Users, teams, roles and memberships for tests and demos, created as the administrator through <see cref="Service"/>.</summary>
    public OrganizationBuilder Builder { get; }

    /// <summary>The organization service as the given user (the calling and initiating user of the pipeline).</summary>
    public IOrganizationService ServiceAs(Guid userId) => new OrganizationService(_pipeline, new Caller(userId, userId, null, InTransaction: false, FromPlugin: false));

    public void ClearTraces() => _log.ClearTraces();

    /// <summary>Runs the queued asynchronous steps and processes (and any they queue in turn) until none is left.</summary>
    public void RunAsyncJobs() => _pipeline.RunAsyncJobs();

    /// <summary>The id of a role imported with the solution (Voice User, Voice ApiUser, Voice Admin User).</summary>
    public Guid RoleId(string roleName) => StableGuid.For(Role.EntityName, roleName);

    /// <summary>
    /// Registers the custom workflow activities of an assembly (as the Plug-in Registration Tool or a solution import
    /// does), then imports and activates the processes (<see cref="LocalOrganizationOptions.Processes"/>, by default the
    /// solution's) whose steps' assemblies are now all registered.
    /// </summary>
    /// <exception cref="InvalidOperationException">An activity or a process is declared in a way Dataverse refuses.</exception>
    public void RegisterWorkflowAssembly(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        _workflows.RegisterAssembly(assembly);
    }

    /// <summary>
    /// Registers the plug-ins of an assembly (as the Plug-in Registration Tool or the import of a new solution version
    /// does, into an organization that already has data): their steps, custom APIs and virtual tables' data providers.
    /// </summary>
    /// <exception cref="InvalidOperationException">A step, custom API or data provider is declared in a way Dataverse refuses, or twice.</exception>
    public void RegisterPluginAssembly(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        lock (_pipeline.Sync) RegisterPluginTypes(StepRegistration.PluginTypesOf(assembly));
    }

    /// <summary>Registers the plug-in types' steps, custom APIs and data providers, with their pluginType and step rows.</summary>
    private void RegisterPluginTypes(IEnumerable<Type> types)
    {
        var pluginTypes = types.ToList();
        var registered = _pipeline.Steps.Count;
        _pipeline.AddSteps(pluginTypes);
        foreach (var type in pluginTypes) _records.SeedComponent(ComponentRows.PluginType(type, null));
        foreach (var step in _pipeline.Steps.Skip(registered)) _records.SeedComponent(ComponentRows.Step(step));
        foreach (var api in CustomApiRegistration.FromTypes(pluginTypes)) _handlers.Add(new CustomApiHandler(api));
    }

    /// <summary>Runs a registered custom workflow activity with the given inputs (by argument property name) and returns its outputs.</summary>
    /// <exception cref="FaultException{OrganizationServiceFault}">The activity failed (its InvalidPluginExecutionException's message), or an input is unknown or of the wrong type.</exception>
    public IReadOnlyDictionary<string, object?> RunWorkflowActivity<TActivity>(IDictionary<string, object?> inputs, WorkflowActivityRunOptions? options = null) where TActivity : CodeActivity =>
        RunWorkflowActivity(typeof(TActivity), inputs, options);

    /// <inheritdoc cref="RunWorkflowActivity{TActivity}"/>
    public IReadOnlyDictionary<string, object?> RunWorkflowActivity(Type activityType, IDictionary<string, object?> inputs, WorkflowActivityRunOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(activityType);
        ArgumentNullException.ThrowIfNull(inputs);
        return _workflows.RunActivity(activityType, inputs, options ?? new WorkflowActivityRunOptions(), AdministratorId);
    }

    private Guid? SolutionRoleId(string roleName) =>
        SolutionSchema.SecurityRoles.Any(r => string.Equals(r.Name, roleName, StringComparison.Ordinal)) ? RoleId(roleName) : null;

    /// <summary>What importing our solution creates besides tables: its security roles and environment variable definitions.</summary>
    private void ImportSolutionComponents()
    {
        foreach (var role in SolutionSchema.SecurityRoles)
        {
            var id = RoleId(role.Name);
            _records.Seed(new Entity(Role.EntityName, id)
            {
                [Role.PrimaryId] = id,
                [Role.Name] = role.Name,
                [Role.BusinessUnitId] = new EntityReference(BusinessUnit.EntityName, RootBusinessUnitId),
            });
        }
        foreach (var variable in SolutionSchema.EnvironmentVariables)
        {
            var id = StableGuid.For(EnvironmentVariableDefinition.EntityName, variable.SchemaName);
            _records.Seed(new Entity(EnvironmentVariableDefinition.EntityName, id)
            {
                [EnvironmentVariableDefinition.PrimaryId] = id,
                [EnvironmentVariableDefinition.SchemaName] = variable.SchemaName,
                [EnvironmentVariableDefinition.DisplayName] = variable.DisplayName,
                [EnvironmentVariableDefinition.Description] = variable.Description,
                [EnvironmentVariableDefinition.DefaultValue] = variable.DefaultValue,
                [EnvironmentVariableDefinition.Type] = new OptionSetValue((int)variable.Type),
                [StandardColumns.StateCode] = new OptionSetValue(0),
                [StandardColumns.StatusCode] = new OptionSetValue(1),
            });
        }
    }

    private Entity NewUser(Guid id, string fullName, string? email) => new(SystemUser.EntityName, id)
    {
        [SystemUser.PrimaryId] = id,
        [SystemUser.FullName] = fullName,
        [SystemUser.InternalEmailAddress] = email,
        [SystemUser.BusinessUnitId] = new EntityReference(BusinessUnit.EntityName, RootBusinessUnitId),
        [SystemUser.IsDisabled] = false,
    };
}
