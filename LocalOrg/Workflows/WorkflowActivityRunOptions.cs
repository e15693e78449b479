using Microsoft.Xrm.Sdk;
using VoiceForD365.Core.Schema;
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
    public string MessageName { get; init; } = MessageNames.ExecuteWorkflow;
}
