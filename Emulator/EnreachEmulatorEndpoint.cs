namespace VoiceForD365.Emulator;

/// <summary>The endpoints the emulator serves (requests are counted per endpoint; faults can target one).</summary>
public enum EnreachEmulatorEndpoint
{
    /// <summary>Any path the emulator does not serve (answered 404).</summary>
    Unknown,

    /// <summary><c>GET /api/user?user={email}</c> on the discovery URL.</summary>
    Discovery,

    /// <summary><c>GET {api}/users</c>.</summary>
    Users,

    /// <summary><c>GET {api}/users/{id}</c>.</summary>
    UserById,

    /// <summary><c>GET {api}/users/me</c>.</summary>
    CurrentUser,

    /// <summary><c>GET {api}/calls</c>: users' call events.</summary>
    UserCalls,

    /// <summary><c>GET {api}/servicecall</c>: queues' inbound calls.</summary>
    ServiceCalls,

    /// <summary><c>GET {api}/callbacklists</c>.</summary>
    CallbackLists,

    /// <summary><c>GET {api}/callbacklists/{listId}/requests</c>.</summary>
    CallbackRequests,

    /// <summary><c>POST {api}/callbacklists/{listId}/requests/{requestId}/close</c>.</summary>
    CloseCallbackRequest,
}
