using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Xrm.Sdk;

namespace VoiceForD365.WebApiClient;

/// <summary>How a host (the sync worker, the routing service) gets its IOrganizationService.</summary>
public static class DataverseServiceCollectionExtensions
{
    /// <summary>
    /// Registers one <see cref="DataverseWebApiClient"/> for the organization (a singleton: it caches the sign-in and the
    /// metadata) as itself and as <see cref="IOrganizationService"/>, logging through the host's ILogger. The connection
    /// string is checked now, so a host with a bad one fails at start with the reason.
    /// </summary>
    public static IServiceCollection AddDataverseWebApiClient(this IServiceCollection services, string connectionString, Func<DataverseWebApiClientOptions, DataverseWebApiClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var connection = DataverseConnectionString.Parse(connectionString);
        services.TryAddSingleton(provider =>
        {
            var options = new DataverseWebApiClientOptions { Logger = provider.GetService<ILoggerFactory>()?.CreateLogger<DataverseWebApiClient>() };
            return new DataverseWebApiClient(connection, configure?.Invoke(options) ?? options);
        });
        services.TryAddSingleton<IOrganizationService>(provider => provider.GetRequiredService<DataverseWebApiClient>());
        return services;
    }
}
