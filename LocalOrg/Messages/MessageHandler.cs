using Microsoft.Xrm.Sdk;
using VoiceForD365.Core.Schema;

namespace VoiceForD365.LocalOrg.Messages;

/// <summary>
/// The core operation (stage 30) of one message. The pipeline runs the registered plug-in steps around it (stages
/// 10, 20 and 40, images, the transaction, background jobs), so a handler only does what the platform does for the
/// message. The local organization has one for each standard message it supports and each custom API; a test or a
/// host adds its own with <see cref="LocalOrganizationOptions.MessageHandlers"/>.
/// </summary>
/// <remarks>One instance serves every request of its message, from any thread the pipeline runs on: keep no request state in fields.</remarks>
public abstract class MessageHandler
{
    protected MessageHandler(string requestName)
    {
        ArgumentException.ThrowIfNullOrEmpty(requestName);
        RequestName = requestName;
    }

    /// <summary>The OrganizationRequest.RequestName the handler serves (matched ignoring case).</summary>
    public string RequestName { get; }

    /// <summary>The message plug-in steps are registered on and see in their context; the request name unless they differ.</summary>
    public virtual string StepMessageName => RequestName;

    /// <summary>
    /// The record the request is about (the context's PrimaryEntityName and PrimaryEntityId), or null for a message
    /// about no table. Runs before the pipeline's stages. By default the Target parameter: an entity or a reference,
    /// by id or by alternate key (Guid.Empty when no row has the key).
    /// </summary>
    public virtual EntityReference? PrimaryEntityOf(OrganizationRequest request, MessageContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        if (!request.Parameters.TryGetValue(ParameterNames.Target, out var target)) return null;
        var (table, id, keys) = target switch
        {
            Entity entity => (entity.LogicalName, entity.Id, entity.KeyAttributes),
            EntityReference reference => (reference.LogicalName, reference.Id, reference.KeyAttributes),
            _ => (null, Guid.Empty, null),
        };
        if (table == null) return null;
        return new EntityReference(table, id != Guid.Empty || keys!.Count == 0 ? id : context.Records.ResolveKey(table, keys) ?? Guid.Empty);
    }

    /// <summary>Does what the platform does for the message and returns the response's results.</summary>
    /// <param name="request">A copy of the caller's request, as the server receives it; pre-operation steps may have changed its parameters.</param>
    /// <exception cref="System.ServiceModel.FaultException{OrganizationServiceFault}">The request is refused (see <see cref="Faults"/>): the transaction rolls back.</exception>
    public abstract ParameterCollection Execute(OrganizationRequest request, MessageContext context);

    /// <summary>The response type the SDK gives the caller for this message (OrganizationResponse unless a typed one is expected).</summary>
    public virtual OrganizationResponse CreateResponse() => new();

    /// <summary>A required parameter of the request.</summary>
    /// <exception cref="System.ServiceModel.FaultException{OrganizationServiceFault}">Missing or of another type: Dataverse's invalid-argument fault.</exception>
    protected internal static T Parameter<T>(OrganizationRequest request, string name) where T : notnull
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Parameters.TryGetValue(name, out var value) && value is T typed
            ? typed
            : throw Faults.InvalidArgumentFault($"Required field '{name}' of type {typeof(T).Name} is missing for the '{request.RequestName}' request.");
    }

    /// <summary>The request's Target parameter.</summary>
    protected internal static T Target<T>(OrganizationRequest request) where T : class => Parameter<T>(request, ParameterNames.Target);

    /// <summary>The results of a response, from (name, value) pairs.</summary>
    protected static ParameterCollection Results(params (string Key, object? Value)[] results)
    {
        var collection = new ParameterCollection();
        foreach (var (key, value) in results) collection[key] = value;
        return collection;
    }
}
