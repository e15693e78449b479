using Microsoft.Xrm.Sdk;
using VoiceForD365.Core.Schema;
using VoiceForD365.Core.Settings;
using VoiceForD365.Tests.Settings;
using Xunit;

namespace VoiceForD365.Tests.Packaging;

/// <summary>The settings of the data zip, imported into the local organization as the Configuration Migration tool would: our table and columns, through the setting validation.</summary>
[Collection(PackageCollection.Name)]
public sealed class ConfigurationDataImportTests
{
    private readonly PackageFixture _package;

    public ConfigurationDataImportTests(PackageFixture package) => _package = package;

    [Fact]
    public void SettingsOfTheDataZip_Should_ImportThroughTheValidationWithTheirDefaults()
    {
        var org = new SettingOrg();

        foreach (var (id, fields) in _package.Records(VoiceSetting.EntityName))
        {
            var record = new Entity(VoiceSetting.EntityName, id);
            foreach (var (name, value) in fields.Where(f => f.Key != VoiceSetting.PrimaryId)) record[name] = value;
            org.Service.Create(record);
        }

        Assert.Equal(SettingCatalog.All.Count, org.Count());
        Assert.All(SettingCatalog.All, s => Assert.Equal(s.DefaultValue.Length == 0 ? null : s.DefaultValue, org.ValueOf(s.Name)));
    }
}
