using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace VoiceForD365.Emulator;

/// <summary>
/// Users: <c>GET {api}/users</c> (all), <c>GET {api}/users/{id}</c>, <c>GET {api}/users/me</c> (the API user). Fields
/// in Enreach's casing (<c>Id</c>, <c>UserName</c>, …) plus a few the product ignores.
/// </summary>
public static class UsersApi
{
    public static IEnumerable<EmulatorRoute> Routes(EnreachEmulator emulator, string apiPathBase)
    {
        ArgumentNullException.ThrowIfNull(emulator);
        var root = "/" + (apiPathBase ?? "").Trim('/');
        if (root.Length > 1) root += "/";
        yield return new EmulatorRoute(
            EnreachEmulatorEndpoint.Users, root + "users", Authenticated: true,
            _ => EmulatorResponse.Ok(EmulatorJson.Write(w =>
            {
                w.WriteStartArray();
                foreach (var user in emulator.Users.All) WriteUser(w, user);
                w.WriteEndArray();
            })),
            MissingFieldsJson: "[{\"FirstName\":\"Nobody\",\"LastName\":\"Known\"}]");
        yield return new EmulatorRoute(
            EnreachEmulatorEndpoint.CurrentUser, root + "users/me", Authenticated: true,
            _ => Single(emulator.Users.Find(emulator.ApiUserId) ?? emulator.Users.FindByUserName(emulator.ApiUserName)),
            MissingFieldsJson: "{\"FirstName\":\"API\"}");
        yield return new EmulatorRoute(
            EnreachEmulatorEndpoint.UserById, root + "users/{id}", Authenticated: true,
            context => Guid.TryParse(context.Request.RouteValues["id"]?.ToString(), out var id)
                ? Single(emulator.Users.Find(id))
                : EmulatorResponse.Error(400, "The request is invalid: the user id is not a GUID."),
            MissingFieldsJson: "{\"FirstName\":\"Nobody\"}");
    }

    private static EmulatorResponse Single(EnreachEmulatorUser? user) =>
        user == null
            ? EmulatorResponse.Error(404, "User not found.")
            : EmulatorResponse.Ok(EmulatorJson.Write(w => WriteUser(w, user)));

    private static void WriteUser(Utf8JsonWriter w, EnreachEmulatorUser user)
    {
        w.WriteStartObject();
        w.WriteString("Id", user.Id);
        w.WriteString("UserName", user.UserName);
        if (user.FirstName != null) w.WriteString("FirstName", user.FirstName); else w.WriteNull("FirstName");
        if (user.LastName != null) w.WriteString("LastName", user.LastName); else w.WriteNull("LastName");
        w.WriteString("Email", user.UserName);
        w.WriteBoolean("IsActive", true);
        w.WriteStartArray("Roles");
        w.WriteStringValue("User");
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
