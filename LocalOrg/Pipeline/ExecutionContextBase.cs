using Microsoft.Xrm.Sdk;

namespace VoiceForD365.LocalOrg.Pipeline;

/// <summary>What every execution context of the pipeline carries (plug-ins' and workflow activities').</summary>
internal abstract class ExecutionContextBase : IExecutionContext
{
    /// <summary>The PrimaryEntityName of a message that is not about a table.</summary>
    public const string NoTable = "none";

    protected ExecutionContextBase()
    {
    }

    /// <summary>
    /// A context of the same operation as <paramref name="source"/>: every value copied (the parameter collections and
    /// images shared, not cloned), so that the new context's initializer states only what differs.
    /// </summary>
    protected ExecutionContextBase(IExecutionContext source)
    {
        Mode = source.Mode;
        Depth = source.Depth;
        MessageName = source.MessageName;
        PrimaryEntityName = source.PrimaryEntityName;
        RequestId = source.RequestId;
        SecondaryEntityName = source.SecondaryEntityName;
        InputParameters = source.InputParameters;
        OutputParameters = source.OutputParameters;
        SharedVariables = source.SharedVariables;
        UserId = source.UserId;
        InitiatingUserId = source.InitiatingUserId;
        BusinessUnitId = source.BusinessUnitId;
        OrganizationId = source.OrganizationId;
        OrganizationName = source.OrganizationName;
        PrimaryEntityId = source.PrimaryEntityId;
        PreEntityImages = source.PreEntityImages;
        PostEntityImages = source.PostEntityImages;
        OwningExtension = source.OwningExtension;
        CorrelationId = source.CorrelationId;
        IsInTransaction = source.IsInTransaction;
        OperationId = source.OperationId;
        OperationCreatedOn = source.OperationCreatedOn;
    }

    public int Mode { get; init; }
    public int IsolationMode => 2; // sandbox
    public int Depth { get; init; }
    public string MessageName { get; init; } = "";
    public string PrimaryEntityName { get; init; } = NoTable;
    public Guid? RequestId { get; init; }
    public string SecondaryEntityName { get; init; } = NoTable;
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
