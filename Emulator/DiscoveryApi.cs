using Microsoft.AspNetCore.Http;

namespace VoiceForD365.Emulator;

/// <summary>
/// The discovery service: <c>GET /api/user?user={email}</c> → <c>[{"apiEndpoint": …, …}]</c> for a known user
/// (the API user or any emulated user), <c>[]</c> for an unknown one. No authentication, like the real one.
/// </summary>
public static class DiscoveryApi
{
    public static IEnumerable<EmulatorRoute> Routes(EnreachEmulator emulator)
    {
        ArgumentNullException.ThrowIfNull(emulator);
        yield return new EmulatorRoute(
            EnreachEmulatorEndpoint.Discovery,
            "/api/user",
            Authenticated: false,
            context => Discover(emulator, context),
            MissingFieldsJson: "[{\"webappEndpoint\":\"https://webapp.example.test/\"}]");
    }

    private static EmulatorResponse Discover(EnreachEmulator emulator, HttpContext context)
    {
        var user = context.Request.Query["user"].ToString().Trim();
        if (user.Length == 0) return EmulatorResponse.Error(400, "The query parameter user is required.");
        var known = string.Equals(user, emulator.ApiUserName, StringComparison.OrdinalIgnoreCase) || emulator.Users.FindByUserName(user) != null;
        return EmulatorResponse.Ok(EmulatorJson.Write(w =>
        {
            w.WriteStartArray();
            if (known)
            {
                w.WriteStartObject();
                w.WriteString("userName", user);
                w.WriteString("apiEndpoint", emulator.ApiEndpoint.AbsoluteUri);
                w.WriteString("webappEndpoint", new Uri(emulator.BaseUrl, "webapp/").AbsoluteUri);
                w.WriteString("region", "emulator");
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }));
    }
}
