using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using VoiceForD365.Core.Schema;
using VoiceForD365.LocalOrg;

namespace VoiceForD365.Cli.Demo;

/// <summary>The demo's application user with the Voice ApiUser role, as the configuration guide sets one up for the Enreach syncs.</summary>
public static class DemoApiUser
{
    /// <summary>The application user with Voice ApiUser the organization has, else a new one (Enreach Sync).</summary>
    public static EntityReference FindOrCreate(LocalOrganization org)
    {
        ArgumentNullException.ThrowIfNull(org);
        var query = new QueryExpression(SystemUser.EntityName) { ColumnSet = new ColumnSet(SystemUser.FullName), TopCount = 1 };
        query.Criteria.AddCondition(SystemUser.ApplicationId, ConditionOperator.NotNull);
        query.AddLink(Relationships.SystemUserRolesIntersect, SystemUser.PrimaryId, SystemUser.PrimaryId)
            .AddLink(Role.EntityName, Role.PrimaryId, Role.PrimaryId).LinkCriteria.AddCondition(Role.Name, ConditionOperator.Equal, Role.VoiceApiUser);
        if (org.Service.RetrieveMultiple(query).Entities.FirstOrDefault() is { } existing)
            return new EntityReference(SystemUser.EntityName, existing.Id) { Name = existing.GetAttributeValue<string>(SystemUser.FullName) };
        return org.Builder.CreateApplicationUser("Enreach Sync", new Guid("6f1c2b1e-0d5a-4c57-9a2e-5c0f3f6a7b01"), Role.VoiceApiUser);
    }
}
