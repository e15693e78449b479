using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using VoiceForD365.Core.Enreach;

namespace VoiceForD365.Tests.PhoneCalls;

/// <summary>The process dying: thrown where the worker would have stopped.</summary>
public sealed class CrashException() : Exception("The worker process died here (injected).");

/// <summary>
/// Counts the steps of a run (each Enreach read, each Dataverse request) and kills the "process" right after step
/// <see cref="CrashAt"/> has been carried out: its answer is lost, and every later step fails as a dead process would.
/// </summary>
public sealed class CrashSwitch
{
    public int Steps { get; private set; }

    /// <summary>The step after which the process dies; 0: never.</summary>
    public int CrashAt { get; set; }

    public bool Crashed { get; private set; }

    public T Step<T>(Func<T> operation)
    {
        if (Crashed) throw new CrashException();
        var result = operation();
        Steps++;
        if (Steps != CrashAt) return result;
        Crashed = true;
        throw new CrashException();
    }

    public void Step(Action operation) => Step(() =>
    {
        operation();
        return 0;
    });
}

/// <summary>An organization service whose requests are steps of a <see cref="CrashSwitch"/>, and that can run something before each.</summary>
public sealed class SteppedService(IOrganizationService inner, CrashSwitch? crash = null, Action<OrganizationRequest>? before = null) : IOrganizationService
{
    private readonly CrashSwitch _crash = crash ?? new CrashSwitch();

    private T Do<T>(OrganizationRequest request, Func<T> operation)
    {
        before?.Invoke(request);
        return _crash.Step(operation);
    }

    public Guid Create(Entity entity) => Do(new CreateRequest { Target = entity }, () => inner.Create(entity));

    public Entity Retrieve(string entityName, Guid id, ColumnSet columnSet) =>
        Do(new RetrieveRequest { Target = new EntityReference(entityName, id), ColumnSet = columnSet }, () => inner.Retrieve(entityName, id, columnSet));

    public void Update(Entity entity) => Do(new UpdateRequest { Target = entity }, () =>
    {
        inner.Update(entity);
        return 0;
    });

    public void Delete(string entityName, Guid id) => Do(new DeleteRequest { Target = new EntityReference(entityName, id) }, () =>
    {
        inner.Delete(entityName, id);
        return 0;
    });

    public OrganizationResponse Execute(OrganizationRequest request) => Do(request, () => inner.Execute(request));

    public void Associate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) =>
        Do(new OrganizationRequest("Associate"), () =>
        {
            inner.Associate(entityName, entityId, relationship, relatedEntities);
            return 0;
        });

    public void Disassociate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) =>
        Do(new OrganizationRequest("Disassociate"), () =>
        {
            inner.Disassociate(entityName, entityId, relationship, relatedEntities);
            return 0;
        });

    public EntityCollection RetrieveMultiple(QueryBase query) => Do(new RetrieveMultipleRequest { Query = query }, () => inner.RetrieveMultiple(query));
}

/// <summary>An Enreach client whose reads are steps of a <see cref="CrashSwitch"/>.</summary>
public sealed class SteppedEnreach(IEnreachClient inner, CrashSwitch crash) : IEnreachClient
{
    public IReadOnlyList<EnreachUser> GetUsers() => crash.Step(inner.GetUsers);

    public Task<IReadOnlyList<EnreachUser>> GetUsersAsync(CancellationToken cancellationToken = default) => Task.FromResult(GetUsers());

    public IReadOnlyList<EnreachCallEvent> GetUserCalls(EnreachCallWindow window, IEnumerable<Guid>? userIds = null) => crash.Step(() => inner.GetUserCalls(window, userIds));

    public Task<IReadOnlyList<EnreachCallEvent>> GetUserCallsAsync(EnreachCallWindow window, IEnumerable<Guid>? userIds = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(GetUserCalls(window, userIds));

    public IReadOnlyList<EnreachCallEvent> GetUserCallsByCallId(Guid callId) => crash.Step(() => inner.GetUserCallsByCallId(callId));

    public Task<IReadOnlyList<EnreachCallEvent>> GetUserCallsByCallIdAsync(Guid callId, CancellationToken cancellationToken = default) => Task.FromResult(GetUserCallsByCallId(callId));

    public IReadOnlyList<EnreachCallEvent> GetServiceCalls(EnreachCallWindow window) => crash.Step(() => inner.GetServiceCalls(window));

    public Task<IReadOnlyList<EnreachCallEvent>> GetServiceCallsAsync(EnreachCallWindow window, CancellationToken cancellationToken = default) => Task.FromResult(GetServiceCalls(window));

    public IReadOnlyList<EnreachCallbackList> GetCallbackLists() => crash.Step(inner.GetCallbackLists);

    public Task<IReadOnlyList<EnreachCallbackList>> GetCallbackListsAsync(CancellationToken cancellationToken = default) => Task.FromResult(GetCallbackLists());

    public IReadOnlyList<EnreachCallbackRequest> GetCallbackRequests(Guid listId, DateTime createdAfter, DateTime createdBefore) =>
        crash.Step(() => inner.GetCallbackRequests(listId, createdAfter, createdBefore));

    public Task<IReadOnlyList<EnreachCallbackRequest>> GetCallbackRequestsAsync(Guid listId, DateTime createdAfter, DateTime createdBefore, CancellationToken cancellationToken = default) =>
        Task.FromResult(GetCallbackRequests(listId, createdAfter, createdBefore));

    public void CloseCallbackRequest(Guid listId, Guid requestId) => crash.Step(() => inner.CloseCallbackRequest(listId, requestId));

    public Task CloseCallbackRequestAsync(Guid listId, Guid requestId, CancellationToken cancellationToken = default)
    {
        CloseCallbackRequest(listId, requestId);
        return Task.CompletedTask;
    }
}
