using System.Diagnostics;
using VoiceForD365.Core.Enreach;

namespace VoiceForD365.Doctor.Checks;

/// <summary>Enreach accepts the API user's credentials: one users request (what the Enreach user id plug-ins send), timed.</summary>
internal sealed class EnreachUsersCheck() : DoctorCheck("Enreach users")
{
    public override CheckResult Run(DoctorContext context)
    {
        if (context.Enreach is not { } settings) return Failed("not checked: the Enreach settings are not usable (see Enreach settings).");
        if (context.EnreachEndpoint is not { } endpoint) return Failed("not checked: the Enreach API endpoint is not known (see Enreach discovery).");
        var watch = Stopwatch.StartNew();
        IReadOnlyList<EnreachUser> users;
        try
        {
            users = context.EnreachClient(settings).GetUsers();
        }
        catch (EnreachException e)
        {
            return Failed(e.Message);
        }
        return Ok($"Enreach accepted the API user {settings.ApiUserName} and listed {users.Count} {(users.Count == 1 ? "user" : "users")} ({watch.ElapsedMilliseconds} ms, {endpoint})");
    }
}
