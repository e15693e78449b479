using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace VoiceForD365.Core.Enreach
{
    /// <summary>
    /// The Enreach API as the product calls it, so logic can run on a substitute. Each call comes as a synchronous
    /// member (plug-ins and workflow activities in the sandbox) and an asynchronous one (hosts such as the sync worker).
    /// It grows with what the product calls; <see cref="EnreachClient"/> has every endpoint, these and the others.
    /// </summary>
    public interface IEnreachClient
    {
        /// <summary>Every Enreach user (<c>GET /users</c>).</summary>
        IReadOnlyList<EnreachUser> GetUsers();

        /// <inheritdoc cref="GetUsers"/>
        Task<IReadOnlyList<EnreachUser>> GetUsersAsync(CancellationToken cancellationToken = default);

        /// <summary>Users' call events in a window (<c>GET /calls</c>): see <see cref="EnreachClient.GetUserCalls"/>.</summary>
        IReadOnlyList<EnreachCallEvent> GetUserCalls(EnreachCallWindow window, IEnumerable<Guid>? userIds = null);

        /// <inheritdoc cref="GetUserCalls"/>
        Task<IReadOnlyList<EnreachCallEvent>> GetUserCallsAsync(EnreachCallWindow window, IEnumerable<Guid>? userIds = null, CancellationToken cancellationToken = default);

        /// <summary>Every user's event of one call (<c>GET /calls?CallId=</c>).</summary>
        IReadOnlyList<EnreachCallEvent> GetUserCallsByCallId(Guid callId);

        /// <inheritdoc cref="GetUserCallsByCallId"/>
        Task<IReadOnlyList<EnreachCallEvent>> GetUserCallsByCallIdAsync(Guid callId, CancellationToken cancellationToken = default);

        /// <summary>Service queues' inbound calls in a window (<c>GET /servicecall</c>).</summary>
        IReadOnlyList<EnreachCallEvent> GetServiceCalls(EnreachCallWindow window);

        /// <inheritdoc cref="GetServiceCalls"/>
        Task<IReadOnlyList<EnreachCallEvent>> GetServiceCallsAsync(EnreachCallWindow window, CancellationToken cancellationToken = default);

        /// <summary>Every callback list the API user may see (<c>GET /callbacklists</c>).</summary>
        IReadOnlyList<EnreachCallbackList> GetCallbackLists();

        /// <inheritdoc cref="GetCallbackLists"/>
        Task<IReadOnlyList<EnreachCallbackList>> GetCallbackListsAsync(CancellationToken cancellationToken = default);

        /// <summary>The requests of a callback list created in a window: see <see cref="EnreachClient.GetCallbackRequests"/>.</summary>
        IReadOnlyList<EnreachCallbackRequest> GetCallbackRequests(Guid listId, DateTime createdAfter, DateTime createdBefore);

        /// <inheritdoc cref="GetCallbackRequests"/>
        Task<IReadOnlyList<EnreachCallbackRequest>> GetCallbackRequestsAsync(Guid listId, DateTime createdAfter, DateTime createdBefore, CancellationToken cancellationToken = default);

        /// <summary>Closes a callback request: see <see cref="EnreachClient.CloseCallbackRequest"/>.</summary>
        void CloseCallbackRequest(Guid listId, Guid requestId);

        /// <inheritdoc cref="CloseCallbackRequest"/>
        Task CloseCallbackRequestAsync(Guid listId, Guid requestId, CancellationToken cancellationToken = default);
    }
}
