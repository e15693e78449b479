using System.Net;

namespace VoiceForD365.WebApiClient;

/// <summary>The organization can't be reached or signed in to: what to check is in the message (never a secret).</summary>
public sealed class DataverseConnectionException : Exception
{
    public DataverseConnectionException(string message) : base(message) { }

    public DataverseConnectionException(string message, Exception inner) : base(message, inner) { }

    /// <summary>The HTTP status of the refusal, when the organization answered.</summary>
    public HttpStatusCode? StatusCode { get; init; }
}
