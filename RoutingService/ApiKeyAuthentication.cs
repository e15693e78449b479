using System;
using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace VoiceForD365.RoutingService;

/// <summary>Which credentials a scheme reads and which keys it accepts.</summary>
public sealed class ApiKeyAuthenticationOptions : AuthenticationSchemeOptions
{
    public ApiKeyRing Keys { get; set; } = ApiKeyRing.None;

    /// <summary>SmartRouting: <c>X-Benemen-APIKey: key</c>, or HTTP Basic with the key as the password (both are Enreach's).</summary>
    public bool AcceptsEnreachCredentials { get; set; }

    /// <summary>Webex: <c>Authorization: Bearer key</c>.</summary>
    public bool AcceptsBearer { get; set; }

    /// <summary>The realm the 401 challenge names.</summary>
    public string Realm { get; set; } = "Voice for D365";
}

/// <summary>
/// API key authentication for the routing endpoints: the key from the request's header is checked against the
/// scheme's <see cref="ApiKeyRing"/>; a missing or wrong key is a 401 with a challenge. Keys are never logged.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(IOptionsMonitor<ApiKeyAuthenticationOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<ApiKeyAuthenticationOptions>(options, logger, encoder)
{
    public const string SmartRoutingScheme = "SmartRoutingKey";
    public const string WebexScheme = "WebexKey";
    public const string EnreachKeyHeader = "X-Benemen-APIKey";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = PresentedKey(out var how);
        if (presented is null) return Task.FromResult(AuthenticateResult.NoResult());
        if (!Options.Keys.Matches(presented)) return Task.FromResult(AuthenticateResult.Fail($"The key in {how} is not one of the accepted keys."));
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, Scheme.Name)], Scheme.Name);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = 401;
        Response.Headers[HeaderNames.WWWAuthenticate] = (Options.AcceptsBearer ? "Bearer" : "Basic") + $" realm=\"{Options.Realm}\"";
        return Task.CompletedTask;
    }

    private string? PresentedKey(out string how)
    {
        how = "";
        if (Options.AcceptsEnreachCredentials && Request.Headers.TryGetValue(EnreachKeyHeader, out var header) && header.Count > 0)
        {
            how = EnreachKeyHeader;
            return header[0] ?? "";
        }
        var authorization = Request.Headers.Authorization.ToString();
        if (Options.AcceptsEnreachCredentials && authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            how = "the HTTP Basic password";
            return BasicPassword(authorization["Basic ".Length..].Trim()) ?? "";
        }
        if (Options.AcceptsBearer && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            how = "the bearer token";
            return authorization["Bearer ".Length..].Trim();
        }
        return null;
    }

    /// <summary>The password of Basic credentials (user:password in base64; the user is not checked); null when malformed.</summary>
    private static string? BasicPassword(string encoded)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
            var colon = text.IndexOf(':');
            return colon < 0 ? null : text[(colon + 1)..];
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
