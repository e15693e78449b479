using System;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Xrm.Sdk;
using VoiceForD365.Core.Routing;

namespace VoiceForD365.RoutingService;

/// <summary>What a host gives the routing service: Dynamics, the organization's URL, the options and the keys.</summary>
public sealed class RoutingServiceSetup
{
    /// <summary>The organization (the Web API client in production; it must be thread-safe).</summary>
    public required IOrganizationService Dynamics { get; init; }

    /// <summary>The organization's root, for screen pops (Routing:Webex:OrganizationUrl overrides it).</summary>
    public required Uri OrganizationUrl { get; init; }

    public RoutingServiceOptions Options { get; init; } = new();

    public ApiKeyRing SmartRoutingKeys { get; init; } = ApiKeyRing.None;

    public ApiKeyRing WebexKeys { get; init; } = ApiKeyRing.None;

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Who a number is; Core's caller matching unless a test says otherwise.</summary>
    internal CallerIdentifier Identify { get; init; } = RoutingCallers.Identify;
}

/// <summary>The routing service's composition, shared by its own Program, `vfd route`, the tests and the bench.</summary>
public static class RoutingApp
{
    private const string SmartRoutingPolicy = "SmartRouting";
    private const string WebexPolicy = "Webex";

    /// <summary>Registers the service's parts and the two API key schemes.</summary>
    /// <exception cref="InvalidOperationException">An option is out of range, or neither endpoint has a key.</exception>
    public static void AddRoutingService(this IServiceCollection services, RoutingServiceSetup setup)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(setup);
        setup.Options.Validate();
        if (setup.SmartRoutingKeys.Count == 0 && setup.WebexKeys.Count == 0)
            throw new InvalidOperationException(
                $"No API keys: set {ApiKeySource.SmartRoutingVariable} (the keys Enreach sends) and/or {ApiKeySource.WebexVariable} (the Webex flow's), comma separated, or {ApiKeySource.SmartRoutingVariable}{ApiKeySource.FileSuffix} / {ApiKeySource.WebexVariable}{ApiKeySource.FileSuffix} naming a secrets file.");
        var options = setup.Options;
        services.AddSingleton(setup);
        services.AddSingleton(options);
        services.AddSingleton(setup.Time);
        services.AddSingleton(options.Webex.Map());
        services.AddSingleton(new ScreenPopLinks(options.Webex.OrganizationUrl ?? setup.OrganizationUrl, options.Webex.AppId));
        services.AddSingleton(provider => new DataverseGate(setup.Dynamics, options, provider.GetRequiredService<ILoggerFactory>().CreateLogger<DataverseGate>(), setup.Time));
        services.AddSingleton(provider => new RoutingRulesCache(setup.Dynamics, options, provider.GetRequiredService<ILogger<RoutingRulesCache>>(), setup.Time));
        services.AddHostedService(provider => provider.GetRequiredService<RoutingRulesCache>());
        services.AddSingleton<IMemoryCache>(new MemoryCache(new MemoryCacheOptions { SizeLimit = options.CallerCacheSize }));
        services.AddSingleton(provider => new CallerDirectory(provider.GetRequiredService<DataverseGate>(), provider.GetRequiredService<IMemoryCache>(), options, setup.Identify));
        services.AddSingleton<RoutingMetrics>();
        services.AddSingleton<SmartRoutingEndpoint>();
        services.AddSingleton<WebexEndpoint>();
        services.AddMetrics();

        services.AddAuthentication()
            .AddScheme<ApiKeyAuthenticationOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SmartRoutingScheme, scheme =>
            {
                scheme.Keys = setup.SmartRoutingKeys;
                scheme.AcceptsEnreachCredentials = true;
                scheme.Realm = "Voice for D365 SmartRouting";
            })
            .AddScheme<ApiKeyAuthenticationOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.WebexScheme, scheme =>
            {
                scheme.Keys = setup.WebexKeys;
                scheme.AcceptsBearer = true;
                scheme.Realm = "Voice for D365 Webex";
            });
        services.AddAuthorizationBuilder()
            .AddPolicy(SmartRoutingPolicy, policy => policy.AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SmartRoutingScheme).RequireAuthenticatedUser())
            .AddPolicy(WebexPolicy, policy => policy.AddAuthenticationSchemes(ApiKeyAuthenticationHandler.WebexScheme).RequireAuthenticatedUser());
    }

    /// <summary>Maps <c>POST /smartrouting</c>, <c>GET /webex/caller</c> and <c>GET /health</c>.</summary>
    public static void MapRoutingEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapPost(SmartRoutingEndpoint.Path, (HttpContext context, SmartRoutingEndpoint endpoint) => endpoint.HandleAsync(context)).RequireAuthorization(SmartRoutingPolicy);
        app.MapGet(WebexEndpoint.Path, (HttpContext context, WebexEndpoint endpoint) => endpoint.HandleAsync(context)).RequireAuthorization(WebexPolicy);
        app.MapGet("/health", (RoutingRulesCache rules, DataverseGate gate) =>
        {
            var snapshot = rules.Current;
            var healthy = snapshot is not null && gate.Circuit == Polly.CircuitBreaker.CircuitState.Closed;
            var answer = new HealthAnswer(healthy ? "ok" : "degraded", snapshot?.Rules.Rules.Count ?? 0, snapshot?.LoadedAt.ToString("u") ?? "", gate.Circuit.ToString());
            return Results.Json(answer, RoutingJson.Plain.HealthAnswer, statusCode: healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        });
    }
}
