using Microsoft.Xrm.Sdk;
using VoiceForD365.Core.PhoneCalls;
using VoiceForD365.Core.Schema;
using VoiceForD365.Core.Settings;
using VoiceForD365.Emulator;
using Xunit;

namespace VoiceForD365.Tests.PhoneCalls;

/// <summary>Without a valid DefaultCrmAssignee (or with a wrong setting) the sync does not run, and its run record says why.</summary>
public sealed class SyncConfigurationTests
{
    [Theory]
    [InlineData(null, "DefaultCrmAssignee is not set.")]
    [InlineData("d1d1d1d1-0000-4000-8000-000000000001", "DefaultCrmAssignee is d1d1d1d1-0000-4000-8000-000000000001, but no Dynamics user has that Enreach User Id.")]
    public async Task NoValidDefaultCrmAssignee_Should_ReadNothingWriteNothingAndSayWhyInTheRunRecord(string? value, string why)
    {
        await using var rig = await SyncRig.StartAsync();
        rig.Set(SettingNames.DefaultCrmAssignee, value);
        rig.Direct();

        var summary = rig.Run();

        Assert.Equal(PhoneCallSyncStatus.NotConfigured, summary.Status);
        Assert.Contains(why, summary.Message);
        Assert.Contains(DefaultCrmAssigneeCheck.HowToFix, summary.Message);
        Assert.Equal(0, rig.Emulator.Requests.Total);
        Assert.Empty(rig.PhoneCalls());
        var record = Assert.Single(rig.Runs());
        Assert.Equal(SyncRunStatus.NotConfigured, record.GetAttributeValue<OptionSetValue>(SyncRun.Status).Value);
        Assert.Contains(why, record.GetAttributeValue<string>(SyncRun.Message));
        Assert.Null(rig.State().GetAttributeValue<string>(SyncState.LeaseOwner));
    }

    [Fact]
    public async Task DefaultCrmAssigneeOfADisabledUser_Should_NotRun()
    {
        await using var rig = await SyncRig.StartAsync();
        var retired = rig.Id();
        rig.User("Retired Fallback", retired, null, disabled: true);
        rig.Set(SettingNames.DefaultCrmAssignee, retired.ToString());

        var summary = rig.Run();

        Assert.Equal(PhoneCallSyncStatus.NotConfigured, summary.Status);
        Assert.Contains("DefaultCrmAssignee is the Enreach id of Retired Fallback, whose Dynamics user is disabled.", summary.Message);
    }

    [Fact]
    public async Task DefaultCrmAssigneeGivenAsTheDynamicsId_Should_SayItMustBeTheEnreachId()
    {
        await using var rig = await SyncRig.StartAsync();
        rig.Set(SettingNames.DefaultCrmAssignee, rig.ApiUser.Id.ToString());

        var summary = rig.Run();

        Assert.Equal(PhoneCallSyncStatus.NotConfigured, summary.Status);
        Assert.Contains("the Dynamics id of Voice API; it must be an Enreach id", summary.Message);
    }

    [Fact]
    public async Task SettingSavedWithAWrongValue_Should_StopTheSyncNamingTheSetting()
    {
        // As if saved before the setting validation plug-in existed.
        await using var rig = await SyncRig.StartAsync(settingValidation: false);
        rig.Set(SettingNames.ExecutionInterval, "two hours");
        rig.Direct();

        var summary = rig.Run();

        Assert.Equal(PhoneCallSyncStatus.NotConfigured, summary.Status);
        Assert.Contains("The Voice for D365 setting ExecutionInterval must be a whole number from 1 to 44640, but its Value is 'two hours'", summary.Message);
        Assert.Empty(rig.PhoneCalls());
        Assert.Equal(0, rig.Emulator.Requests.Total);
    }
}
