using Microsoft.Xrm.Sdk;
using VoiceForD365.Core.Schema;

namespace VoiceForD365.LocalOrg.Pipeline;

/// <summary>The IPluginExecutionContext a plug-in receives (and the context of a request in the pipeline).</summary>
internal sealed class PluginExecutionContext : ExecutionContextBase, IPluginExecutionContext
{
    public PluginExecutionContext()
    {
    }

    /// <inheritdoc cref="ExecutionContextBase(IExecutionContext)"/>
    /// <remarks>Stage and ParentContext are the new context's own: not copied.</remarks>
    public PluginExecutionContext(IExecutionContext source) : base(source)
    {
    }

    public int Stage { get; init; }
    public IPluginExecutionContext ParentContext { get; init; } = null!;

    /// <summary>The context a step sees: the message's data with the step's own stage, mode, images and extension.</summary>
    public PluginExecutionContext ForStep(StepRegistration step, EntityImageCollection preImages, EntityImageCollection postImages, bool inTransaction) => new(this)
    {
        Mode = (int)step.Declaration.Mode,
        PreEntityImages = preImages,
        PostEntityImages = postImages,
        OwningExtension = new EntityReference(SdkMessageProcessingStep.EntityName, step.Id) { Name = step.Name },
        IsInTransaction = inTransaction,
        Stage = (int)step.Declaration.Stage,
        ParentContext = ParentContext,
    };
}
