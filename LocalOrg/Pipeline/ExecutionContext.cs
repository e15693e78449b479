using Microsoft.Xrm.Sdk;

namespace VoiceForD365.LocalOrg.Pipeline;

/// <summary>What every execution context of the pipeline carries (plug-ins' and workflow activities').</summary>
internal abstract class ExecutionContextBase : IExecutionContext
{
    public int Mode { get; init; }
    public int IsolationMode => 2; // sandbox
    public int Depth { get; init; }
    public string MessageName { get; init; } = "";
    public string PrimaryEntityName { get; init; } = "none";
    public Guid? RequestId { get; init; }
    public string SecondaryEntityName { get; init; } = "none";
    public ParameterCollection InputParameters { get; init; } = new();
    public ParameterCollection OutputParameters { get; init; } = new();
    public ParameterCollection SharedVariables { get; init; } = new();
    public Guid UserId { get; init; }
    public Guid InitiatingUserId { get; init; }
    public Guid BusinessUnitId { get; init; }
    public Guid OrganizationId { get; init; }
    public string OrganizationName { get; init; } = "";
    public Guid PrimaryEntityId { get; set; }
    public EntityImageCollection PreEntityImages { get; init; } = new();
    public EntityImageCollection PostEntityImages { get; init; } = new();
    public EntityReference OwningExtension { get; init; } = null!;
    public Guid CorrelationId { get; init; }
    public bool IsExecutingOffline => false;
    public bool IsOfflinePlayback => false;
    public bool IsInTransaction { get; init; }
    public Guid OperationId { get; init; }
    public DateTime OperationCreatedOn { get; init; }
}

/// <summary>The IPluginExecutionContext a plug-in receives.</summary>
internal sealed class PluginExecutionContext : ExecutionContextBase, IPluginExecutionContext
{
    public int Stage { get; init; }
    public IPluginExecutionContext ParentContext { get; init; } = null!;

    /// <summary>The context a step sees: the message's data with the step's own stage, mode, images and extension.</summary>
    public PluginExecutionContext ForStep(StepRegistration step, EntityImageCollection preImages, EntityImageCollection postImages, bool inTransaction) => new()
    {
        Mode = (int)step.Declaration.Mode,
        Depth = Depth,
        MessageName = MessageName,
        PrimaryEntityName = PrimaryEntityName,
        RequestId = RequestId,
        SecondaryEntityName = SecondaryEntityName,
        InputParameters = InputParameters,
        OutputParameters = OutputParameters,
        SharedVariables = SharedVariables,
        UserId = UserId,
        InitiatingUserId = InitiatingUserId,
        BusinessUnitId = BusinessUnitId,
        OrganizationId = OrganizationId,
        OrganizationName = OrganizationName,
        PrimaryEntityId = PrimaryEntityId,
        PreEntityImages = preImages,
        PostEntityImages = postImages,
        OwningExtension = new EntityReference("sdkmessageprocessingstep", Guid.Empty) { Name = step.Name },
        CorrelationId = CorrelationId,
        IsInTransaction = inTransaction,
        OperationId = OperationId,
        OperationCreatedOn = OperationCreatedOn,
        Stage = (int)step.Declaration.Stage,
        ParentContext = ParentContext,
    };
}

/// <summary>The ITracingService of a plug-in step or workflow activity: lines go to the organization's trace log.</summary>
internal sealed class TracingService(string step, IExecutionContext context, ExecutionLog log) : ITracingService
{
    public void Trace(string format, params object[] args)
    {
        var text = args is { Length: > 0 } ? string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args) : format;
        log.Add(new PluginTrace(step, context.MessageName, context.PrimaryEntityName, context.Depth, text));
    }
}

internal sealed class PluginServiceProvider(IPluginExecutionContext context, ITracingService tracing, IOrganizationServiceFactory factory) : IServiceProvider
{
    public object? GetService(Type serviceType) =>
        serviceType == typeof(IPluginExecutionContext) || serviceType == typeof(IExecutionContext) ? context
        : serviceType == typeof(ITracingService) ? tracing
        : serviceType == typeof(IOrganizationServiceFactory) ? factory
        : null;
}
