using Microsoft.Xrm.Sdk;

namespace VoiceForD365.LocalOrg.Pipeline;

/// <summary>The IOrganizationServiceFactory a plug-in or workflow activity gets: services that call from inside its execution.</summary>
internal sealed class ServiceFactory(RequestPipeline pipeline, Caller pluginCaller) : IOrganizationServiceFactory
{
    public IOrganizationService CreateOrganizationService(Guid? userId) =>
        new OrganizationService(pipeline, pluginCaller with { UserId = userId ?? pipeline.Identity.SystemUserId });
}
