using System.Diagnostics;
using VoiceForD365.Core.Enreach;

namespace VoiceForD365.Doctor.Checks;

/// <summary>Enreach discovery knows the API user's endpoint (not asked when the endpoint override is set), timed.</summary>
internal sealed class EnreachDiscoveryCheck() : DoctorCheck("Enreach discovery")
{
    public override CheckResult Run(DoctorContext context)
    {
        if (context.Enreach is not { } settings) return Failed("not checked: the Enreach settings are not usable (see Enreach settings).");
        if (settings.EndpointOverride != null)
        {
            context.EnreachEndpoint = settings.EndpointOverride;
            return Ok($"not needed: {EnreachEnvironmentVariables.ApiEndpoint} sets the API endpoint ({settings.EndpointOverride})");
        }
        var watch = Stopwatch.StartNew();
        try
        {
            context.EnreachEndpoint = context.EnreachClient(settings).ResolveEndpoint();
        }
        catch (EnreachException e)
        {
            return Failed(e.Message);
        }
        return Ok($"API endpoint {context.EnreachEndpoint} for {settings.ApiUserName} ({watch.ElapsedMilliseconds} ms, {settings.DiscoveryUrl.Host})");
    }
}
