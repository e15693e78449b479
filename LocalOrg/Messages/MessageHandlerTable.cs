namespace VoiceForD365.LocalOrg.Messages;

/// <summary>
/// The one table of the messages the local organization handles, by request name (ignoring case): the standard
/// messages, each registered custom API and the handlers a test or host adds.
/// </summary>
internal sealed class MessageHandlerTable
{
    private readonly Dictionary<string, MessageHandler> _handlers = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The standard messages every local organization handles. A new message is one handler class and one line here.</summary>
    public static IEnumerable<MessageHandler> Standard() =>
    [
        new CreateHandler(),
        new RetrieveHandler(),
        new UpdateHandler(),
        new DeleteHandler(),
        new RetrieveMultipleHandler(),
        new AssociateHandler(),
        new DisassociateHandler(),
        new AddMembersTeamHandler(),
        new UpsertHandler(),
        new AssignHandler(),
        new AddToQueueHandler(),
        new WhoAmIHandler(),
        new RetrieveVersionHandler(),
        new RetrieveEnvironmentVariableSecretValueHandler(),
        new ExecuteMultipleHandler(),
        new ExecuteTransactionHandler(),
        new RetrieveAttributeHandler(),
    ];

    public IEnumerable<MessageHandler> All => _handlers.Values;

    /// <exception cref="InvalidOperationException">The organization already handles a message of that name.</exception>
    public void Add(MessageHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (!_handlers.TryAdd(handler.RequestName, handler))
            throw new InvalidOperationException(
                $"The local organization already handles the message {handler.RequestName} ({_handlers[handler.RequestName].GetType().FullName}); {handler.GetType().FullName} can't handle it too.");
    }

    /// <exception cref="System.ServiceModel.FaultException{OrganizationServiceFault}">No handler: Dataverse's "Request not supported".</exception>
    public MessageHandler For(string requestName) =>
        _handlers.TryGetValue(requestName, out var handler)
            ? handler
            : throw Faults.Create(Faults.RequestNotSupported, $"Request not supported: {requestName}. The local organization has no message or custom API with that name.");
}
