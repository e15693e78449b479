using System.ServiceModel;
using Microsoft.Xrm.Sdk;
using VoiceForD365.Core.Schema;
using VoiceForD365.Core.Registration;
using VoiceForD365.Core.Settings;
using VoiceForD365.Plugins.Settings;
using Xunit;

namespace VoiceForD365.Tests.Settings;

/// <summary>The setting validation plug-in, through the local organization's pipeline (SPEC C4/C5, issue 5 item 4).</summary>
public class VoiceSettingValidationTests
{
    private readonly SettingOrg _org = new();

    private FaultException<OrganizationServiceFault> Refused(Action save) => Assert.Throws<FaultException<OrganizationServiceFault>>(save);

    [Fact]
    public void CreateWholeNumberSettingWithText_Should_FailNamingTheSettingTheTypeAndTheValue()
    {
        var fault = Refused(() => _org.Create(SettingNames.CallStartMargin, "fifteen"));

        Assert.Contains("CallStartMargin", fault.Detail.Message);
        Assert.Contains("a whole number from 0 to 86400", fault.Detail.Message);
        Assert.Contains("'fifteen'", fault.Detail.Message);
        Assert.Equal(0, _org.Count());
    }

    [Fact]
    public void CreateWholeNumberSettingWithANumber_Should_Save()
    {
        var id = _org.Create(SettingNames.CallStartMargin, "30");

        Assert.Equal("30", _org.ValueOf(id));
    }

    [Fact]
    public void CreateWholeNumberSettingOutOfItsRange_Should_Fail()
    {
        var fault = Refused(() => _org.Create(SettingNames.ExecutionInterval, "0"));

        Assert.Contains("ExecutionInterval must be a whole number from 1 to 44640, but its Value is '0'", fault.Detail.Message);
    }

    [Fact]
    public void CreateYesNoSettingWithYes_Should_FailAskingForTrueOrFalse()
    {
        var fault = Refused(() => _org.Create(SettingNames.EnableAudit, "Yes"));

        Assert.Contains("EnableAudit must be a yes/no value: True or False, but its Value is 'Yes'", fault.Detail.Message);
    }

    [Fact]
    public void CreateYesNoSettingWithLowerCaseFalse_Should_Save()
    {
        var id = _org.Create(SettingNames.RunInDebugMode, "false");

        Assert.Equal("false", _org.ValueOf(id));
    }

    [Fact]
    public void CreateGuidSettingWithTheGuidesMistypedExampleId_Should_FailAsNotAGuid()
    {
        // The configuration guide's table shows this value: its first group has 7 digits, not 8.
        var fault = Refused(() => _org.Create(SettingNames.DefaultCrmAssignee, "fb423f5-74f9-e911-80e0-00505689257e"));

        Assert.Contains("DefaultCrmAssignee must be a GUID", fault.Detail.Message);
        Assert.Contains("'fb423f5-74f9-e911-80e0-00505689257e'", fault.Detail.Message);
    }

    [Fact]
    public void CreateGuidSettingWithAGuid_Should_Save()
    {
        var id = _org.Create(SettingNames.DefaultCrmAssignee, "fbc423f5-74f9-e911-80e0-00505689257e");

        Assert.Equal("fbc423f5-74f9-e911-80e0-00505689257e", _org.ValueOf(id));
    }

    [Fact]
    public void CreateKnownSettingWithoutAValue_Should_SaveItAsNotSet()
    {
        var id = _org.Create(SettingNames.DefaultCrmAssignee, null);

        Assert.Null(_org.ValueOf(id));
    }

    [Fact]
    public void CreateTextSettingWithAnyText_Should_Save()
    {
        var id = _org.Create(SettingNames.IncomingDirectCallSubject, "Call from {0} 100%");

        Assert.Equal("Call from {0} 100%", _org.ValueOf(id));
    }

    [Fact]
    public void CreateSettingOfTheAdministratorsOwn_Should_SaveAnyValue()
    {
        var id = _org.Create("ContosoEscalationQueue", "not a number, not a GUID", group: "Contoso");

        Assert.Equal("not a number, not a GUID", _org.ValueOf(id));
    }

    [Fact]
    public void CreateKnownSettingNamedInAnotherCase_Should_StillBeValidated()
    {
        var fault = Refused(() => _org.Create("callstartmargin", "abc"));

        Assert.Contains("CallStartMargin", fault.Detail.Message);
    }

    [Fact]
    public void UpdateOfTheValueOnly_Should_BeCheckedAgainstTheNameOfTheSavedRecord()
    {
        var id = _org.Create(SettingNames.NumbersToCut, "4");

        var fault = Refused(() => _org.Service.Update(new Entity(VoiceSetting.EntityName, id) { [VoiceSetting.Value] = "four" }));

        Assert.Contains("NumbersToCut must be a whole number from 0 to 16, but its Value is 'four'", fault.Detail.Message);
        Assert.Equal("4", _org.ValueOf(id));
    }

    [Fact]
    public void UpdateOfTheNameOnly_Should_CheckTheSavedValueAgainstTheNewName()
    {
        var id = _org.Create("ContosoSetting", "maybe", group: "Contoso");

        var fault = Refused(() => _org.Service.Update(new Entity(VoiceSetting.EntityName, id) { [VoiceSetting.Name] = SettingNames.ProcessDirectCalls }));

        Assert.Contains("ProcessDirectCalls must be a yes/no value: True or False, but its Value is 'maybe'", fault.Detail.Message);
    }

    [Fact]
    public void UpdateOfTheDescriptionOnly_Should_NotRunTheValidation()
    {
        var id = _org.Create(SettingNames.CallStartMargin, "15");
        _org.Org.ClearTraces();

        _org.Service.Update(new Entity(VoiceSetting.EntityName, id) { [VoiceSetting.Description] = "Seconds." });

        Assert.Empty(_org.Org.Traces);
    }

    [Fact]
    public void UpdateToAValidValue_Should_Save()
    {
        var id = _org.Create(SettingNames.EnableMultipleMatchCreate, "True");

        _org.Service.Update(new Entity(VoiceSetting.EntityName, id) { [VoiceSetting.Value] = "False" });

        Assert.Equal("False", _org.ValueOf(id));
    }

    // Issue 9, defect 1: the product reads Long Value when Value is empty, so Long Value gets the same rule.

    [Fact]
    public void CreateWholeNumberSettingWithTextInLongValueOnly_Should_FailNamingTheLongValue()
    {
        var fault = Refused(() => _org.Create(SettingNames.CallDurationLimit, value: null, longValue: "abc"));

        Assert.Contains("CallDurationLimit must be a whole number from 0 to 86400, but its Long Value is 'abc'", fault.Detail.Message);
        Assert.Equal(0, _org.Count());
        Assert.Null(new VoiceSettings(_org.Service).GetString(SettingNames.CallDurationLimit));
    }

    [Fact]
    public void UpdateYesNoSettingToNoValueAndAnInvalidLongValue_Should_FailAndKeepTheSavedValue()
    {
        var id = _org.Create(SettingNames.EnableAudit, "True");

        var fault = Refused(() => _org.Service.Update(new Entity(VoiceSetting.EntityName, id) { [VoiceSetting.Value] = null, [VoiceSetting.LongValue] = "maybe" }));

        Assert.Contains("EnableAudit must be a yes/no value: True or False, but its Long Value is 'maybe'", fault.Detail.Message);
        Assert.Equal("True", new VoiceSettings(_org.Service).GetString(SettingNames.EnableAudit));
    }

    [Fact]
    public void UpdateOfTheLongValueOnly_Should_BeCheckedAgainstTheNameOfTheSavedRecord()
    {
        var id = _org.Create(SettingNames.NumbersToCut, null);

        var fault = Refused(() => _org.Service.Update(new Entity(VoiceSetting.EntityName, id) { [VoiceSetting.LongValue] = "four" }));

        Assert.Contains("NumbersToCut must be a whole number from 0 to 16, but its Long Value is 'four'", fault.Detail.Message);
        Assert.Null(new VoiceSettings(_org.Service).GetString(SettingNames.NumbersToCut));
    }

    [Fact]
    public void CreateWholeNumberSettingWithANumberInLongValue_Should_SaveAndBeReadBack()
    {
        _org.Create(SettingNames.CallDurationLimit, value: null, longValue: "30");

        Assert.Equal("30", new VoiceSettings(_org.Service).GetString(SettingNames.CallDurationLimit));
    }

    [Theory]
    [InlineData("CallDurationLimit ", "ends with a space")]
    [InlineData(" CallDurationLimit", "begins with a space")]
    [InlineData("\tCallDurationLimit", "U+0009")]
    [InlineData("Call\u200BDurationLimit", "U+200B")]
    [InlineData("CallDuration\u00ADLimit", "U+00AD")]
    [InlineData("\uFEFFCallDurationLimit", "U+FEFF")]
    [InlineData("CallDurationLimit\u00A0", "U+00A0")]
    public void CreateSettingWhoseNameHasBlanksOrInvisibleCharacters_Should_FailInsteadOfStoringASecondRow(string name, string named)
    {
        _org.Create(SettingNames.CallDurationLimit, "0");

        var fault = Refused(() => _org.Create(name, "30"));

        Assert.Contains("setting name", fault.Detail.Message);
        Assert.Contains(named, fault.Detail.Message);
        Assert.Equal(1, _org.Count());
        Assert.Equal("0", new VoiceSettings(_org.Service).GetString(SettingNames.CallDurationLimit));
    }

    [Fact]
    public void RenameToANameWithATrailingSpace_Should_Fail()
    {
        var id = _org.Create("ContosoSetting", "x", group: "Contoso");

        var fault = Refused(() => _org.Service.Update(new Entity(VoiceSetting.EntityName, id) { [VoiceSetting.Name] = "ContosoSetting " }));

        Assert.Contains("ends with a space", fault.Detail.Message);
    }

    // Issue 9, defect 8.

    [Fact]
    public void CreateWithAVeryLongInvalidValue_Should_QuoteOnlyItsBeginning()
    {
        var value = new string('9', 4000);

        var fault = Refused(() => _org.Create(SettingNames.CallStartMargin, value));

        Assert.Contains("CallStartMargin must be a whole number from 0 to 86400", fault.Detail.Message);
        Assert.Contains("(4,000 characters)", fault.Detail.Message);
        Assert.True(fault.Detail.Message.Length < 600, $"{fault.Detail.Message.Length} characters: " + fault.Detail.Message);
    }

    [Fact]
    public void CreateTextSettingWithAWholeNumberValue_Should_FailSayingTheValueIsText()
    {
        var fault = Refused(() => _org.Service.Create(new Entity(VoiceSetting.EntityName)
        {
            [VoiceSetting.Name] = SettingNames.IncomingDirectCallSubject,
            [VoiceSetting.GroupName] = SettingGroups.PhoneCallSync,
            [VoiceSetting.Value] = 42,
        }));

        Assert.Contains("IncomingDirectCallSubject", fault.Detail.Message);
        Assert.Contains("Value of a Voice for D365 setting is text", fault.Detail.Message);
        Assert.Contains("Int32", fault.Detail.Message);
        Assert.DoesNotContain("cast", fault.Detail.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, _org.Count());
    }

    // Issue 9, defect 2: the all-zero GUID is nobody's Enreach id.

    [Fact]
    public void CreateGuidSettingWithTheAllZeroGuid_Should_Fail()
    {
        var fault = Refused(() => _org.Create(SettingNames.DefaultCrmAssignee, Guid.Empty.ToString()));

        Assert.Contains("DefaultCrmAssignee must be a GUID", fault.Detail.Message);
        Assert.Contains("all zeros", fault.Detail.Message);
        Assert.Equal(0, _org.Count());
    }

    [Fact]
    public void UpdateStep_Should_FilterOnAndImageEveryColumnTheCheckReads()
    {
        var update = typeof(VoiceSettingValidation).GetCustomAttributes(typeof(PluginStepAttribute), false).Cast<PluginStepAttribute>()
            .Single(step => step.Message == MessageNames.Update);

        Assert.Equal(SettingRecordCheck.CheckedColumns.Order(), update.FilteringAttributes.Split(',').Order());
        Assert.Equal(SettingRecordCheck.CheckedColumns.Order(), update.PreImageAttributes.Split(',').Order());
    }
}
