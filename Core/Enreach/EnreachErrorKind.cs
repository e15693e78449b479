using System;
using System.Runtime.Serialization;
using VoiceForD365.Core.Errors;

namespace VoiceForD365.Core.Enreach
{
    /// <summary>What went wrong talking to Enreach; each kind has its own exception type.</summary>
    public enum EnreachErrorKind
    {
        /// <summary>An unexpected answer (a redirect, 400, 405, ...): <see cref="EnreachException"/> itself.</summary>
        UnexpectedResponse,

        /// <summary>The settings are missing or unusable: <see cref="EnreachConfigurationException"/>.</summary>
        Configuration,

        /// <summary>401 or 403: <see cref="EnreachCredentialsException"/>.</summary>
        Credentials,

        /// <summary>404, or discovery knows no endpoint for the API user: <see cref="EnreachNotFoundException"/>.</summary>
        NotFound,

        /// <summary>429 for longer than the time budget allows: <see cref="EnreachRateLimitedException"/>.</summary>
        RateLimited,

        /// <summary>5xx on every attempt the budget allows: <see cref="EnreachUnavailableException"/>.</summary>
        Unavailable,

        /// <summary>No connection (DNS, refused, TLS, reset): <see cref="EnreachUnavailableException"/>.</summary>
        Unreachable,

        /// <summary>No answer within the request timeout or the budget: <see cref="EnreachUnavailableException"/>.</summary>
        Timeout,

        /// <summary>The answer is not JSON, or lacks a field we need: <see cref="EnreachMalformedResponseException"/>.</summary>
        MalformedResponse,
    }
}
