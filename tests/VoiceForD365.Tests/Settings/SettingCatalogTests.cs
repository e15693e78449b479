using System.Reflection;
using VoiceForD365.Core.Settings;
using Xunit;

namespace VoiceForD365.Tests.Settings;

/// <summary>The one list of settings (SPEC C5, C6): complete, consistent, with the configuration guide's defaults.</summary>
public class SettingCatalogTests
{
    private static IEnumerable<string> Constants(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!);

    [Fact]
    public void Catalog_Should_HoldEveryNamedSettingOnce()
    {
        Assert.Equal(Constants(typeof(SettingNames)).Order(), SettingCatalog.All.Select(s => s.Name).Order());
    }

    [Fact]
    public void Catalog_Should_GiveEverySettingItsOwnStableId()
    {
        Assert.Equal(SettingCatalog.All.Count, SettingCatalog.All.Select(s => s.Id).Distinct().Count());
        Assert.DoesNotContain(Guid.Empty, SettingCatalog.All.Select(s => s.Id));
    }

    [Fact]
    public void EverySetting_Should_HaveAKnownGroupAndADescription()
    {
        var groups = Constants(typeof(SettingGroups)).ToHashSet();

        Assert.All(SettingCatalog.All, s =>
        {
            Assert.Contains(s.Group, groups);
            Assert.False(string.IsNullOrWhiteSpace(s.Description), s.Name);
            Assert.True(s.Description.Length <= 2000, s.Name);
        });
    }

    [Fact]
    public void EveryDefault_Should_BeAValueOfItsSettingsType()
    {
        Assert.All(SettingCatalog.All, s => Assert.Null(s.Check(s.DefaultValue)));
    }

    [Theory]
    [InlineData("CallStartMargin", "PhoneCallSync", SettingType.WholeNumber, "15")]
    [InlineData("EnableAudit", "PhoneCallSync", SettingType.YesNo, "True")]
    [InlineData("EnableMultipleMatchCreate", "PhoneCallSync", SettingType.YesNo, "True")]
    [InlineData("ExecutionInterval", "PhoneCallSync", SettingType.WholeNumber, "120")]
    [InlineData("IncomingDirectCallSubject", "PhoneCallSync", SettingType.Text, "Incoming direct call")]
    [InlineData("IncomingQueueCallSubject", "PhoneCallSync", SettingType.Text, "Incoming queue call")]
    [InlineData("MultipleMatchPhoneCallStatus", "PhoneCallSync", SettingType.WholeNumber, "1")]
    [InlineData("OutgoingDirectCallSubject", "PhoneCallSync", SettingType.Text, "Outgoing direct call")]
    [InlineData("ProcessDirectCalls", "PhoneCallSync", SettingType.YesNo, "True")]
    [InlineData("ProcessServiceCalls", "PhoneCallSync", SettingType.YesNo, "False")]
    [InlineData("ProcessServiceCallsUnanswered", "PhoneCallSync", SettingType.YesNo, "False")]
    [InlineData("RunInDebugMode", "PhoneCallSync", SettingType.YesNo, "False")]
    [InlineData("MultipleMatchesPickFirst", "PhoneCallSync", SettingType.YesNo, "False")]
    [InlineData("DefaultCrmAssignee", "PhoneCallSync", SettingType.Guid, "")]
    [InlineData("NumbersToCut", "PhoneCallSync", SettingType.WholeNumber, "0")]
    [InlineData("CallDurationLimit", "PhoneCallSync", SettingType.WholeNumber, "0")]
    [InlineData("CallbackRequestDefaultSubject", "CallbackSync", SettingType.Text, "Callback request")]
    public void Setting_Should_HaveTheGuidesGroupTypeAndDefault(string name, string group, SettingType type, string defaultValue)
    {
        var setting = SettingCatalog.Find(name);

        Assert.NotNull(setting);
        Assert.Equal((group, type, defaultValue), (setting.Group, setting.Type, setting.DefaultValue));
    }

    [Fact]
    public void DefaultCrmAssignee_Should_BeTheOnlyRequiredSetting()
    {
        Assert.Equal([SettingNames.DefaultCrmAssignee], SettingCatalog.All.Where(s => s.IsRequired).Select(s => s.Name));
    }

    [Fact]
    public void FindOfAnUnknownName_Should_ReturnNothingAndValidateAnything()
    {
        Assert.Null(SettingCatalog.Find("ContosoSetting"));
        Assert.Null(SettingCatalog.Validate("ContosoSetting", "anything"));
    }
}
