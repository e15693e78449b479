using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using VoiceForD365.Core.Schema;

namespace VoiceForD365.Doctor.Checks;

/// <summary>The organization answers (WhoAmI), with its name and Dataverse version (RetrieveVersion), and who the connection signs in as.</summary>
internal sealed class ConnectionCheck() : DoctorCheck("Connection")
{
    public override bool NeedsSolution => false;

    /// <summary>Whether the connection failed, so nothing else can be checked.</summary>
    public static bool Stops(CheckResult result) => result.Status == CheckStatus.Failed;

    public override CheckResult Run(DoctorContext context)
    {
        var service = context.Service;
        OrganizationResponse whoAmI;
        try
        {
            whoAmI = service.Execute(new OrganizationRequest(MessageNames.WhoAmI));
        }
        catch (Exception e)
        {
            // Whatever stops the first request (sign-in, network, the URL) stops every check: say what it was, and stop.
            return Failed($"the organization did not answer WhoAmI: {e.Message} Nothing else was checked.");
        }
        context.UserId = (Guid)whoAmI.Results[ParameterNames.UserId]!;
        var organizationId = (Guid)whoAmI.Results[ParameterNames.OrganizationId]!;
        var version = service.Execute(new OrganizationRequest(MessageNames.RetrieveVersion)).Results[ParameterNames.Version] as string;
        var organization = service.Retrieve(Organization.EntityName, organizationId, new ColumnSet(Organization.Name)).GetAttributeValue<string>(Organization.Name);
        var user = service.Retrieve(SystemUser.EntityName, context.UserId, new ColumnSet(SystemUser.FullName)).GetAttributeValue<string>(SystemUser.FullName);
        return Ok($"organization '{organization}' ({organizationId}), Dataverse {version}; signed in as '{user}' ({context.UserId})");
    }
}
