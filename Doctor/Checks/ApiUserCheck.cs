using VoiceForD365.Core.Callbacks;
using VoiceForD365.Core.Schema;

namespace VoiceForD365.Doctor.Checks;

/// <summary>Exactly one enabled application user holds Voice ApiUser, directly or through a team (the rule the callback sync resolves its owner by).</summary>
internal sealed class ApiUserCheck() : DoctorCheck("Application user")
{
    public override CheckResult Run(DoctorContext context)
    {
        var users = new CallbackOwners(context.Service).EnabledApiUsers();
        if (users.Count == 0)
            return Failed($"no enabled application user holds the {Role.VoiceApiUser} security role, so the Enreach sync has no user of its own and callback profiles " +
                $"with the ownership rule API User have no owner. In the Power Platform admin center, open the environment's application users and give {Role.VoiceApiUser} " +
                "to the application user the Enreach sync signs in as (the role on an ordinary user does not count).");
        if (users.Count > 1)
            return Failed($"{users.Count} enabled application users hold the {Role.VoiceApiUser} security role ({string.Join(", ", users.Select(CallbackOwners.NameOfUser))}), " +
                $"so callback profiles with the ownership rule API User can't tell which one owns their phone calls. Remove the role from all but the application user the Enreach sync signs in as.");
        var user = users[0];
        return Ok($"{CallbackOwners.NameOfUser(user)} holds {Role.VoiceApiUser}" + (user.Id == context.UserId ? ", and is the user this connection signs in as" : ""));
    }
}
