using System.ServiceModel;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using VoiceForD365.Core.Schema;
using VoiceForD365.LocalOrg;
using Xunit;

namespace VoiceForD365.Tests.LocalOrg;

public class OrganizationServiceTests
{
    private readonly LocalOrganization _org = new();

    private IOrganizationService Service => _org.Service;

    private int FaultCode(Action action) => Assert.Throws<FaultException<OrganizationServiceFault>>(action).Detail.ErrorCode;

    [Fact]
    public void CreateThenRetrieve_Should_ReturnRequestedColumnsWithPlatformColumnsSet()
    {
        var id = Service.Create(new Entity(Contact.EntityName) { [Contact.LastName] = "Virtanen", [Contact.Telephone1] = "+358 40 1" });

        var all = Service.Retrieve(Contact.EntityName, id, new ColumnSet(true));
        var some = Service.Retrieve(Contact.EntityName, id, new ColumnSet(Contact.LastName));

        Assert.Equal(id, all.Id);
        Assert.Equal(_org.AdministratorId, all.GetAttributeValue<EntityReference>(Contact.OwnerId).Id);
        Assert.Equal(0, all.GetAttributeValue<OptionSetValue>("statecode").Value);
        Assert.NotEqual(default, all.GetAttributeValue<DateTime>("createdon"));
        Assert.Equal(["contactid", "lastname"], some.Attributes.Keys.OrderBy(k => k));
    }

    [Fact]
    public void RetrievedEntity_Should_RaiseKeyNotFoundForAbsentColumnAndDefaultFromGetAttributeValue()
    {
        var id = Service.Create(new Entity(Contact.EntityName) { [Contact.LastName] = "Virtanen" });

        var contact = Service.Retrieve(Contact.EntityName, id, new ColumnSet(Contact.LastName));

        Assert.Throws<KeyNotFoundException>(() => contact[Contact.Telephone1]);
        Assert.Null(contact.GetAttributeValue<string>(Contact.Telephone1));
        Assert.Equal(0, contact.GetAttributeValue<int>("numberofchildren"));
    }

    [Fact]
    public void UpdateThenDelete_Should_ChangeAndThenRemoveTheRecord()
    {
        var id = Service.Create(new Entity(Account.EntityName) { [Account.Name] = "Old" });

        Service.Update(new Entity(Account.EntityName, id) { [Account.Name] = "New" });
        Assert.Equal("New", Service.Retrieve(Account.EntityName, id, new ColumnSet(Account.Name))[Account.Name]);

        Service.Delete(Account.EntityName, id);
        Assert.Equal(Faults.ObjectDoesNotExist, FaultCode(() => Service.Retrieve(Account.EntityName, id, new ColumnSet(true))));
    }

    [Fact]
    public void UpdateOfMissingRecord_Should_BeRefusedAsNotExisting()
    {
        Assert.Equal(Faults.ObjectDoesNotExist, FaultCode(() => Service.Update(new Entity(Account.EntityName, Guid.NewGuid()) { [Account.Name] = "x" })));
    }

    [Fact]
    public void UnknownColumn_Should_BeRefusedAndNothingCreated()
    {
        Assert.Equal(Faults.AttributeNotFound, FaultCode(() => Service.Create(new Entity(Contact.EntityName) { ["new_shoesize"] = 42 })));
        Assert.Empty(Service.RetrieveMultiple(new QueryExpression(Contact.EntityName)).Entities);
    }

    [Fact]
    public void UnknownTable_Should_BeRefused()
    {
        Assert.Equal(Faults.EntityNotFound, FaultCode(() => Service.Create(new Entity("new_unknown") { ["new_name"] = "x" })));
    }

    [Fact]
    public void ValueOfWrongType_Should_BeRefusedNamingTheType()
    {
        var fault = Assert.Throws<FaultException<OrganizationServiceFault>>(() =>
            Service.Create(new Entity(CallbackProfile.EntityName) { [CallbackProfile.Name] = "p", [CallbackProfile.CallbackAge] = "7" }));

        Assert.Equal(Faults.InvalidArgument, fault.Detail.ErrorCode);
        Assert.Contains("System.String", fault.Detail.Message);
    }

    [Fact]
    public void LookupToTableItCannotTarget_Should_BeRefused()
    {
        var contactId = Service.Create(new Entity(Contact.EntityName) { [Contact.LastName] = "x" });

        Assert.Equal(Faults.InvalidArgument, FaultCode(() =>
            Service.Create(new Entity(CallbackProfile.EntityName) { [CallbackProfile.QueueId] = new EntityReference(Contact.EntityName, contactId) })));
    }

    [Fact]
    public void ChoiceValueOutsideItsOptions_Should_BeRefused()
    {
        Assert.Equal(Faults.InvalidArgument, FaultCode(() =>
            Service.Create(new Entity(CallbackProfile.EntityName) { [CallbackProfile.AgeTimeUnit] = new OptionSetValue(7) })));
    }

    [Fact]
    public void TextLongerThanColumn_Should_BeRefused()
    {
        Assert.Equal(Faults.InvalidArgument, FaultCode(() =>
            Service.Create(new Entity(Contact.EntityName) { [Contact.Telephone1] = new string('1', 51) })));
    }

    [Fact]
    public void SolutionColumnsOnStandardTables_Should_BeAccepted()
    {
        var id = Service.Create(new Entity(SystemUser.EntityName) { [SystemUser.FullName] = "Agent", [SystemUser.EnreachUserId] = Guid.NewGuid().ToString(), [SystemUser.EnreachUserEmail] = "agent@example.com" });

        Assert.Equal("agent@example.com", Service.Retrieve(SystemUser.EntityName, id, new ColumnSet(SystemUser.EnreachUserEmail))[SystemUser.EnreachUserEmail]);
    }

    [Fact]
    public void SecondRecordWithSameAlternateKey_Should_BeRefusedAsDuplicate()
    {
        Service.Create(new Entity(PhoneCall.EntityName) { [PhoneCall.EnreachCallId] = "call-1", [PhoneCall.EnreachAgentId] = "agent-1" });
        Service.Create(new Entity(PhoneCall.EntityName) { [PhoneCall.EnreachCallId] = "call-1", [PhoneCall.EnreachAgentId] = "agent-2" });

        Assert.Equal(Faults.DuplicateRecordEntityKey, FaultCode(() => Service.Create(new Entity(PhoneCall.EntityName) { [PhoneCall.EnreachCallId] = "CALL-1", [PhoneCall.EnreachAgentId] = "AGENT-1" })));
    }

    [Fact]
    public void UpsertByAlternateKey_Should_CreateOnceThenUpdate()
    {
        UpsertResponse Upsert(string value) => (UpsertResponse)Service.Execute(new UpsertRequest
        {
            Target = new Entity(VoiceSetting.EntityName, VoiceSetting.Name, "CallDurationLimit") { [VoiceSetting.Value] = value },
        });

        var first = Upsert("10");
        var second = Upsert("20");

        Assert.True(first.RecordCreated);
        Assert.False(second.RecordCreated);
        Assert.Equal(first.Target.Id, second.Target.Id);
        var setting = Assert.Single(Service.RetrieveMultiple(new QueryExpression(VoiceSetting.EntityName) { ColumnSet = new ColumnSet(true) }).Entities);
        Assert.Equal("CallDurationLimit", setting[VoiceSetting.Name]);
        Assert.Equal("20", setting[VoiceSetting.Value]);
    }

    [Fact]
    public void UpdateByAlternateKey_Should_UpdateTheKeyedRecord()
    {
        var id = Service.Create(new Entity(VoiceSetting.EntityName) { [VoiceSetting.Name] = "EnableAudit", [VoiceSetting.Value] = "false" });

        Service.Update(new Entity(VoiceSetting.EntityName, VoiceSetting.Name, "EnableAudit") { [VoiceSetting.Value] = "true" });

        Assert.Equal("true", Service.Retrieve(VoiceSetting.EntityName, id, new ColumnSet(VoiceSetting.Value))[VoiceSetting.Value]);
    }

    [Fact]
    public void AssociateRoleToUser_Should_LinkThemUntilDisassociated()
    {
        var user = Service.Create(new Entity(SystemUser.EntityName) { [SystemUser.FullName] = "Agent" });
        var role = Service.Create(new Entity(Role.EntityName) { [Role.Name] = Role.VoiceUser });
        var relationship = new Relationship(Relationships.SystemUserRoles);
        int RoleCount() => Service.RetrieveMultiple(new QueryByAttribute(Relationships.SystemUserRolesIntersect) { Attributes = { SystemUser.PrimaryId }, Values = { user } }).Entities.Count;

        Service.Associate(SystemUser.EntityName, user, relationship, [new EntityReference(Role.EntityName, role)]);
        Assert.Equal(1, RoleCount());
        Assert.Equal(Faults.DuplicateRecord, FaultCode(() => Service.Associate(Role.EntityName, role, relationship, [new EntityReference(SystemUser.EntityName, user)])));

        Service.Disassociate(SystemUser.EntityName, user, relationship, [new EntityReference(Role.EntityName, role)]);
        Assert.Equal(0, RoleCount());
    }

    [Fact]
    public void AssociateWithMissingRecord_Should_BeRefused()
    {
        var user = Service.Create(new Entity(SystemUser.EntityName) { [SystemUser.FullName] = "Agent" });

        Assert.Equal(Faults.ObjectDoesNotExist, FaultCode(() =>
            Service.Associate(SystemUser.EntityName, user, new Relationship(Relationships.TeamMembership), [new EntityReference(Team.EntityName, Guid.NewGuid())])));
    }

    [Fact]
    public void Assign_Should_ChangeTheOwnerToTheTeam()
    {
        var team = Service.Create(new Entity(Team.EntityName) { [Team.Name] = "Service desk" });
        var call = Service.Create(new Entity(PhoneCall.EntityName) { [PhoneCall.Subject] = "Callback" });

        Service.Execute(new OrganizationRequest(MessageNames.Assign) { ["Target"] = new EntityReference(PhoneCall.EntityName, call), ["Assignee"] = new EntityReference(Team.EntityName, team) });

        var owner = Service.Retrieve(PhoneCall.EntityName, call, new ColumnSet(PhoneCall.OwnerId)).GetAttributeValue<EntityReference>(PhoneCall.OwnerId);
        Assert.Equal((Team.EntityName, team), (owner.LogicalName, owner.Id));
    }

    [Fact]
    public void AddToQueueTwice_Should_MoveTheSingleQueueItem()
    {
        var first = Service.Create(new Entity(Queue.EntityName) { [Queue.Name] = "First" });
        var second = Service.Create(new Entity(Queue.EntityName) { [Queue.Name] = "Second" });
        var call = Service.Create(new Entity(PhoneCall.EntityName) { [PhoneCall.Subject] = "Callback" });
        OrganizationRequest AddTo(Guid queue) => new(MessageNames.AddToQueue) { ["Target"] = new EntityReference(PhoneCall.EntityName, call), ["DestinationQueueId"] = queue };

        var itemId = (Guid)Service.Execute(AddTo(first))["QueueItemId"]!;
        Service.Execute(AddTo(second));

        var item = Assert.Single(Service.RetrieveMultiple(new QueryExpression(QueueItem.EntityName) { ColumnSet = new ColumnSet(true) }).Entities);
        Assert.Equal(itemId, item.Id);
        Assert.Equal(second, item.GetAttributeValue<EntityReference>(QueueItem.QueueId).Id);
    }

    [Fact]
    public void WhoAmI_Should_ReturnTheCallingUser()
    {
        var user = Service.Create(new Entity(SystemUser.EntityName) { [SystemUser.FullName] = "Agent" });

        var response = _org.ServiceAs(user).Execute(new OrganizationRequest(MessageNames.WhoAmI));

        Assert.Equal(user, response["UserId"]);
        Assert.Equal(_org.OrganizationId, response["OrganizationId"]);
    }
}
