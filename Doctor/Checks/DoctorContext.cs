using System.ServiceModel;
using Microsoft.Xrm.Sdk;
using VoiceForD365.Core.Enreach;
using VoiceForD365.Core.Schema;

namespace VoiceForD365.Doctor.Checks;

/// <summary>What the checks of one run share: the organization, what is expected of it, and what earlier checks found.</summary>
internal sealed class DoctorContext(IOrganizationService service, DoctorOptions options) : IDisposable
{
    private SocketsHttpHandler? _enreachHandler;
    private EnreachClient? _enreachClient;

    public IOrganizationService Service { get; } = service;

    public DoctorOptions Options { get; } = options;

    /// <summary>The user the connection signs in as (WhoAmI).</summary>
    public Guid UserId { get; set; }

    public bool SolutionInstalled { get; set; }

    /// <summary>The Enreach settings read from the environment variables; null when they are not usable.</summary>
    public EnreachSettings? Enreach { get; set; }

    /// <summary>The Enreach API endpoint, once known (the override, or discovered).</summary>
    public Uri? EnreachEndpoint { get; set; }

    /// <summary>
    /// A client of the product's own for the organization's Enreach settings, on a handler of its own and with a
    /// discovery cache of its own, so discovery is really asked (not answered from an earlier run in the process).
    /// </summary>
    public EnreachClient EnreachClient(EnreachSettings settings) =>
        _enreachClient ??= new EnreachClient(settings, _enreachHandler = new SocketsHttpHandler(), trace: null, clock: null, new EnreachDiscoveryCache(TimeSpan.FromHours(1)));

    /// <summary>
    /// Whether a query failed because the organization has no such table: the SDK's "entity not found", or the Web
    /// API's 404 for the table's metadata (object does not exist; a query never answers that for missing rows).
    /// </summary>
    public static bool IsMissingTable(FaultException<OrganizationServiceFault> fault) =>
        fault.Detail.ErrorCode is ErrorCodes.EntityNotFound or ErrorCodes.ObjectDoesNotExist;

    public void Dispose() => _enreachHandler?.Dispose();
}
