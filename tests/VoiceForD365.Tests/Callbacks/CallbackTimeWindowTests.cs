using Microsoft.Xrm.Sdk;
using VoiceForD365.Core.Callbacks;
using VoiceForD365.Core.Schema;
using Xunit;

namespace VoiceForD365.Tests.Callbacks;

/// <summary>The window of callback requests a profile covers, from its Age Time Unit and Callback Age, relative to a given now.</summary>
public class CallbackTimeWindowTests
{
    private static readonly DateTime Now = new(2025, 3, 14, 12, 30, 0, DateTimeKind.Utc);

    private static CallbackProfileSettings Profile(int unit, int age) => CallbackProfileSettings.FromRecord(new Entity(CallbackProfile.EntityName, Guid.NewGuid())
    {
        [CallbackProfile.Name] = "Sales callbacks",
        [CallbackProfile.QueueId] = new EntityReference(Queue.EntityName, Guid.NewGuid()),
        [CallbackProfile.AgeTimeUnit] = new OptionSetValue(unit),
        [CallbackProfile.CallbackAge] = age,
        [CallbackProfile.OwnershipRule] = new OptionSetValue(OwnershipRule.ApiUser),
        [CallbackProfile.StateCode] = new OptionSetValue(0),
    });

    [Fact]
    public void ProfileOfTenMinutes_Should_CoverTheLastTenMinutes()
    {
        var window = Profile(AgeTimeUnit.Minutes, 10).TimeWindow(Now);

        Assert.Equal((new DateTime(2025, 3, 14, 12, 20, 0, DateTimeKind.Utc), Now), (window.Start, window.End));
    }

    [Fact]
    public void ProfileOfThreeHours_Should_CoverTheLastThreeHours()
    {
        var window = Profile(AgeTimeUnit.Hours, 3).TimeWindow(Now);

        Assert.Equal((new DateTime(2025, 3, 14, 9, 30, 0, DateTimeKind.Utc), Now), (window.Start, window.End));
    }

    [Fact]
    public void ProfileOfTwoDays_Should_CoverTheLastTwoDays()
    {
        var window = Profile(AgeTimeUnit.Days, 2).TimeWindow(Now);

        Assert.Equal((new DateTime(2025, 3, 12, 12, 30, 0, DateTimeKind.Utc), Now), (window.Start, window.End));
        Assert.Equal(TimeSpan.FromDays(2), window.Length);
    }

    [Fact]
    public void WindowFromALocalNow_Should_BeInUtc()
    {
        var window = CallbackTimeWindow.For(CallbackAgeUnit.Minutes, 1, Now.ToLocalTime());

        Assert.Equal((DateTimeKind.Utc, Now), (window.End.Kind, window.End));
    }

    [Fact]
    public void AgeBelowOne_Should_BeRefusedWithAClearMessage()
    {
        var error = Assert.Throws<CallbackConfigurationException>(() => CallbackTimeWindow.For(CallbackAgeUnit.Hours, 0, Now, "Sales callbacks"));

        Assert.Equal("Callback profile 'Sales callbacks' has a Callback Age of 0: it must be 1 or more.", error.Message);
    }

    [Fact]
    public void ProfileWithAnAgeReachingBeforeTheYearOne_Should_BeRefusedAsInvalid()
    {
        var error = Assert.Throws<CallbackConfigurationException>(() => Profile(AgeTimeUnit.Days, int.MaxValue));

        Assert.Contains("reaches back before the year 1", error.Message);
    }
}
