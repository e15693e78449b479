namespace VoiceForD365.LocalOrgServer;

/// <summary>Where `vfd serve`'s server listens and what it asks of callers.</summary>
public sealed class LocalOrgServerOptions
{
    /// <summary>The port on 127.0.0.1; 0: a free one.</summary>
    public int Port { get; init; }

    /// <summary>The bearer token every request must carry; null: a random one (see <see cref="LocalOrgServer.Token"/>).</summary>
    public string? Token { get; init; }

    /// <summary>The tenant the sign-in challenge of a 401 names (as Dataverse names its Entra ID tenant).</summary>
    public Guid TenantId { get; init; } = new("0f6c41a4-0000-4000-8000-0000000000aa");
}
