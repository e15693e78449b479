using System.ServiceModel;
using Microsoft.Xrm.Sdk;
using VoiceForD365.Core.Schema;
using VoiceForD365.Core.Settings;
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

        Assert.Contains("ExecutionInterval must be a whole number from 1 to 44640, but its value is '0'", fault.Detail.Message);
    }

    [Fact]
    public void CreateYesNoSettingWithYes_Should_FailAskingForTrueOrFalse()
    {
        var fault = Refused(() => _org.Create(SettingNames.EnableAudit, "Yes"));

        Assert.Contains("EnableAudit must be a yes/no value: True or False, but its value is 'Yes'", fault.Detail.Message);
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

        Assert.Contains("NumbersToCut must be a whole number from 0 to 16, but its value is 'four'", fault.Detail.Message);
        Assert.Equal("4", _org.ValueOf(id));
    }

    [Fact]
    public void UpdateOfTheNameOnly_Should_CheckTheSavedValueAgainstTheNewName()
    {
        var id = _org.Create("ContosoSetting", "maybe", group: "Contoso");

        var fault = Refused(() => _org.Service.Update(new Entity(VoiceSetting.EntityName, id) { [VoiceSetting.Name] = SettingNames.ProcessDirectCalls }));

        Assert.Contains("ProcessDirectCalls must be a yes/no value: True or False, but its value is 'maybe'", fault.Detail.Message);
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
}
