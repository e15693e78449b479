using System.Activities;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;
using VoiceForD365.Core.Callbacks;
using VoiceForD365.Core.Registration;
using VoiceForD365.Core.Schema;
using VoiceForD365.Plugins;
using VoiceForD365.Workflows;

namespace VoiceForD365.Tests.Execution;

// A plug-in and an activity of each kind of failure, on the product's base classes, so that the shared execution scope
// is what a test sees through the pipeline. Each traces the correlation id its context carries before failing.

internal static class Failures
{
    public const string Actionable = "Callback profile 'Test' has no queue: choose one on the profile.";
    public const string Unexpected = "Something the code did not expect.";
}

[PluginStep(MessageNames.Create, Account.EntityName, PipelineStage.PostOperation, ExecutionMode.Synchronous)]
public sealed class ActionableFailurePlugin : PluginBase
{
    protected override void ExecuteDataversePlugin(LocalPluginContext context)
    {
        context.Trace("correlation {0}", context.PluginExecutionContext.CorrelationId);
        throw new CallbackConfigurationException(Failures.Actionable);
    }
}

[PluginStep(MessageNames.Create, Account.EntityName, PipelineStage.PostOperation, ExecutionMode.Synchronous)]
public sealed class UnexpectedFailurePlugin : PluginBase
{
    protected override void ExecuteDataversePlugin(LocalPluginContext context)
    {
        context.Trace("correlation {0}", context.PluginExecutionContext.CorrelationId);
        throw new InvalidOperationException(Failures.Unexpected);
    }
}

public sealed class ActionableFailureActivity : WorkflowActivityBase
{
    [Input("Text")]
    public InArgument<string?> Text { get; set; } = new InArgument<string?>();

    protected override void ExecuteWorkflowActivity(CodeActivityContext executionContext, LocalWorkflowContext context)
    {
        context.Trace("correlation {0}", context.WorkflowContext.CorrelationId);
        throw new CallbackConfigurationException(Failures.Actionable);
    }
}

public sealed class UnexpectedFailureActivity : WorkflowActivityBase
{
    [Input("Text")]
    public InArgument<string?> Text { get; set; } = new InArgument<string?>();

    protected override void ExecuteWorkflowActivity(CodeActivityContext executionContext, LocalWorkflowContext context)
    {
        context.Trace("correlation {0}", context.WorkflowContext.CorrelationId);
        throw new InvalidOperationException(Failures.Unexpected);
    }
}
