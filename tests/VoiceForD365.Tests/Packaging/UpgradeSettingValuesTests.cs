using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using VoiceForD365.Core.Schema;
using VoiceForD365.Core.Settings;
using VoiceForD365.Tests.Settings;
using Xunit;

namespace VoiceForD365.Tests.Packaging;

/// <summary>
/// An upgrade with the package: the configuration data import updates existing settings to the shipped defaults, and
/// the package puts the administrator's values back (snapshot before the import, restore after), against the local organization.
/// </summary>
public class UpgradeSettingValuesTests
{
    private readonly SettingOrg _org = new();

    /// <summary>What the Configuration Migration import does to the settings: every setting of the catalog gets its default (created when missing).</summary>
    private void ImportConfigurationData()
    {
        foreach (var setting in SettingCatalog.All)
        {
            var query = new QueryExpression(VoiceSetting.EntityName) { ColumnSet = new ColumnSet(false) };
            query.Criteria.AddCondition(VoiceSetting.Name, ConditionOperator.Equal, setting.Name);
            var existing = _org.Service.RetrieveMultiple(query).Entities.FirstOrDefault();
            var record = new Entity(VoiceSetting.EntityName, existing?.Id ?? setting.Id)
            {
                [VoiceSetting.Name] = setting.Name,
                [VoiceSetting.GroupName] = setting.Group,
                [VoiceSetting.Value] = setting.DefaultValue.Length == 0 ? null : setting.DefaultValue,
                [VoiceSetting.Description] = setting.Description,
            };
            if (existing == null) _org.Service.Create(record);
            else _org.Service.Update(record);
        }
    }

    [Fact]
    public void UpgradeAfterAdministratorsChanges_Should_KeepTheirValuesAndGiveNewSettingsTheirDefaults()
    {
        _org.Create(SettingNames.DefaultCrmAssignee, "fbc423f5-74f9-e911-80e0-00505689257e");
        _org.Create(SettingNames.CallStartMargin, "30");
        _org.Create(SettingNames.ProcessServiceCalls, "True");
        var before = SettingValuesSnapshot.Take(_org.Service);

        ImportConfigurationData();
        Assert.Equal("15", _org.ValueOf(SettingNames.CallStartMargin));
        var report = before.Restore(_org.Service);

        Assert.Equal("fbc423f5-74f9-e911-80e0-00505689257e", _org.ValueOf(SettingNames.DefaultCrmAssignee));
        Assert.Equal("30", _org.ValueOf(SettingNames.CallStartMargin));
        Assert.Equal("True", _org.ValueOf(SettingNames.ProcessServiceCalls));
        Assert.Equal("120", _org.ValueOf(SettingNames.ExecutionInterval));
        Assert.Equal([SettingNames.CallStartMargin, SettingNames.DefaultCrmAssignee, SettingNames.ProcessServiceCalls], report.Restored.Order());
        Assert.Empty(report.Failed);
    }

    [Fact]
    public void SnapshotBeforeTheImport_Should_DescribeEverySettingForTheLog()
    {
        _org.Create(SettingNames.DefaultCrmAssignee, "fbc423f5-74f9-e911-80e0-00505689257e");
        _org.Create(SettingNames.CallStartMargin, "30");

        var lines = SettingValuesSnapshot.Take(_org.Service).Describe();

        Assert.Equal(["CallStartMargin = '30'", "DefaultCrmAssignee = 'fbc423f5-74f9-e911-80e0-00505689257e'"], lines);
    }

    [Fact]
    public void FirstInstallation_Should_LeaveTheDefaults()
    {
        var before = SettingValuesSnapshot.Empty();

        ImportConfigurationData();
        var report = before.Restore(_org.Service);

        Assert.Empty(report.Restored);
        Assert.Equal(SettingCatalog.All.Count, _org.Count());
        Assert.All(SettingCatalog.All.Where(s => s.DefaultValue.Length > 0), s => Assert.Equal(s.DefaultValue, _org.ValueOf(s.Name)));
    }

    [Fact]
    public void UpgradeWithAValueTheValidationNowRefuses_Should_ReportItWithTheOldValueAndRestoreTheOthers()
    {
        // The installed version had no validation: its administrator saved a number in words.
        var old = new SettingOrg(withValidation: false);
        old.Create(SettingNames.CallStartMargin, "fifteen");
        old.Create(SettingNames.IncomingDirectCallSubject, "Direct call");
        var before = SettingValuesSnapshot.Take(old.Service);

        ImportConfigurationData();
        var report = before.Restore(_org.Service);

        Assert.Equal([SettingNames.IncomingDirectCallSubject], report.Restored);
        var failure = Assert.Single(report.Failed);
        Assert.StartsWith("CallStartMargin: the value from before the upgrade, 'fifteen', could not be restored (", failure);
        Assert.Equal("15", _org.ValueOf(SettingNames.CallStartMargin));
        Assert.Equal("Direct call", _org.ValueOf(SettingNames.IncomingDirectCallSubject));
    }
}
