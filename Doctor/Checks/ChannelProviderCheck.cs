using System.ServiceModel;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using VoiceForD365.Core.Schema;
using VoiceForD365.Solution.Package;

namespace VoiceForD365.Doctor.Checks;

/// <summary>
/// The channel provider the package's configuration data creates is there (by its id, or by its name if recreated by
/// hand), and points at a widget: a missing table means the Channel Integration Framework is not installed.
/// </summary>
internal sealed class ChannelProviderCheck(string name, string framework, string table, string primaryId, Guid id, string nameColumn, string urlColumn) : DoctorCheck(name)
{
    public static ChannelProviderCheck Cif1() =>
        new("CIF 1.0 provider", "Channel Integration Framework 1.0", CiProvider.EntityName, CiProvider.PrimaryId, VoiceForD365Data.CiProviderId, CiProvider.Name, CiProvider.LandingUrl);

    public static ChannelProviderCheck Cif2() =>
        new("CIF 2.0 provider", "Channel Integration Framework 2.0", ChannelProvider.EntityName, ChannelProvider.PrimaryId, VoiceForD365Data.ChannelProviderId, ChannelProvider.Name, ChannelProvider.ChannelUrl);

    public override bool NeedsSolution => false;

    public override CheckResult Run(DoctorContext context)
    {
        var query = new QueryExpression(table) { ColumnSet = new ColumnSet(nameColumn, urlColumn), TopCount = 2 };
        query.Criteria.FilterOperator = LogicalOperator.Or;
        query.Criteria.AddCondition(primaryId, ConditionOperator.Equal, id);
        query.Criteria.AddCondition(nameColumn, ConditionOperator.Equal, VoiceForD365Data.ChannelProviderName);
        Entity? provider;
        try
        {
            var rows = context.Service.RetrieveMultiple(query).Entities;
            provider = rows.FirstOrDefault(r => r.Id == id) ?? rows.FirstOrDefault();
        }
        catch (FaultException<OrganizationServiceFault> e) when (DoctorContext.IsMissingTable(e))
        {
            return Failed($"{framework} is not installed: the organization has no {table} table. Install it (configuration guide 1.1), then run the package again so its configuration data creates the provider.");
        }
        if (provider == null)
            return Failed($"there is no {table} record '{VoiceForD365Data.ChannelProviderName}': the package's configuration data was not imported, or the record was deleted. " +
                "Run the package again (PackageDeployer.exe), or import VoiceForD365Data.zip with the Configuration Migration tool.");
        var url = provider.GetAttributeValue<string>(urlColumn);
        var described = $"'{provider.GetAttributeValue<string>(nameColumn)}' ({provider.Id})";
        if (string.IsNullOrWhiteSpace(url))
            return Warning($"{described} has no channel URL: agents get no phone widget. Set it and the trusted domain to the widget address Enreach gave you.");
        if (string.Equals(url, VoiceForD365Data.WidgetUrlPlaceholder, StringComparison.OrdinalIgnoreCase))
            return Warning($"{described} has the package's placeholder channel URL ({url}): agents get no phone widget. Set the channel URL and the trusted domain to the widget address Enreach gave you.");
        return Ok($"{described}, channel URL {url}");
    }
}
