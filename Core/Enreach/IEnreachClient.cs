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
    }
}
