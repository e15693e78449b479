using Microsoft.Xrm.Sdk;

namespace VoiceForD365.LocalOrg.Pipeline;

/// <summary>The IServiceProvider a plug-in's Execute gets: its context, tracing service and service factory.</summary>
internal sealed class PluginServiceProvider(IPluginExecutionContext context, ITracingService tracing, IOrganizationServiceFactory factory) : IServiceProvider
{
    public object? GetService(Type serviceType) =>
        serviceType == typeof(IPluginExecutionContext) || serviceType == typeof(IExecutionContext) ? context
        : serviceType == typeof(ITracingService) ? tracing
        : serviceType == typeof(IOrganizationServiceFactory) ? factory
        : null;
}
