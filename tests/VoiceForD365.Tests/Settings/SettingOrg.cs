using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using VoiceForD365.Core.Schema;
using VoiceForD365.LocalOrg;
using VoiceForD365.Plugins.Settings;

namespace VoiceForD365.Tests.Settings;

/// <summary>A local organization with (or without) the setting validation plug-in, and helpers for vfd_voicesetting records.</summary>
public sealed class SettingOrg
{
    public SettingOrg(bool withValidation = true) =>
        Org = new LocalOrganization(new LocalOrganizationOptions { PluginTypes = withValidation ? [typeof(VoiceSettingValidation)] : [] });

    public LocalOrganization Org { get; }

    public IOrganizationService Service => Org.Service;

    public Guid Create(string name, string? value, string group = "PhoneCallSync", string? longValue = null)
    {
        var setting = new Entity(VoiceSetting.EntityName)
        {
            [VoiceSetting.Name] = name,
            [VoiceSetting.GroupName] = group,
            [VoiceSetting.Value] = value,
        };
        if (longValue != null) setting[VoiceSetting.LongValue] = longValue;
        return Service.Create(setting);
    }

    public string? ValueOf(Guid id) =>
        Service.Retrieve(VoiceSetting.EntityName, id, new ColumnSet(VoiceSetting.Value)).GetAttributeValue<string>(VoiceSetting.Value);

    public string? ValueOf(string name)
    {
        var query = new QueryExpression(VoiceSetting.EntityName) { ColumnSet = new ColumnSet(VoiceSetting.Value) };
        query.Criteria.AddCondition(VoiceSetting.Name, ConditionOperator.Equal, name);
        return Service.RetrieveMultiple(query).Entities.Single().GetAttributeValue<string>(VoiceSetting.Value);
    }

    public int Count() => Service.RetrieveMultiple(new QueryExpression(VoiceSetting.EntityName)).Entities.Count;
}
