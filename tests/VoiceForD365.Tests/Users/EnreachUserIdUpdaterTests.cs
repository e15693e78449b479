using Microsoft.Xrm.Sdk.Query;
using VoiceForD365.Core.Enreach;
using VoiceForD365.Core.Schema;
using VoiceForD365.Core.Users;
using VoiceForD365.LocalOrg;
using Xunit;

namespace VoiceForD365.Tests.Users;

/// <summary>The Core updater's own contract (the plug-ins' behaviour is in EnreachUserIdTests).</summary>
public class EnreachUserIdUpdaterTests
{
    /// <summary>An Enreach with these users and no calls or callback lists.</summary>
    private sealed class FixedDirectory(params EnreachUser[] users) : IEnreachClient
    {
        public IReadOnlyList<EnreachUser> GetUsers() => users;

        public Task<IReadOnlyList<EnreachUser>> GetUsersAsync(CancellationToken cancellationToken = default) => Task.FromResult(GetUsers());

        public IReadOnlyList<EnreachCallEvent> GetUserCalls(EnreachCallWindow window, IEnumerable<Guid>? userIds = null) => [];

        public Task<IReadOnlyList<EnreachCallEvent>> GetUserCallsAsync(EnreachCallWindow window, IEnumerable<Guid>? userIds = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(GetUserCalls(window, userIds));

        public IReadOnlyList<EnreachCallEvent> GetUserCallsByCallId(Guid callId) => [];

        public Task<IReadOnlyList<EnreachCallEvent>> GetUserCallsByCallIdAsync(Guid callId, CancellationToken cancellationToken = default) => Task.FromResult(GetUserCallsByCallId(callId));

        public IReadOnlyList<EnreachCallEvent> GetServiceCalls(EnreachCallWindow window) => [];

        public Task<IReadOnlyList<EnreachCallEvent>> GetServiceCallsAsync(EnreachCallWindow window, CancellationToken cancellationToken = default) => Task.FromResult(GetServiceCalls(window));

        public IReadOnlyList<EnreachCallbackList> GetCallbackLists() => [];

        public Task<IReadOnlyList<EnreachCallbackList>> GetCallbackListsAsync(CancellationToken cancellationToken = default) => Task.FromResult(GetCallbackLists());

        public IReadOnlyList<EnreachCallbackRequest> GetCallbackRequests(Guid listId, DateTime createdAfter, DateTime createdBefore) => [];

        public Task<IReadOnlyList<EnreachCallbackRequest>> GetCallbackRequestsAsync(Guid listId, DateTime createdAfter, DateTime createdBefore, CancellationToken cancellationToken = default) =>
            Task.FromResult(GetCallbackRequests(listId, createdAfter, createdBefore));

        public void CloseCallbackRequest(Guid listId, Guid requestId) => throw new NotSupportedException("This Enreach has no callback requests.");

        public Task CloseCallbackRequestAsync(Guid listId, Guid requestId, CancellationToken cancellationToken = default) => Task.FromException(new NotSupportedException("This Enreach has no callback requests."));
    }

    private readonly LocalOrganization _org = new();

    private Guid VoiceUser(string email) => _org.Builder.CreateUser(email, email, Role.VoiceUser).Id;

    private int UsersWithId() =>
        _org.Service.RetrieveMultiple(new QueryExpression(SystemUser.EntityName) { Criteria = { Conditions = { new ConditionExpression(SystemUser.EnreachUserId, ConditionOperator.NotNull) } } }).Entities.Count;

    [Fact]
    public void RunToldToStop_Should_KeepWhatItWroteReportTheRestAsRemainingAndFinishOnTheNextRun()
    {
        var enreach = new FixedDirectory(Enumerable.Range(1, 5).Select(i => new EnreachUser(Guid.NewGuid(), $"agent{i}@contoso.test")).ToArray());
        for (var i = 1; i <= 5; i++) VoiceUser($"agent{i}@contoso.test");
        var updater = new EnreachUserIdUpdater(_org.Service, () => enreach, _ => { });
        var asked = 0;

        var first = updater.UpdateVoiceUsers(mayContinue: () => ++asked <= 2);
        var usersWithIdAfterFirst = UsersWithId();
        var second = updater.UpdateVoiceUsers();

        Assert.Equal((2, 3), (first.Updated, first.Remaining));
        Assert.Equal(2, usersWithIdAfterFirst);
        Assert.Equal((3, 2, 0), (second.Updated, second.Unchanged, second.Remaining));
        Assert.Equal(5, UsersWithId());
    }

    [Fact]
    public void NoVoiceUser_Should_NeitherCreateTheClientNorAskEnreach()
    {
        _org.Builder.CreateUser("Not a Voice user", "x@contoso.test");
        var created = false;

        var summary = new EnreachUserIdUpdater(_org.Service, () => { created = true; return new FixedDirectory(); }, _ => { }).UpdateVoiceUsers();

        Assert.False(created);
        Assert.Equal(0, summary.Total);
    }
}
