namespace VoiceForD365.LocalOrgServer;

/// <summary>One HTTP request the server received (a $batch counts once).</summary>
public sealed record LocalOrgServerRequest(string Method, string PathAndQuery, int Status);
