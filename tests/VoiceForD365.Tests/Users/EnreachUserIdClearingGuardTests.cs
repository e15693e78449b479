using System.ServiceModel;
using Microsoft.Xrm.Sdk;
using VoiceForD365.Core.Schema;
using VoiceForD365.Core.Settings;
using VoiceForD365.Emulator;
using VoiceForD365.Plugins.Users;
using Xunit;

namespace VoiceForD365.Tests.Users;

/// <summary>
/// The guard against a wrong Enreach users list (issue 9 item 3): a run that would clear too many of the Enreach User
/// Ids it holds writes nothing and fails, through the custom API and the plug-ins alike.
/// </summary>
public class EnreachUserIdClearingGuardTests : IClassFixture<EmulatorFixture>
{
    private readonly EnreachEmulator _enreach;
    private readonly VoiceOrg _org;

    public EnreachUserIdClearingGuardTests(EmulatorFixture fixture)
    {
        _enreach = fixture.Enreach;
        _enreach.Reset();
        _org = new VoiceOrg(_enreach, timeBudget: TimeSpan.FromSeconds(3));
    }

    /// <summary>Voice users who got their Enreach ids, each from an Enreach user of their own.</summary>
    private List<(Guid User, Guid EnreachId)> VoiceUsersWithIds(int count, string name)
    {
        var users = new List<(Guid, Guid)>();
        for (var i = 1; i <= count; i++)
        {
            var email = $"{name}{i}.{Guid.NewGuid():N}@contoso.test";
            var enreachId = _enreach.Users.Add(email).Id;
            var user = _org.VoiceUser($"{name} {i}", email);
            Assert.Equal(enreachId, _org.EnreachIdOf(user));
            users.Add((user, enreachId));
        }
        return users;
    }

    private void AssertIdsKept(IEnumerable<(Guid User, Guid EnreachId)> users) =>
        Assert.All(users, u => Assert.Equal(u.EnreachId, _org.EnreachIdOf(u.User)));

    private void EnreachAnswersAnEmptyList() => _enreach.Faults.Answer("[]", only: EnreachEmulatorEndpoint.Users);

    [Fact]
    public void EmptyEnreachUsersList_Should_WriteNothingAndSayWhatItSawAndHowToProceed()
    {
        var users = VoiceUsersWithIds(2, "empty");
        EnreachAnswersAnEmptyList();
        _org.Org.Requests.Reset();

        var fault = Assert.Throws<FaultException<OrganizationServiceFault>>(() => _org.UpdateAll());

        AssertIdsKept(users);
        Assert.Equal(0, _org.Org.Requests.Of(MessageNames.Update));
        Assert.StartsWith("Enreach user ids were not updated: Enreach answered an empty users list", fault.Detail.Message);
        Assert.Contains("would clear the Enreach User Id of 2 Voice users", fault.Detail.Message);
        Assert.Contains("nothing was written", fault.Detail.Message);
        Assert.Contains($"set the Voice for D365 setting {SettingNames.EnreachUserIdClearLimit} to 100 for one update", fault.Detail.Message);
    }

    [Fact]
    public void EmptyEnreachUsersListOnThePluginPath_Should_FailTheSystemJobAndKeepTheId()
    {
        var users = VoiceUsersWithIds(1, "plugin");
        EnreachAnswersAnEmptyList();

        _org.Service.Update(new Entity(SystemUser.EntityName, users[0].User) { [SystemUser.EnreachUserEmail] = "plugin.voice@contoso.test" });

        AssertIdsKept(users);
        var job = Assert.Single(_org.Org.SystemJobs, j => !j.Succeeded);
        Assert.Contains("Enreach answered an empty users list", job.Message);
    }

    [Fact]
    public void ListThatWouldClearMoreThanHalfOfTenIds_Should_WriteNothing()
    {
        var users = VoiceUsersWithIds(10, "many");
        foreach (var user in users.Take(6)) _enreach.Users.Remove(user.EnreachId);

        var fault = Assert.Throws<FaultException<OrganizationServiceFault>>(() => _org.UpdateAll());

        AssertIdsKept(users);
        Assert.Contains("would clear the Enreach User Id of 6 of the 10 Voice users who hold one (60 %)", fault.Detail.Message);
        Assert.Contains($"more than the 50 % the setting {SettingNames.EnreachUserIdClearLimit} allows", fault.Detail.Message);
    }

    [Fact]
    public void ListThatClearsHalfOfTenIds_Should_ClearThem()
    {
        var users = VoiceUsersWithIds(10, "half");
        foreach (var user in users.Take(5)) _enreach.Users.Remove(user.EnreachId);

        var response = _org.UpdateAll();

        Assert.Equal((5, 5), ((int)response[UpdateEnreachUserIdsApi.Cleared]!, (int)response[UpdateEnreachUserIdsApi.Unchanged]!));
        AssertIdsKept(users.Skip(5));
    }

    [Fact]
    public void FewerThanTenIdsAllCleared_Should_BeClearedWhenTheListIsNotEmpty()
    {
        var users = VoiceUsersWithIds(3, "few");
        foreach (var user in users) _enreach.Users.Remove(user.EnreachId);

        var response = _org.UpdateAll();

        Assert.Equal(3, response[UpdateEnreachUserIdsApi.Cleared]);
    }

    [Fact]
    public void LowerLimit_Should_BeHonoured()
    {
        var users = VoiceUsersWithIds(10, "strict");
        _org.SetSetting(SettingNames.EnreachUserIdClearLimit, "20");
        foreach (var user in users.Take(3)) _enreach.Users.Remove(user.EnreachId);

        var fault = Assert.Throws<FaultException<OrganizationServiceFault>>(() => _org.UpdateAll());

        AssertIdsKept(users);
        Assert.Contains("more than the 20 %", fault.Detail.Message);
    }

    [Fact]
    public void LimitRaisedTo100ForOneRun_Should_ClearDeliberately()
    {
        var users = VoiceUsersWithIds(2, "deliberate");
        EnreachAnswersAnEmptyList();
        _org.SetSetting(SettingNames.EnreachUserIdClearLimit, "100");

        var response = _org.UpdateAll();

        Assert.Equal(2, response[UpdateEnreachUserIdsApi.Cleared]);
        Assert.All(users, u => Assert.Null(_org.EnreachIdOf(u.User)));
    }
}
