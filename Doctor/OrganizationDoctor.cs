using Microsoft.Xrm.Sdk;
using VoiceForD365.Doctor.Checks;

namespace VoiceForD365.Doctor;

/// <summary>
/// vfd doctor: checks that an organization can run Voice for D365, one line per check (ok, warning or failed, and what
/// to do), in this order: the connection, the solution and its version, the settings, DefaultCrmAssignee, the
/// application user with Voice ApiUser, the Enreach environment variables and Enreach itself (discovery, a users
/// request), the plug-in steps and processes, the CIF channel providers. It only reads from the organization (and
/// from Enreach). Works on any <see cref="IOrganizationService"/>: in process, against vfd serve, against Dataverse.
/// </summary>
public sealed class OrganizationDoctor(IOrganizationService service, DoctorOptions? options = null)
{
    private readonly IOrganizationService _service = service ?? throw new ArgumentNullException(nameof(service));
    private readonly DoctorOptions _options = options ?? new DoctorOptions();

    /// <summary>The names of the checks, in the order they run (the Check of each result).</summary>
    public static IReadOnlyList<string> CheckNames { get; } = Checks().Select(c => c.Name).ToList();

    /// <summary>Runs every check; <paramref name="checkedOne"/> gets each result as soon as it is known (a slow Enreach shows where it is).</summary>
    public DoctorReport Run(Action<CheckResult>? checkedOne = null)
    {
        using var context = new DoctorContext(_service, _options);
        var results = new List<CheckResult>();
        foreach (var check in Checks())
        {
            var result = Run(check, context);
            results.Add(result);
            checkedOne?.Invoke(result);
            if (check is ConnectionCheck && ConnectionCheck.Stops(result)) break;
        }
        return new DoctorReport(results);
    }

    private static IEnumerable<DoctorCheck> Checks() =>
    [
        new ConnectionCheck(),
        new SolutionCheck(),
        new SettingsCheck(),
        new DefaultCrmAssigneeSettingCheck(),
        new ApiUserCheck(),
        new EnreachSettingsCheck(),
        new EnreachDiscoveryCheck(),
        new EnreachUsersCheck(),
        new PluginStepsCheck(),
        new ProcessesCheck(),
        ChannelProviderCheck.Cif1(),
        ChannelProviderCheck.Cif2(),
    ];

    private static CheckResult Run(DoctorCheck check, DoctorContext context)
    {
        if (check.NeedsSolution && !context.SolutionInstalled)
            return CheckResult.Failed(check.Name, "not checked: it needs the Voice for D365 solution (see Solution).");
        try
        {
            return check.Run(context);
        }
        catch (Exception e)
        {
            // A doctor reports what it could not check and goes on: a fault, a missing privilege, a time-out are findings too.
            return CheckResult.Failed(check.Name, "could not be checked: " + e.Message);
        }
    }
}
