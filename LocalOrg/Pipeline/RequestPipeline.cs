using System.ServiceModel;
using Microsoft.Xrm.Sdk;
using VoiceForD365.Core.Registration;
using VoiceForD365.Core.Schema;
using VoiceForD365.LocalOrg.Messages;
using VoiceForD365.LocalOrg.Store;

namespace VoiceForD365.LocalOrg.Pipeline;

/// <summary>
/// The event execution pipeline: every request, from a caller or a plug-in, runs through it. It finds the message's
/// handler, runs the registered steps around the core operation (pre-validation, pre-operation, post-operation),
/// gives steps their images, stops at depth 8, rolls back what a failing request wrote (to a savepoint for a nested
/// request) and queues background jobs (asynchronous steps, triggered processes) to run once the outermost request
/// has committed. One request runs at a time.
/// </summary>
internal sealed class RequestPipeline(
    OrganizationIdentity identity, Records records, MessageHandlerTable handlers, ExecutionLog log, RequestCounter requests, Func<DateTime> utcNow, bool runAsyncJobsAutomatically)
{
    /// <summary>Dataverse stops a chain of plug-ins calling each other at this depth.</summary>
    public const int MaxDepth = 8;

    private readonly List<StepRegistration> _steps = new();
    private readonly Dictionary<string, DataProviderRegistration> _dataProviders = new(StringComparer.Ordinal);
    private readonly List<Func<SystemJob>> _pendingAsync = new();
    private readonly Queue<Func<SystemJob>> _asyncQueue = new();
    private bool _runningAsync;

    /// <summary>What one request (or background job) at a time holds; registrations take it too.</summary>
    public object Sync { get; } = new();

    public OrganizationIdentity Identity => identity;

    public Records Records => records;

    public ExecutionLog Log => log;

    public IReadOnlyList<StepRegistration> Steps => _steps;

    public int PendingAsyncJobs => _asyncQueue.Count;

    /// <summary>Called once a request's post-operation stage has run, in its transaction: where triggered processes are queued.</summary>
    public Action<OrganizationRequest, PluginExecutionContext, Caller>? Completed { get; set; }

    /// <summary>The data providers of the virtual tables, by table.</summary>
    public IReadOnlyCollection<DataProviderRegistration> DataProviders => _dataProviders.Values;

    /// <summary>
    /// Registers the steps the plug-in types declare; their main-operation steps on a table become that virtual
    /// table's data provider, as Dataverse registers a provider's plug-ins on its entitydataprovider and not as steps.
    /// </summary>
    /// <exception cref="InvalidOperationException">A provider for a table that is not virtual, or for one that has a provider already.</exception>
    public void AddSteps(IEnumerable<Type> pluginTypes)
    {
        var declared = StepRegistration.FromTypes(pluginTypes, _steps.Count).ToList();
        IReadOnlyList<DataProviderDeclaration> providers;
        try
        {
            providers = DataProviderDeclaration.All(declared.Select(s => s.Declaration));
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException(e.Message, e);
        }
        foreach (var provider in providers)
        {
            if (!records.Metadata.HasTable(provider.Table) || !records.Metadata.Table(provider.Table).IsVirtual)
                throw new InvalidOperationException($"{provider.Operations[0].PluginTypeName} declares a main-operation step on {provider.Table}, which this organization has no virtual table of that name for.");
            if (_dataProviders.ContainsKey(provider.Table))
                throw new InvalidOperationException($"The virtual table {provider.Table} has a data provider already; {provider.Operations[0].PluginTypeName} can't be a second one.");
            _dataProviders[provider.Table] = new DataProviderRegistration(provider, declared.Where(s => s.Declaration.IsDataProviderOperation && s.Declaration.Table == provider.Table));
        }
        _steps.AddRange(declared.Where(s => !s.Declaration.IsDataProviderOperation));
    }

    /// <summary>The data provider of the virtual table <paramref name="table"/>; null when none is registered.</summary>
    public DataProviderRegistration? DataProviderOf(string table) => _dataProviders.GetValueOrDefault(table);

    public OrganizationResponse Execute(OrganizationRequest request, Caller caller)
    {
        lock (Sync)
        {
            requests.Count(request.RequestName, caller.FromPlugin);
            var outermost = !caller.InTransaction;
            var response = Run(request, caller);
            if (outermost)
            {
                records.Store.Commit();
                foreach (var job in _pendingAsync) _asyncQueue.Enqueue(job);
                _pendingAsync.Clear();
                if (runAsyncJobsAutomatically) RunAsyncJobs();
            }
            return response;
        }
    }

    /// <summary>Runs the queued background jobs (and any they queue in turn) until none is left.</summary>
    public void RunAsyncJobs()
    {
        lock (Sync)
        {
            if (_runningAsync) return;
            _runningAsync = true;
            try
            {
                while (_asyncQueue.Count > 0) log.Add(_asyncQueue.Dequeue()());
            }
            finally
            {
                _runningAsync = false;
            }
        }
    }

    /// <summary>Queues a background job of the current request: it runs after the outermost request commits, and is dropped if the request fails.</summary>
    public void QueueAsync(Func<SystemJob> job) => _pendingAsync.Add(job);

    /// <summary>The context of a new operation: who, what, the organization, new request and operation ids.</summary>
    public PluginExecutionContext NewOperation(string message, string? table, Guid id, Guid userId, Guid initiatingUserId, int depth, Guid correlationId,
        ParameterCollection? inputs = null, IPluginExecutionContext? parent = null) => new()
    {
        Mode = (int)ExecutionMode.Synchronous,
        Depth = depth,
        MessageName = message,
        PrimaryEntityName = table ?? ExecutionContextBase.NoTable,
        PrimaryEntityId = id,
        RequestId = Guid.NewGuid(),
        InputParameters = inputs ?? new ParameterCollection(),
        UserId = userId,
        InitiatingUserId = initiatingUserId,
        BusinessUnitId = identity.RootBusinessUnitId,
        OrganizationId = identity.OrganizationId,
        OrganizationName = identity.OrganizationName,
        CorrelationId = correlationId,
        OperationId = Guid.NewGuid(),
        OperationCreatedOn = utcNow(),
        ParentContext = parent!,
    };

    /// <summary>Runs a main-operation step (a custom API's plug-in) inside the request whose context is given; returns the context it saw.</summary>
    public PluginExecutionContext RunMainOperation(StepRegistration step, PluginExecutionContext context, Caller caller)
    {
        var stepContext = context.ForStep(step, new EntityImageCollection(), new EntityImageCollection(), inTransaction: true);
        RunPlugin(step, stepContext, caller with { Parent = stepContext, InTransaction = true, FromPlugin = true });
        return stepContext;
    }

    private OrganizationResponse Run(OrganizationRequest original, Caller caller)
    {
        var depth = (caller.Parent?.Depth ?? 0) + 1;
        if (depth > MaxDepth)
            throw Faults.Create(Faults.LoopDetected, "This workflow job was canceled because the workflow that started it included an infinite loop. Correct the workflow logic and try again.");

        var request = CopyRequest(original);
        var handler = handlers.For(request.RequestName);
        var message = new MessageContext(this, caller);
        var primary = handler.PrimaryEntityOf(request, message);
        var context = NewOperation(handler.StepMessageName, primary?.LogicalName, primary?.Id ?? Guid.Empty, caller.UserId, caller.InitiatingUserId, depth,
            caller.Parent?.CorrelationId ?? Guid.NewGuid(), request.Parameters, caller.Parent);
        message.Begin(context);
        var steps = _steps.Where(s => s.Matches(context.MessageName, primary?.LogicalName) && PassesFilter(s, request) && IsEnabled(s))
            .OrderBy(s => s.Declaration.Stage).ThenBy(s => s.Declaration.Order).ThenBy(s => s.Sequence).ToList();

        // Pre-validation runs before the database transaction of the outermost request: only nested requests roll it back.
        var savepoint = records.Store.Savepoint();
        var asyncSavepoint = _pendingAsync.Count;
        try
        {
            RunStage(steps, PipelineStage.PreValidation, context, caller, inTransaction: caller.InTransaction, null, null);
            if (!caller.InTransaction) savepoint = records.Store.Savepoint();
            var preImages = ImagesFor(steps, context, pre: true);
            RunStage(steps, PipelineStage.PreOperation, context, caller, true, preImages, null);
            context.OutputParameters.AddRange(handler.Execute(request, message));
            var postImages = ImagesFor(steps, context, pre: false);
            RunStage(steps, PipelineStage.PostOperation, context, caller, true, preImages, postImages);
            foreach (var step in steps.Where(s => s.Declaration.Mode == ExecutionMode.Asynchronous))
            {
                var jobContext = context.ForStep(step, Snapshot(preImages, step), Snapshot(postImages, step), inTransaction: false);
                QueueAsync(() => RunAsyncStep(step, jobContext));
            }
            Completed?.Invoke(request, context, caller);
            return ResponseFor(handler.CreateResponse(), request.RequestName, context.OutputParameters);
        }
        catch
        {
            records.Store.RollbackTo(savepoint);
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
        var provider = new PluginServiceProvider(context, new TracingService(step.Name, context, log), new ServiceFactory(this, pluginCaller));
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
            throw Faults.Create(e.ErrorCode, e.Message);
        }
        catch (Exception e)
        {
            throw Faults.Create(Faults.PluginError, $"Unexpected exception from plug-in (Execute): {step.PluginType.FullName}: {e.GetType().FullName}: {e.Message}");
        }
    }

    /// <summary>An asynchronous step runs outside any transaction: each request it makes commits on its own.</summary>
    private SystemJob RunAsyncStep(StepRegistration step, PluginExecutionContext context)
    {
        var caller = new Caller(context.UserId, context.InitiatingUserId, context, InTransaction: false, FromPlugin: true);
        try
        {
            RunPlugin(step, context, caller);
            return new SystemJob(step.Name, context.MessageName, context.PrimaryEntityName, context.PrimaryEntityId, true, null);
        }
        catch (FaultException<OrganizationServiceFault> e)
        {
            return new SystemJob(step.Name, context.MessageName, context.PrimaryEntityName, context.PrimaryEntityId, false, e.Detail.Message);
        }
    }

    /// <summary>A step an administrator disabled (its sdkmessageprocessingstep row's state) does not run.</summary>
    private bool IsEnabled(StepRegistration step) =>
        records.Store.Find(SdkMessageProcessingStep.EntityName, step.Id)?.GetAttributeValue<OptionSetValue>(SdkMessageProcessingStep.StateCode)?.Value
            != SdkMessageProcessingStep.StateDisabled;

    private static bool PassesFilter(StepRegistration step, OrganizationRequest request) =>
        step.Declaration.FilteringAttributes.Count == 0
        || !string.Equals(request.RequestName, MessageNames.Update, StringComparison.OrdinalIgnoreCase)
        || (request.Parameters.TryGetValue(ParameterNames.Target, out var target) && target is Entity entity && step.Declaration.FilteringAttributes.Any(entity.Contains));

    private Dictionary<StepRegistration, EntityImageCollection> ImagesFor(List<StepRegistration> steps, PluginExecutionContext context, bool pre)
    {
        var images = new Dictionary<StepRegistration, EntityImageCollection>();
        if (context.PrimaryEntityId == Guid.Empty || !records.Metadata.HasTable(context.PrimaryEntityName)) return images;
        var row = records.Store.Find(context.PrimaryEntityName, context.PrimaryEntityId);
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

    private static OrganizationResponse ResponseFor(OrganizationResponse response, string requestName, ParameterCollection results)
    {
        response.ResponseName = requestName;
        foreach (var result in results) response.Results[result.Key] = EntityCopy.CloneValue(result.Value);
        return response;
    }
}
