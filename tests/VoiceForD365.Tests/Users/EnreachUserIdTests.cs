using System.ServiceModel;
using Microsoft.Xrm.Sdk;
using VoiceForD365.Emulator;
using VoiceForD365.Plugins.Users;
using Xunit;

namespace VoiceForD365.Tests.Users;

public sealed class EmulatorFixture : IDisposable
{
    public EnreachEmulator Enreach { get; } = EnreachEmulator.Start();

    public void Dispose() => Enreach.Dispose();
}

/// <summary>SPEC C2 through the local organization's pipeline (our registered plug-ins) against the Enreach emulator over HTTP.</summary>
public class EnreachUserIdTests : IClassFixture<EmulatorFixture>
{
    private readonly EnreachEmulator _enreach;
    private readonly VoiceOrg _org;

    public EnreachUserIdTests(EmulatorFixture fixture)
    {
        _enreach = fixture.Enreach;
        _enreach.Reset();
        _org = new VoiceOrg(_enreach, timeBudget: TimeSpan.FromSeconds(3));
    }

    private Guid EnreachUser(string email) => _enreach.Users.Add(email).Id;

    private int UsersRequests => _enreach.Requests.Count(EnreachEmulatorEndpoint.Users);

    [Fact]
    public void UserGivenVoiceUserRole_Should_GetTheEnreachIdOfTheirEmail()
    {
        var enreachId = EnreachUser("anna@contoso.test");
        var anna = _org.User("Anna", "anna@contoso.test");

        _org.GiveVoiceUserRole(anna);

        Assert.Equal(enreachId, _org.EnreachIdOf(anna));
    }

    [Fact]
    public void UserJoiningTeamThatHoldsVoiceUserRole_Should_GetTheirEnreachId()
    {
        var enreachId = EnreachUser("ben@contoso.test");
        var team = _org.Team("Service desk", withVoiceUserRole: true);
        var ben = _org.User("Ben", "ben@contoso.test");

        _org.Join(team, ben);

        Assert.Equal(enreachId, _org.EnreachIdOf(ben));
    }

    [Fact]
    public void UsersAddedWithAddMembersTeamToTeamWithVoiceUserRole_Should_GetTheirEnreachIds()
    {
        var enreachId = EnreachUser("bea@contoso.test");
        var team = _org.Team("Service desk", withVoiceUserRole: true);
        var bea = _org.User("Bea", "bea@contoso.test");

        _org.Service.Execute(new OrganizationRequest(Core.Schema.MessageNames.AddMembersTeam) { ["TeamId"] = team, ["MemberIds"] = new[] { bea } });

        Assert.Equal(enreachId, _org.EnreachIdOf(bea));
    }

    [Fact]
    public void TeamGivenVoiceUserRole_Should_GiveItsMembersTheirEnreachIds()
    {
        var enreachId = EnreachUser("cecilia@contoso.test");
        var team = _org.Team("Sales", withVoiceUserRole: false);
        var cecilia = _org.User("Cecilia", "cecilia@contoso.test");
        _org.Join(team, cecilia);
        Assert.Null(_org.EnreachIdOf(cecilia));

        _org.GiveVoiceUserRoleToTeam(team);

        Assert.Equal(enreachId, _org.EnreachIdOf(cecilia));
    }

    [Fact]
    public void TeamWithoutVoiceUserRoleJoined_Should_AskEnreachNothing()
    {
        var team = _org.Team("Finance", withVoiceUserRole: false);
        var dan = _org.User("Dan", "dan@contoso.test");

        _org.Join(team, dan);

        Assert.Equal(0, _enreach.Requests.Total);
        Assert.Null(_org.EnreachIdOf(dan));
    }

    [Fact]
    public void VoiceUserEmailChanged_Should_GetTheEnreachIdOfTheNewEmail()
    {
        EnreachUser("eva.old@contoso.test");
        var newId = EnreachUser("eva@contoso.test");
        var eva = _org.VoiceUser("Eva", "eva.old@contoso.test");

        _org.Service.Update(new Entity(Core.Schema.SystemUser.EntityName, eva) { [Core.Schema.SystemUser.InternalEmailAddress] = "eva@contoso.test" });

        Assert.Equal(newId, _org.EnreachIdOf(eva));
    }

    [Fact]
    public void EnreachUserEmailOverride_Should_WinOverThePrimaryEmail()
    {
        EnreachUser("frank@contoso.test");
        var overrideId = EnreachUser("frank.voice@contoso.test");

        var frank = _org.VoiceUser("Frank", "frank@contoso.test", emailOverride: "frank.voice@contoso.test");

        Assert.Equal(overrideId, _org.EnreachIdOf(frank));
    }

    [Fact]
    public void EmailInAnotherCase_Should_StillMatch()
    {
        var enreachId = EnreachUser("Greta.Lund@Contoso.test");

        var greta = _org.VoiceUser("Greta", "greta.lund@contoso.TEST");

        Assert.Equal(enreachId, _org.EnreachIdOf(greta));
    }

    [Fact]
    public void EmailPrecomposedInDynamicsAndDecomposedInEnreach_Should_StillMatch()
    {
        var enreachId = EnreachUser("A\u030Asa.O\u0308berg@contoso.test");

        var asa = _org.VoiceUser("Åsa", "\u00E5sa.\u00F6berg@contoso.test");

        Assert.Equal(enreachId, _org.EnreachIdOf(asa));
    }

    [Fact]
    public void EnreachIdListedUnderTwoEmails_Should_BeGivenToNeitherUserAndReportedAsAmbiguous()
    {
        var shared = Guid.NewGuid();
        var rut = _org.VoiceUser("Rut", "rut@contoso.test");
        var sam = _org.VoiceUser("Sam", "sam@contoso.test");
        _enreach.Faults.Answer($"[{{\"Id\":\"{shared}\",\"UserName\":\"rut@contoso.test\"}},{{\"Id\":\"{shared}\",\"UserName\":\"sam@contoso.test\"}}]",
            only: EnreachEmulatorEndpoint.Users);

        var response = _org.UpdateAll();

        Assert.Equal((null, null), (_org.EnreachIdOf(rut), _org.EnreachIdOf(sam)));
        Assert.Equal((2, 0), ((int)response[UpdateEnreachUserIdsApi.Ambiguous]!, (int)response[UpdateEnreachUserIdsApi.Updated]!));
        Assert.Contains($"Enreach lists the user {shared} under 2 emails (rut@contoso.test, sam@contoso.test)", (string)response[UpdateEnreachUserIdsApi.Messages]!);
    }

    [Fact]
    public void EnreachUserWithTheAllZeroId_Should_GiveThatIdToNoOne()
    {
        _enreach.Users.Add("tove@contoso.test", Guid.Empty);

        var tove = _org.VoiceUser("Tove", "tove@contoso.test");
        var response = _org.UpdateAll();

        Assert.Null(_org.EnreachIdOf(tove));
        Assert.Null(_org.RawEnreachIdOf(tove));
        Assert.Equal(1, response[UpdateEnreachUserIdsApi.NotFound]);
        Assert.Contains("the all-zero id", (string)response[UpdateEnreachUserIdsApi.Messages]!);
    }

    [Theory]
    [InlineData("not-a-guid")]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    public void ValueInEnreachUserIdThatIsNoEnreachId_Should_BeClearedAndCountedAsCleared(string value)
    {
        var uma = _org.VoiceUser("Uma", "uma@contoso.test");
        _org.Service.Update(new Entity(Core.Schema.SystemUser.EntityName, uma) { [Core.Schema.SystemUser.EnreachUserId] = value });

        var response = _org.UpdateAll();

        Assert.Null(_org.RawEnreachIdOf(uma));
        Assert.Equal((1, 0), ((int)response[UpdateEnreachUserIdsApi.Cleared]!, (int)response[UpdateEnreachUserIdsApi.NotFound]!));
        Assert.Contains($"the value '{value}' in Enreach User Id, which is no Enreach user id, was cleared", (string)response[UpdateEnreachUserIdsApi.Messages]!);
    }

    [Fact]
    public void ValueInEnreachUserIdThatIsNoEnreachIdOfAMatchedUser_Should_BeReplaced()
    {
        var enreachId = EnreachUser("vera@contoso.test");
        var vera = _org.VoiceUser("Vera", "vera@contoso.test");
        _org.Service.Update(new Entity(Core.Schema.SystemUser.EntityName, vera) { [Core.Schema.SystemUser.EnreachUserId] = "not-a-guid" });

        var response = _org.UpdateAll();

        Assert.Equal(enreachId, _org.EnreachIdOf(vera));
        Assert.Equal(1, response[UpdateEnreachUserIdsApi.Updated]);
    }

    [Fact]
    public void UnrelatedUpdateOfVoiceUser_Should_AskEnreachNothing()
    {
        EnreachUser("hanna@contoso.test");
        var hanna = _org.VoiceUser("Hanna", "hanna@contoso.test");
        _enreach.Requests.Reset();

        _org.Service.Update(new Entity(Core.Schema.SystemUser.EntityName, hanna) { [Core.Schema.SystemUser.FullName] = "Hanna Berg" });
        _org.Service.Update(new Entity(Core.Schema.SystemUser.EntityName, hanna) { [Core.Schema.SystemUser.InternalEmailAddress] = "HANNA@contoso.test" });

        Assert.Equal(0, _enreach.Requests.Total);
    }

    [Fact]
    public void EmailChangeOfUserWithoutVoiceUserRole_Should_AskEnreachNothing()
    {
        var ivan = _org.User("Ivan", "ivan@contoso.test");

        _org.Service.Update(new Entity(Core.Schema.SystemUser.EntityName, ivan) { [Core.Schema.SystemUser.InternalEmailAddress] = "ivan.new@contoso.test" });

        Assert.Equal(0, _enreach.Requests.Total);
    }

    [Fact]
    public void VoiceUserNoLongerInEnreach_Should_HaveTheStaleIdClearedAndTraced()
    {
        var oldId = EnreachUser("jonas@contoso.test");
        var jonas = _org.VoiceUser("Jonas", "jonas@contoso.test");
        Assert.Equal(oldId, _org.EnreachIdOf(jonas));
        _enreach.Users.Remove(oldId);

        _org.Service.Update(new Entity(Core.Schema.SystemUser.EntityName, jonas) { [Core.Schema.SystemUser.EnreachUserEmail] = "jonas.voice@contoso.test" });

        Assert.Null(_org.EnreachIdOf(jonas));
        Assert.Contains("no Enreach user has the email jonas.voice@contoso.test; the previous Enreach user id " + oldId + " was cleared", _org.AllText());
    }

    [Fact]
    public void TwoEnreachUsersWithTheSameEmail_Should_LeaveTheIdUnsetAndSayWhy()
    {
        EnreachUser("kim@contoso.test");
        EnreachUser("KIM@contoso.test");
        var kim = _org.VoiceUser("Kim", "kim@contoso.test");

        var response = _org.UpdateAll();

        Assert.Null(_org.EnreachIdOf(kim));
        Assert.Equal(1, response[UpdateEnreachUserIdsApi.Ambiguous]);
        Assert.Contains("2 Enreach users have the email kim@contoso.test", (string)response[UpdateEnreachUserIdsApi.Messages]!);
    }

    [Fact]
    public void BadCredentials_Should_FailTheSystemJobClearlyAndLeaveTheUserUnchanged()
    {
        EnreachUser("lena@contoso.test");
        var lena = _org.User("Lena", "lena@contoso.test");
        _enreach.Faults.Unauthorized();

        _org.GiveVoiceUserRole(lena);

        var job = Assert.Single(_org.Org.SystemJobs, j => !j.Succeeded);
        Assert.Contains("credentials", job.Message);
        Assert.Contains("vfd_EnreachApiSecret", job.Message);
        Assert.Null(_org.EnreachIdOf(lena));
    }

    [Fact]
    public void RateLimitedOnceWithRetryAfter_Should_RetryAndSucceed()
    {
        var enreachId = EnreachUser("mia@contoso.test");
        _enreach.Faults.TooManyRequests(times: 1, retryAfter: TimeSpan.FromSeconds(1), only: EnreachEmulatorEndpoint.Users);

        var mia = _org.VoiceUser("Mia", "mia@contoso.test");

        Assert.Equal(enreachId, _org.EnreachIdOf(mia));
        Assert.Equal(2, UsersRequests);
        Assert.All(_org.Org.SystemJobs, j => Assert.True(j.Succeeded));
    }

    [Fact]
    public void ServerErrorsBeyondTheTimeBudget_Should_FailTheSystemJobAsUnavailable()
    {
        EnreachUser("nils@contoso.test");
        _enreach.Faults.ServerError();

        var nils = _org.VoiceUser("Nils", "nils@contoso.test");

        var job = Assert.Single(_org.Org.SystemJobs, j => !j.Succeeded);
        Assert.StartsWith("Enreach user ids were not updated:", job.Message);
        Assert.Contains("500", job.Message);
        Assert.InRange(UsersRequests, 2, 10);
        Assert.Null(_org.EnreachIdOf(nils));
    }

    [Fact]
    public void MalformedAnswer_Should_FailTheSystemJobAsMalformed()
    {
        EnreachUser("olga@contoso.test");
        _enreach.Faults.Malformed();

        var olga = _org.VoiceUser("Olga", "olga@contoso.test");

        var job = Assert.Single(_org.Org.SystemJobs, j => !j.Succeeded);
        Assert.Contains("not valid JSON", job.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Null(_org.EnreachIdOf(olga));
    }

    [Fact]
    public void EveryFailure_Should_KeepTheSecretOutOfTracesAndMessages()
    {
        EnreachUser("pia@contoso.test");
        _org.VoiceUser("Pia", "pia@contoso.test");
        _enreach.Faults.Unauthorized(times: 1);
        _org.VoiceUser("Pia Two", "pia2@contoso.test");
        var messages = new List<string>();
        foreach (var fail in new Action[] { () => _enreach.Faults.Unauthorized(), () => _enreach.Faults.ServerError(), () => _enreach.Faults.Malformed() })
        {
            _enreach.Faults.Clear();
            fail();
            messages.Add(Assert.Throws<FaultException<OrganizationServiceFault>>(() => _org.UpdateAll()).Detail.Message);
        }
        _enreach.Faults.Clear();

        var everything = _org.AllText() + string.Join("\n", messages);
        Assert.NotEmpty(_org.Org.Traces);
        Assert.DoesNotContain(_enreach.ApiSecret, everything);
    }

    [Fact]
    public void UpdateAllTwice_Should_WriteOnlyChangedUsersThenNothing()
    {
        var ids = Enumerable.Range(1, 3).Select(i => EnreachUser($"agent{i}@contoso.test")).ToList();
        var team = _org.Team("Agents", withVoiceUserRole: false);
        var agents = Enumerable.Range(1, 4).Select(i => _org.User($"Agent {i}", $"agent{i}@contoso.test")).ToList();
        _org.GiveVoiceUserRole(agents[0]);
        foreach (var agent in agents.Skip(1)) _org.Join(team, agent);
        _enreach.Requests.Reset();
        _org.GiveVoiceUserRoleToTeam(team);
        _org.Service.Update(new Entity(Core.Schema.SystemUser.EntityName, agents[1]) { [Core.Schema.SystemUser.EnreachUserId] = Guid.NewGuid().ToString() });
        _org.Org.Requests.Reset();

        var first = _org.UpdateAll();
        var updatesInFirstRun = _org.Org.Requests.Of(Core.Schema.MessageNames.Update);
        var second = _org.UpdateAll();

        Assert.Equal((1, 2, 0, 1), ((int)first[UpdateEnreachUserIdsApi.Updated]!, (int)first[UpdateEnreachUserIdsApi.Unchanged]!, (int)first[UpdateEnreachUserIdsApi.Cleared]!, (int)first[UpdateEnreachUserIdsApi.NotFound]!));
        Assert.Equal(1, updatesInFirstRun);
        Assert.Equal((0, 3), ((int)second[UpdateEnreachUserIdsApi.Updated]!, (int)second[UpdateEnreachUserIdsApi.Unchanged]!));
        Assert.Equal(ids[1], _org.EnreachIdOf(agents[1]));
        Assert.Equal(1, _org.Org.Requests.Of(Core.Schema.MessageNames.Update));
    }

    [Fact]
    public void UpdateAllWhileEnreachRejectsCredentials_Should_ReturnAClearErrorAndWriteNothing()
    {
        EnreachUser("quinn@contoso.test");
        var quinn = _org.User("Quinn", "quinn@contoso.test");
        _enreach.Faults.Unauthorized();
        _org.GiveVoiceUserRole(quinn);
        _org.Org.Requests.Reset();

        var fault = Assert.Throws<FaultException<OrganizationServiceFault>>(() => _org.UpdateAll());

        Assert.StartsWith("Enreach user ids were not updated:", fault.Detail.Message);
        Assert.Equal(0, _org.Org.Requests.Of(Core.Schema.MessageNames.Update));
    }
}
