using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;

namespace VoiceForD365.LocalOrg.Workflows;

/// <summary>The IWorkflowContext a custom workflow activity gets (CodeActivityContext.GetExtension&lt;IWorkflowContext&gt;()).</summary>
internal sealed class WorkflowExecutionContext : Pipeline.ExecutionContextBase, IWorkflowContext
{
    /// <inheritdoc cref="Pipeline.ExecutionContextBase(IExecutionContext)"/>
    public WorkflowExecutionContext(IExecutionContext source) : base(source)
    {
    }

    public string StageName { get; init; } = "";
    public int WorkflowCategory { get; init; }
    public int WorkflowMode { get; init; }
    public IWorkflowContext ParentContext => null!;
}
