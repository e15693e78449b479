using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;

namespace VoiceForD365.LocalOrg.Workflows;

/// <summary>The IWorkflowContext a custom workflow activity gets (CodeActivityContext.GetExtension&lt;IWorkflowContext&gt;()).</summary>
internal sealed class WorkflowExecutionContext : IWorkflowContext
{
    public int Mode { get; init; }
    public int IsolationMode => 2; // sandbox
    public int Depth { get; init; }
    public string MessageName { get; init; } = "";
    public string PrimaryEntityName { get; init; } = "none";
    public Guid? RequestId { get; init; }
    public string SecondaryEntityName => "none";
    public ParameterCollection InputParameters { get; init; } = new();
    public ParameterCollection OutputParameters { get; } = new();
    public ParameterCollection SharedVariables { get; } = new();
    public Guid UserId { get; init; }
    public Guid InitiatingUserId { get; init; }
    public Guid BusinessUnitId { get; init; }
    public Guid OrganizationId { get; init; }
    public string OrganizationName { get; init; } = "";
    public Guid PrimaryEntityId { get; init; }
    public EntityImageCollection PreEntityImages { get; } = new();
    public EntityImageCollection PostEntityImages { get; } = new();
    public EntityReference OwningExtension { get; init; } = null!;
    public Guid CorrelationId { get; init; }
    public bool IsExecutingOffline => false;
    public bool IsOfflinePlayback => false;
    public bool IsInTransaction => false;
    public Guid OperationId { get; init; }
    public DateTime OperationCreatedOn { get; init; }
    public string StageName { get; init; } = "";
    public int WorkflowCategory { get; init; }
    public int WorkflowMode { get; init; }
    public IWorkflowContext ParentContext => null!;
}

internal sealed class WorkflowTracingService(string step, IExecutionContext context, List<Pipeline.PluginTrace> log) : ITracingService
{
    public void Trace(string format, params object[] args)
    {
        var text = args is { Length: > 0 } ? string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args) : format;
        log.Add(new Pipeline.PluginTrace(step, context.MessageName, context.PrimaryEntityName, context.Depth, text));
    }
}
