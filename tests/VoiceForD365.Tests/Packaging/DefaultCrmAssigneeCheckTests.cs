using Microsoft.Xrm.Sdk;
using VoiceForD365.Core.Schema;
using VoiceForD365.Core.Settings;
using VoiceForD365.Tests.Settings;
using Xunit;

namespace VoiceForD365.Tests.Packaging;

/// <summary>What the package says after import about DefaultCrmAssignee (SPEC C5: required), against the local organization.</summary>
public class DefaultCrmAssigneeCheckTests
{
    private static readonly Guid EnreachId = new("fbc423f5-74f9-e911-80e0-00505689257e");

    private readonly SettingOrg _org = new();

    private Guid User(string name, Guid? enreachId) =>
        _org.Org.Builder.CreateUser(new Entity(SystemUser.EntityName) { [SystemUser.FullName] = name, [SystemUser.EnreachUserId] = EnreachUserIdColumn.Value(enreachId) }).Id;

    [Fact]
    public void SettingWithoutAValue_Should_SayToSetItToTheEnreachIdOfTheFallbackOwner()
    {
        _org.Create(SettingNames.DefaultCrmAssignee, null);

        var message = DefaultCrmAssigneeCheck.Check(_org.Service);

        Assert.NotNull(message);
        Assert.StartsWith("DefaultCrmAssignee is not set. Set DefaultCrmAssignee to the Enreach id of the fallback owner: ", message);
    }

    [Fact]
    public void SettingWithTheEnreachIdOfAUser_Should_BeSilent()
    {
        User("Voice API User", EnreachId);
        _org.Create(SettingNames.DefaultCrmAssignee, EnreachId.ToString());

        Assert.Null(DefaultCrmAssigneeCheck.Check(_org.Service));
    }

    [Fact]
    public void SettingWithAValueThatIsNotAGuid_Should_SaySoWithTheValue()
    {
        // Written before the validation plug-in existed.
        var org = new SettingOrg(withValidation: false);
        org.Create(SettingNames.DefaultCrmAssignee, "api user");

        var message = DefaultCrmAssigneeCheck.Check(org.Service);

        Assert.StartsWith("DefaultCrmAssignee is 'api user', which is not a GUID. Set DefaultCrmAssignee to the Enreach id of the fallback owner: ", message);
    }

    [Fact]
    public void SettingWithTheDynamicsIdOfAUser_Should_SayItMustBeTheirEnreachId()
    {
        var user = User("Voice API User", EnreachId);
        _org.Create(SettingNames.DefaultCrmAssignee, user.ToString());

        var message = DefaultCrmAssigneeCheck.Check(_org.Service);

        Assert.Contains($"the Dynamics id of Voice API User; it must be an Enreach id (their Enreach User Id is {EnreachId})", message);
    }

    [Fact]
    public void SettingWithAnEnreachIdNoUserHas_Should_SaySo()
    {
        User("Voice API User", null);
        _org.Create(SettingNames.DefaultCrmAssignee, EnreachId.ToString());

        var message = DefaultCrmAssigneeCheck.Check(_org.Service);

        Assert.StartsWith($"DefaultCrmAssignee is {EnreachId}, but no Dynamics user has that Enreach User Id. Set DefaultCrmAssignee", message);
    }

    [Fact]
    public void NoSettingRecord_Should_SayTheSettingIsMissing()
    {
        var message = DefaultCrmAssigneeCheck.Check(_org.Service);

        Assert.StartsWith("There is no Voice for D365 setting named DefaultCrmAssignee", message);
        Assert.Contains(DefaultCrmAssigneeCheck.HowToFix, message);
    }

    [Fact]
    public void SettingWithTheAllZeroGuid_Should_SayItIsNoUsersEnreachId()
    {
        // Written before the validation refused it; a user whose id column holds zeros must not make it acceptable.
        var org = new SettingOrg(withValidation: false);
        org.Service.Create(new Entity(SystemUser.EntityName) { [SystemUser.FullName] = "Imported User", [SystemUser.EnreachUserId] = Guid.Empty.ToString() });
        org.Create(SettingNames.DefaultCrmAssignee, Guid.Empty.ToString());

        var message = DefaultCrmAssigneeCheck.Check(org.Service);

        Assert.StartsWith($"DefaultCrmAssignee is {Guid.Empty}, the all-zero GUID, which is no one's Enreach id. Set DefaultCrmAssignee", message);
    }

    [Fact]
    public void SettingWithTheEnreachIdInLongValue_Should_BeReadAsThePhoneCallSyncReadsIt()
    {
        User("Voice API User", EnreachId);
        _org.Create(SettingNames.DefaultCrmAssignee, value: null, longValue: EnreachId.ToString());

        Assert.Null(DefaultCrmAssigneeCheck.Check(_org.Service));
    }
}
