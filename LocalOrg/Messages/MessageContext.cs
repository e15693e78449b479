using Microsoft.Xrm.Sdk;
using VoiceForD365.LocalOrg.Metadata;
using VoiceForD365.LocalOrg.Pipeline;
using VoiceForD365.LocalOrg.Store;

namespace VoiceForD365.LocalOrg.Messages;

/// <summary>
/// What a <see cref="MessageHandler"/> reaches the organization through while it handles one request: the metadata,
/// the caller, the record the message is about, and a service for the requests it makes as part of the message.
/// The local organization's own handlers also read and write the store through it.
/// </summary>
public sealed class MessageContext
{
    private readonly RequestPipeline _pipeline;
    private PluginExecutionContext? _execution;

    internal MessageContext(RequestPipeline pipeline, Caller caller)
    {
        _pipeline = pipeline;
        Caller = caller;
    }

    public OrganizationMetadata Metadata => _pipeline.Records.Metadata;

    /// <summary>The calling user (the user the service acts as).</summary>
    public Guid UserId => Caller.UserId;

    public Guid BusinessUnitId => _pipeline.Identity.RootBusinessUnitId;

    public Guid OrganizationId => _pipeline.Identity.OrganizationId;

    /// <summary>
    /// The id of the record the message is about, as steps see it. A handler that creates the record sets it, so that
    /// post-operation images and background jobs find the new row.
    /// </summary>
    public Guid PrimaryEntityId
    {
        get => Execution.PrimaryEntityId;
        set => Execution.PrimaryEntityId = value;
    }

    /// <summary>
    /// The organization service for requests the handler makes as part of the message (as Upsert makes a Create or an
    /// Update): child requests inside this request's transaction, one level deeper, with their own plug-in steps.
    /// </summary>
    public IOrganizationService Service => new OrganizationService(_pipeline, Caller with { Parent = Execution, InTransaction = true });

    /// <summary>
    /// The organization service for the requests a batch message runs for its caller (ExecuteMultiple,
    /// ExecuteTransaction): each as if the caller had sent it (depth 1, its own steps), inside this request's
    /// transaction, so that a failing one rolls back only what it wrote and the batch commits once.
    /// </summary>
    internal IOrganizationService CallerService => new OrganizationService(_pipeline, Caller with { InTransaction = true });

    /// <summary>Whether the request comes from a plug-in or workflow activity (which Dataverse refuses batch messages).</summary>
    internal bool FromPlugin => Caller.FromPlugin || Caller.Parent != null;

    internal Caller Caller { get; }

    internal Records Records => _pipeline.Records;

    internal PluginExecutionContext Execution =>
        _execution ?? throw new InvalidOperationException("The message's execution has not begun: PrimaryEntityOf runs before the pipeline's stages.");

    internal void Begin(PluginExecutionContext execution) => _execution = execution;

    /// <summary>Runs a main-operation step (a custom API's or a data provider's plug-in) in this request's transaction; returns the context it saw.</summary>
    internal PluginExecutionContext RunMainOperation(StepRegistration step) => _pipeline.RunMainOperation(step, Execution, Caller);

    /// <summary>The data provider of a virtual table; null when no plug-ins are registered for it.</summary>
    internal DataProviderRegistration? DataProviderOf(string table) => _pipeline.DataProviderOf(table);
}
