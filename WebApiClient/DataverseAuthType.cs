namespace VoiceForD365.WebApiClient;

/// <summary>How the client signs in to the organization.</summary>
public enum DataverseAuthType
{
    /// <summary>An app registration's client secret (MSAL confidential client).</summary>
    ClientSecret,

    /// <summary>An app registration's certificate (MSAL confidential client), from the certificate store or a file.</summary>
    Certificate,

    /// <summary>An access token obtained elsewhere (and the local organization's server, <c>vfd serve</c>).</summary>
    Bearer,
}
