using VoiceForD365.Core.Enreach;
using VoiceForD365.Core.Settings;

namespace VoiceForD365.Doctor.Checks;

/// <summary>
/// The Enreach environment variables are set and usable, read as the plug-ins read them (the secret with
/// RetrieveEnvironmentVariableSecretValue). The secret is never shown: only whether it is set.
/// </summary>
internal sealed class EnreachSettingsCheck() : DoctorCheck("Enreach settings")
{
    public override CheckResult Run(DoctorContext context)
    {
        var variables = new EnvironmentVariables(context.Service, EnreachEnvironmentVariables.All);
        EnreachSettings settings;
        try
        {
            settings = EnreachSettings.FromEnvironmentVariables(variables.Get);
        }
        catch (EnreachConfigurationException e)
        {
            return Failed(e.Message + " Set the environment variables in Power Apps (Solutions, Default Solution, Environment variables; README: Enreach user ids, Configuration).");
        }
        settings.DiscoveryUrl = context.Options.EnreachDiscoveryUrl;
        context.Enreach = settings;
        return Ok(settings.ToString());
    }
}
