using System;
using Microsoft.Extensions.Logging;
using VoiceForD365.WebApiClient;

namespace VoiceForD365.RoutingService;

/// <summary>How a host connects the routing service to Dynamics.</summary>
public static class RoutingHosting
{
    /// <summary>The Dataverse connection string of the service's own Program (a container or App Service setting).</summary>
    public const string ConnectionVariable = DataverseConnectionString.EnvironmentVariable;

    /// <summary>
    /// The Web API client as the routing service uses it: a service-protection retry never waits past the budget (the
    /// call would be over), and a request is given up after 30 s (the rule refresh; calls end at the budget).
    /// </summary>
    /// <exception cref="ArgumentException">The connection string is malformed (the message says what; never the secret).</exception>
    public static DataverseWebApiClient CreateClient(DataverseConnectionString connection, RoutingServiceOptions options, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(options);
        return new DataverseWebApiClient(connection, new DataverseWebApiClientOptions
        {
            RequestTimeout = TimeSpan.FromSeconds(30),
            RetryBudget = options.Budget,
            RetryBaseDelay = TimeSpan.FromMilliseconds(200),
            Logger = logger,
        });
    }
}
