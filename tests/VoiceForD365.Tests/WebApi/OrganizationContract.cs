using System.ServiceModel;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using VoiceForD365.Core.Schema;
using VoiceForD365.Core.Settings;
using VoiceForD365.Emulator;
using VoiceForD365.LocalOrg;
using VoiceForD365.LocalOrg.Samples;
using VoiceForD365.Plugins;
using VoiceForD365.Plugins.Users;
using Xunit;

namespace VoiceForD365.Tests.WebApi;

/// <summary>
/// The contract of IOrganizationService as the product uses it (SPEC C9): the same scenarios run against the local
/// organization in process (<see cref="InProcessContractTests"/>) and through the Web API client against the local
/// organization served over HTTP on 127.0.0.1 (<see cref="OverHttpContractTests"/>), and must give the same results.
/// </summary>
public abstract class OrganizationContract : IDisposable
{
    private EnreachEmulator? _enreach;

    protected OrganizationContract()
    {
        Org = new LocalOrganization(new LocalOrganizationOptions { PluginAssemblies = [typeof(PluginBase).Assembly] });
    }

    /// <summary>The organization behind the service (seed and inspect it in process).</summary>
    protected LocalOrganization Org { get; }

    /// <summary>The service under test.</summary>
    protected abstract IOrganizationService Service { get; }

    /// <summary>Makes the next requests meet Dataverse's service protection (429 with Retry-After), where there is one.</summary>
    protected abstract void ThrottleNextRequests(int count);

    /// <summary>Checks, where it can be seen, that <paramref name="count"/> throttled answers were retried.</summary>
    protected abstract void AssertThrottledAndRetried(int count);

    /// <summary>Checks, where it can be seen, that the last ExecuteMultiple went as one request.</summary>
    protected abstract void AssertOneBatchRequestSince(Action run);

    private EnreachEmulator Enreach => _enreach ??= EnreachEmulator.Start();

    public virtual void Dispose()
    {
        _enreach?.Dispose();
        GC.SuppressFinalize(this);
    }

    private static FaultException<OrganizationServiceFault> Fault(Action action) => Assert.Throws<FaultException<OrganizationServiceFault>>(action);

    private Guid NewAccount(string name = "Contoso Oy") => Service.Create(new Entity(Account.EntityName) { [Account.Name] = name });

    [Fact]
    public void CreateAndRetrieveWithEveryValueType_Should_ReadBackTheSameValues()
    {
        var contact = Service.Create(new Entity(Contact.EntityName) { [Contact.FirstName] = "Liisa", [Contact.LastName] = "Mäkinen" });
        var id = Service.Create(new Entity(Account.EntityName)
        {
            [Account.Name] = "Contoso Oy",
            [Account.Telephone1] = "+358 9 4242 1000",
            ["revenue"] = new Money(1250000.50m),
            ["numberofemployees"] = 42,
            ["industrycode"] = new OptionSetValue(3),
            [Account.PrimaryContactId] = new EntityReference(Contact.EntityName, contact),
        });

        var account = Service.Retrieve(Account.EntityName, id, new ColumnSet(Account.Name, Account.Telephone1, "revenue", "numberofemployees", "industrycode", Account.PrimaryContactId));

        Assert.Equal(id, account.Id);
        Assert.Equal("Contoso Oy", account[Account.Name]);
        Assert.Equal("+358 9 4242 1000", account[Account.Telephone1]);
        Assert.Equal(new Money(1250000.50m), account["revenue"]);
        Assert.Equal(42, account["numberofemployees"]);
        Assert.Equal(new OptionSetValue(3), account["industrycode"]);
        Assert.Equal(new EntityReference(Contact.EntityName, contact), account[Account.PrimaryContactId]);
    }

    [Fact]
    public void PhoneCallWithPartiesDatesAndLookups_Should_ReadBackPartiesWithTheirTables()
    {
        var user = Service.Create(new Entity(SystemUser.EntityName) { [SystemUser.FullName] = "Aino Virtanen", [SystemUser.IsDisabled] = false });
        var contact = Service.Create(new Entity(Contact.EntityName) { [Contact.LastName] = "Nieminen" });
        var profile = Service.Create(new Entity(CallbackProfile.EntityName) { [CallbackProfile.Name] = "Support" });
        var started = new DateTime(2025, 3, 14, 9, 26, 53, DateTimeKind.Utc);
        var id = Service.Create(new Entity(PhoneCall.EntityName)
        {
            [PhoneCall.Subject] = "Incoming call from +358 40 123 4567",
            [PhoneCall.PhoneNumber] = "+358 40 123 4567",
            [PhoneCall.DirectionCode] = false,
            [PhoneCall.ActualStart] = started,
            [PhoneCall.ActualDurationMinutes] = 7,
            [PhoneCall.CallType] = new OptionSetValue(CallType.Direct),
            [PhoneCall.CallbackProfileId] = new EntityReference(CallbackProfile.EntityName, profile),
            [PhoneCall.RegardingObjectId] = new EntityReference(Contact.EntityName, contact),
            [PhoneCall.From] = Parties(new EntityReference(Contact.EntityName, contact)),
            [PhoneCall.To] = Parties(new EntityReference(SystemUser.EntityName, user)),
        });

        var call = Service.Retrieve(PhoneCall.EntityName, id, new ColumnSet(PhoneCall.Subject, PhoneCall.DirectionCode, PhoneCall.ActualStart, PhoneCall.ActualDurationMinutes,
            PhoneCall.CallType, PhoneCall.CallbackProfileId, PhoneCall.RegardingObjectId, PhoneCall.From, PhoneCall.To));

        Assert.Equal("Incoming call from +358 40 123 4567", call[PhoneCall.Subject]);
        Assert.False((bool)call[PhoneCall.DirectionCode]!);
        Assert.Equal(started, call.GetAttributeValue<DateTime>(PhoneCall.ActualStart).ToUniversalTime());
        Assert.Equal(7, call[PhoneCall.ActualDurationMinutes]);
        Assert.Equal(new OptionSetValue(CallType.Direct), call[PhoneCall.CallType]);
        Assert.Equal(new EntityReference(CallbackProfile.EntityName, profile), call[PhoneCall.CallbackProfileId]);
        Assert.Equal(new EntityReference(Contact.EntityName, contact), call[PhoneCall.RegardingObjectId]);
        Assert.Equal([new EntityReference(Contact.EntityName, contact)], PartyIds(call, PhoneCall.From));
        Assert.Equal([new EntityReference(SystemUser.EntityName, user)], PartyIds(call, PhoneCall.To));
    }

    private static EntityCollection Parties(params EntityReference[] parties) =>
        new(parties.Select(p => new Entity(ActivityParty.EntityName) { [ActivityParty.PartyId] = p }).ToList());

    private static List<EntityReference> PartyIds(Entity activity, string column) =>
        activity.GetAttributeValue<EntityCollection>(column).Entities.Select(p => p.GetAttributeValue<EntityReference>(ActivityParty.PartyId)).ToList();

    [Fact]
    public void UpdateThenDelete_Should_ChangeTheRowThenRefuseToRetrieveIt()
    {
        var id = NewAccount();
        Service.Update(new Entity(Account.EntityName, id) { [Account.Name] = "Contoso Oyj", [Account.Telephone1] = null });

        Assert.Equal("Contoso Oyj", Service.Retrieve(Account.EntityName, id, new ColumnSet(Account.Name))[Account.Name]);
        Service.Delete(Account.EntityName, id);
        var fault = Fault(() => Service.Retrieve(Account.EntityName, id, new ColumnSet(Account.Name)));
        Assert.Equal(ErrorCodes.ObjectDoesNotExist, fault.Detail.ErrorCode);
    }

    [Fact]
    public void UpdateOfAMissingRow_Should_FailAsNotFoundAndCreateNothing()
    {
        var missing = Guid.NewGuid();

        var fault = Fault(() => Service.Update(new Entity(Account.EntityName, missing) { [Account.Name] = "Ghost" }));

        Assert.Equal(ErrorCodes.ObjectDoesNotExist, fault.Detail.ErrorCode);
        Assert.Empty(Org.Service.RetrieveMultiple(new QueryExpression(Account.EntityName)).Entities);
    }

    [Fact]
    public void QueryWithLikeInLinksAndAliases_Should_ReturnTheSameRowsAndAliasedValues()
    {
        var contoso = NewAccount("Contoso Oy");
        var fabrikam = NewAccount("Fabrikam AB");
        foreach (var (last, phone, account) in new[] { ("Mäkinen", "+358 9 4242 1001", contoso), ("Nieminen", "+358 9 4242 1002", contoso), ("Johansson", "+46 8 5550 1001", fabrikam) })
            Service.Create(new Entity(Contact.EntityName) { [Contact.LastName] = last, [Contact.Telephone1] = phone, [Contact.ParentCustomerId] = new EntityReference(Account.EntityName, account) });

        var query = new QueryExpression(Contact.EntityName) { ColumnSet = new ColumnSet(Contact.LastName, Contact.ParentCustomerId) };
        query.Criteria.AddCondition(Contact.Telephone1, ConditionOperator.Like, "+358%");
        query.Criteria.AddCondition(Contact.LastName, ConditionOperator.In, "Mäkinen", "Nieminen", "Johansson");
        query.AddOrder(Contact.LastName, OrderType.Descending);
        var link = query.AddLink(Account.EntityName, Contact.ParentCustomerId, Account.PrimaryId);
        link.EntityAlias = "company";
        link.Columns = new ColumnSet(Account.Name);
        var rows = Service.RetrieveMultiple(query).Entities;

        Assert.Equal(["Nieminen", "Mäkinen"], rows.Select(r => (string)r[Contact.LastName]!));
        Assert.All(rows, r => Assert.Equal("Contoso Oy", r.GetAttributeValue<AliasedValue>("company." + Account.Name).Value));
        Assert.All(rows, r => Assert.Equal(Account.EntityName, r.GetAttributeValue<AliasedValue>("company." + Account.Name).EntityLogicalName));
        Assert.All(rows, r => Assert.Equal(new EntityReference(Account.EntityName, contoso), r[Contact.ParentCustomerId]));
    }

    [Fact]
    public void QueryOfAChoice_Should_GiveItsLabelAsFormattedValue()
    {
        Service.Create(new Entity(Account.EntityName) { [Account.Name] = "Contoso Oy", ["industrycode"] = new OptionSetValue(3) });

        var row = Service.RetrieveMultiple(new QueryExpression(Account.EntityName) { ColumnSet = new ColumnSet("industrycode") }).Entities.Single();

        Assert.Equal("Broadcasting", row.FormattedValues["industrycode"]);
    }

    [Fact]
    public void QueryByAttributeAndFetchExpression_Should_FindTheSameRow()
    {
        var id = NewAccount("Northwind Traders Oy");
        NewAccount("Fabrikam AB");
        var byAttribute = new QueryByAttribute(Account.EntityName) { ColumnSet = new ColumnSet(Account.Name) };
        byAttribute.AddAttributeValue(Account.Name, "Northwind Traders Oy");
        var fetch = new FetchExpression($"<fetch><entity name='account'><attribute name='name'/><filter><condition attribute='name' operator='eq' value='Northwind Traders Oy'/></filter></entity></fetch>");

        Assert.Equal(id, Service.RetrieveMultiple(byAttribute).Entities.Single().Id);
        Assert.Equal(id, Service.RetrieveMultiple(fetch).Entities.Single().Id);
    }

    [Fact]
    public void PagingOverMoreThan5000Rows_Should_ReturnEveryRowOnceWithCookiesAndMoreRecords()
    {
        const int rows = 5100;
        for (var i = 0; i < rows; i++) Org.Service.Create(SampleData.GeneratedContact(i));
        var query = new QueryExpression(Contact.EntityName) { ColumnSet = new ColumnSet(Contact.Telephone1), PageInfo = new PagingInfo { Count = 5000, PageNumber = 1 } };
        query.AddOrder(Contact.LastName, OrderType.Ascending);

        var seen = new HashSet<Guid>();
        var pages = new List<(int Count, bool More)>();
        while (true)
        {
            var page = Service.RetrieveMultiple(query);
            pages.Add((page.Entities.Count, page.MoreRecords));
            foreach (var row in page.Entities) Assert.True(seen.Add(row.Id), $"Row {row.Id} came twice.");
            if (!page.MoreRecords) break;
            Assert.False(string.IsNullOrEmpty(page.PagingCookie));
            query.PageInfo.PageNumber++;
            query.PageInfo.PagingCookie = page.PagingCookie;
        }

        Assert.Equal([(5000, true), (100, false)], pages);
        Assert.Equal(rows, seen.Count);
    }

    /// <summary>The phone call's two-column key (CallId, agent) with <paramref name="callId"/> and one agent.</summary>
    private static KeyAttributeCollection CallEventKey(string callId) => new()
    {
        { PhoneCall.EnreachCallId, callId },
        { PhoneCall.EnreachAgentId, "agent-1" },
    };

    [Fact]
    public void UpsertByAlternateKey_Should_CreateThenUpdateTheSameRow()
    {
        var call = new Entity(PhoneCall.EntityName, CallEventKey("call-0001")) { [PhoneCall.Subject] = "Call 1" };

        var first = (UpsertResponse)Service.Execute(new UpsertRequest { Target = call });
        call[PhoneCall.Subject] = "Call 1 (answered)";
        var second = (UpsertResponse)Service.Execute(new UpsertRequest { Target = call });

        Assert.True(first.RecordCreated);
        Assert.False(second.RecordCreated);
        Assert.Equal(first.Target, second.Target);
        Assert.Equal("Call 1 (answered)", Service.Retrieve(PhoneCall.EntityName, first.Target.Id, new ColumnSet(PhoneCall.Subject))[PhoneCall.Subject]);
    }

    [Fact]
    public void CreateByAnExistingAlternateKey_Should_FailAsDuplicateAndLeaveTheRow()
    {
        var id = Service.Create(new Entity(PhoneCall.EntityName, CallEventKey("call-0002")) { [PhoneCall.Subject] = "First" });

        var fault = Fault(() => Service.Create(new Entity(PhoneCall.EntityName, CallEventKey("call-0002")) { [PhoneCall.Subject] = "Second" }));

        Assert.Equal(ErrorCodes.DuplicateRecord, fault.Detail.ErrorCode);
        Assert.Equal("A record with matching key values already exists.", fault.Detail.Message);
        Assert.Equal("First", Service.Retrieve(PhoneCall.EntityName, id, new ColumnSet(PhoneCall.Subject))[PhoneCall.Subject]);
    }

    [Fact]
    public void UpdateByAMissingAlternateKey_Should_FailAsNotFoundAndCreateNothing()
    {
        var fault = Fault(() => Service.Update(new Entity(PhoneCall.EntityName, CallEventKey("call-none")) { [PhoneCall.Subject] = "Ghost" }));

        Assert.Equal(ErrorCodes.ObjectDoesNotExist, fault.Detail.ErrorCode);
        Assert.Empty(Org.Service.RetrieveMultiple(new QueryExpression(PhoneCall.EntityName)).Entities);
    }

    [Fact]
    public void AssociateAndDisassociate_Should_AddThenRemoveTheRole()
    {
        var user = Service.Create(new Entity(SystemUser.EntityName) { [SystemUser.FullName] = "Mikko Korhonen" });
        var role = new EntityReference(Role.EntityName, Org.RoleId(Role.VoiceUser));
        int Roles()
        {
            var query = new QueryExpression(Relationships.SystemUserRolesIntersect) { ColumnSet = new ColumnSet(Role.PrimaryId) };
            query.Criteria.AddCondition(SystemUser.PrimaryId, ConditionOperator.Equal, user);
            return Org.Service.RetrieveMultiple(query).Entities.Count;
        }

        Service.Associate(SystemUser.EntityName, user, new Relationship(Relationships.SystemUserRoles), [role]);
        Assert.Equal(1, Roles());
        Service.Disassociate(SystemUser.EntityName, user, new Relationship(Relationships.SystemUserRoles), [role]);
        Assert.Equal(0, Roles());
    }

    [Fact]
    public void ExecuteMultipleOf1000Creates_Should_CreateThemAllInOneRequest()
    {
        var request = new ExecuteMultipleRequest { Requests = new OrganizationRequestCollection(), Settings = new ExecuteMultipleSettings { ReturnResponses = true } };
        for (var i = 0; i < 1000; i++) request.Requests.Add(new CreateRequest { Target = SampleData.GeneratedContact(i) });

        ExecuteMultipleResponse response = null!;
        AssertOneBatchRequestSince(() => response = (ExecuteMultipleResponse)Service.Execute(request));

        Assert.False(response.IsFaulted);
        Assert.Equal(Enumerable.Range(0, 1000), response.Responses.Select(r => r.RequestIndex));
        var ids = response.Responses.Select(r => ((CreateResponse)r.Response).id).ToHashSet();
        Assert.Equal(1000, ids.Count);
        Assert.Equal(1000, Org.Service.RetrieveMultiple(new QueryExpression(Contact.EntityName)).Entities.Count);
    }

    [Fact]
    public void ExecuteMultipleContinuingOnError_Should_ReportTheFaultOfTheFailedRequestOnly()
    {
        var request = new ExecuteMultipleRequest { Requests = new OrganizationRequestCollection(), Settings = new ExecuteMultipleSettings { ContinueOnError = true, ReturnResponses = false } };
        request.Requests.Add(new CreateRequest { Target = new Entity(Account.EntityName) { [Account.Name] = "One" } });
        request.Requests.Add(new UpdateRequest { Target = new Entity(Account.EntityName, Guid.NewGuid()) { [Account.Name] = "Missing" } });
        request.Requests.Add(new CreateRequest { Target = new Entity(Account.EntityName) { [Account.Name] = "Three" } });

        var response = (ExecuteMultipleResponse)Service.Execute(request);

        Assert.True(response.IsFaulted);
        var item = Assert.Single(response.Responses);
        Assert.Equal(1, item.RequestIndex);
        Assert.Equal(ErrorCodes.ObjectDoesNotExist, item.Fault.ErrorCode);
        Assert.Equal(2, Org.Service.RetrieveMultiple(new QueryExpression(Account.EntityName)).Entities.Count);
    }

    [Fact]
    public void ExecuteTransactionWithAFailingRequest_Should_RollBackEveryRequest()
    {
        var request = new ExecuteTransactionRequest { Requests = new OrganizationRequestCollection() };
        request.Requests.Add(new CreateRequest { Target = new Entity(Account.EntityName) { [Account.Name] = "Rolled back" } });
        request.Requests.Add(new UpdateRequest { Target = new Entity(Account.EntityName, Guid.NewGuid()) { [Account.Name] = "Missing" } });

        var fault = Fault(() => Service.Execute(request));

        Assert.Equal(ErrorCodes.ObjectDoesNotExist, fault.Detail.ErrorCode);
        Assert.Empty(Org.Service.RetrieveMultiple(new QueryExpression(Account.EntityName)).Entities);
    }

    [Fact]
    public void PluginValidationError_Should_ArriveAsTheSameFault()
    {
        var setting = new Entity(VoiceSetting.EntityName) { [VoiceSetting.Name] = SettingNames.CallStartMargin, [VoiceSetting.GroupName] = "PhoneCallSync", [VoiceSetting.Value] = "fifteen" };

        var fault = Fault(() => Service.Create(setting));
        var inProcess = Fault(() => Org.Service.Create(setting));

        Assert.Equal(inProcess.Detail.ErrorCode, fault.Detail.ErrorCode);
        Assert.Equal(inProcess.Detail.Message, fault.Detail.Message);
        Assert.Contains("'fifteen'", fault.Detail.Message);
        Assert.Empty(Org.Service.RetrieveMultiple(new QueryExpression(VoiceSetting.EntityName)).Entities);
    }

    [Fact]
    public void UpdateEnreachUserIdsCustomApi_Should_UpdateTheVoiceUserAndReportTheCounts()
    {
        var enreachId = Guid.NewGuid();
        Enreach.Users.Add(new EnreachEmulatorUser(enreachId, "aino.virtanen@contoso.test", "Aino", "Virtanen"));
        EnvironmentVariableValues.SetEnreach(Org.Service, Enreach.ApiUserName, Enreach.ApiSecret, Enreach.ApiEndpoint);
        var user = Org.Service.Create(new Entity(SystemUser.EntityName) { [SystemUser.FullName] = "Aino Virtanen", [SystemUser.InternalEmailAddress] = "aino.virtanen@contoso.test" });
        Org.Service.Associate(SystemUser.EntityName, user, new Relationship(Relationships.SystemUserRoles), [new EntityReference(Role.EntityName, Org.RoleId(Role.VoiceUser))]);
        Org.Service.Update(new Entity(SystemUser.EntityName, user) { [SystemUser.EnreachUserId] = null });

        var response = Service.Execute(new OrganizationRequest(UpdateEnreachUserIdsApi.Name));

        Assert.Equal(1, response[UpdateEnreachUserIdsApi.Updated]);
        Assert.Equal(0, response[UpdateEnreachUserIdsApi.Unchanged]);
        Assert.Equal(0, response[UpdateEnreachUserIdsApi.Remaining]);
        Assert.Equal(enreachId, EnreachUserIdColumn.Read(Org.Service.Retrieve(SystemUser.EntityName, user, new ColumnSet(SystemUser.EnreachUserId))));
    }

    [Fact]
    public void WhoAmIAssignAndAddToQueue_Should_AnswerAndChangeTheSameWay()
    {
        var me = Service.Execute(new OrganizationRequest(MessageNames.WhoAmI));
        var queue = Service.Create(new Entity(Queue.EntityName) { [Queue.Name] = "Callbacks" });
        var team = Service.Create(new Entity(Team.EntityName) { [Team.Name] = "Service Desk" });
        var call = Service.Create(new Entity(PhoneCall.EntityName) { [PhoneCall.Subject] = "Callback request" });

        Service.Execute(new OrganizationRequest(MessageNames.Assign) { [ParameterNames.Target] = new EntityReference(PhoneCall.EntityName, call), [ParameterNames.Assignee] = new EntityReference(Team.EntityName, team) });
        var added = Service.Execute(new OrganizationRequest(MessageNames.AddToQueue) { [ParameterNames.Target] = new EntityReference(PhoneCall.EntityName, call), [ParameterNames.DestinationQueueId] = queue });

        Assert.Equal(Org.AdministratorId, me[ParameterNames.UserId]);
        Assert.Equal(Org.OrganizationId, me[ParameterNames.OrganizationId]);
        Assert.Equal(new EntityReference(Team.EntityName, team), Org.Service.Retrieve(PhoneCall.EntityName, call, new ColumnSet(PhoneCall.OwnerId))[PhoneCall.OwnerId]);
        var item = Org.Service.Retrieve(QueueItem.EntityName, (Guid)added[ParameterNames.QueueItemId]!, new ColumnSet(QueueItem.QueueId, QueueItem.ObjectId));
        Assert.Equal(queue, item.GetAttributeValue<EntityReference>(QueueItem.QueueId).Id);
        Assert.Equal(new EntityReference(PhoneCall.EntityName, call), item[QueueItem.ObjectId]);
    }

    [Fact]
    public void RetrieveEnvironmentVariableSecretValue_Should_GiveTheSecret()
    {
        EnvironmentVariableValues.Set(Org.Service, Core.Enreach.EnreachEnvironmentVariables.ApiSecret, "s3cret-value");

        var response = Service.Execute(new OrganizationRequest(MessageNames.RetrieveEnvironmentVariableSecretValue) { [ParameterNames.EnvironmentVariableName] = Core.Enreach.EnreachEnvironmentVariables.ApiSecret });

        Assert.Equal("s3cret-value", response[ParameterNames.EnvironmentVariableSecretValue]);
    }

    [Fact]
    public void ServiceProtectionLimit_Should_BeWaitedOutAndTheRequestSucceed()
    {
        ThrottleNextRequests(2);

        var id = NewAccount("Throttled Oy");

        Assert.Equal("Throttled Oy", Org.Service.Retrieve(Account.EntityName, id, new ColumnSet(Account.Name))[Account.Name]);
        AssertThrottledAndRetried(2);
    }

    [Fact]
    public void UpdateWithTheCurrentRowVersion_Should_SucceedAndChangeTheVersion()
    {
        var id = NewAccount();
        var read = Service.Retrieve(Account.EntityName, id, new ColumnSet(Account.Name));

        Service.Execute(new UpdateRequest { Target = new Entity(Account.EntityName, id) { RowVersion = read.RowVersion, [Account.Name] = "Leased" }, ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches });
        var after = Service.Retrieve(Account.EntityName, id, new ColumnSet(Account.Name));

        Assert.False(string.IsNullOrEmpty(read.RowVersion));
        Assert.NotEqual(read.RowVersion, after.RowVersion);
        Assert.Equal("Leased", after[Account.Name]);
    }

    [Fact]
    public void UpdateAndDeleteWithAStaleRowVersion_Should_FailAsConcurrencyMismatchAndChangeNothing()
    {
        var id = NewAccount();
        var stale = Service.Retrieve(Account.EntityName, id, new ColumnSet(Account.Name)).RowVersion;
        Service.Update(new Entity(Account.EntityName, id) { [Account.Name] = "Taken by another worker" });

        var update = Fault(() => Service.Execute(new UpdateRequest { Target = new Entity(Account.EntityName, id) { RowVersion = stale, [Account.Name] = "Mine" }, ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches }));
        var delete = Fault(() => Service.Execute(new DeleteRequest { Target = new EntityReference(Account.EntityName, id) { RowVersion = stale }, ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches }));

        Assert.Equal(ErrorCodes.ConcurrencyVersionMismatch, update.Detail.ErrorCode);
        Assert.Equal(ErrorCodes.ConcurrencyVersionMismatch, delete.Detail.ErrorCode);
        Assert.Equal("Taken by another worker", Service.Retrieve(Account.EntityName, id, new ColumnSet(Account.Name))[Account.Name]);
    }

    [Fact]
    public void UpdateIfRowVersionMatchesWithoutAVersion_Should_FailAsVersionNotProvided()
    {
        var id = NewAccount();

        var fault = Fault(() => Service.Execute(new UpdateRequest { Target = new Entity(Account.EntityName, id) { [Account.Name] = "No version" }, ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches }));

        Assert.Equal(ErrorCodes.ConcurrencyVersionNotProvided, fault.Detail.ErrorCode);
    }
}

public sealed class InProcessContractTests : OrganizationContract
{
    protected override IOrganizationService Service => Org.Service;

    protected override void ThrottleNextRequests(int count)
    {
        // The local organization has no service protection: the scenario's outcome is what is compared.
    }

    protected override void AssertThrottledAndRetried(int count)
    {
    }

    protected override void AssertOneBatchRequestSince(Action run) => run();
}

public sealed class OverHttpContractTests : OrganizationContract
{
    private readonly LocalOrgServer.LocalOrgServer _server;
    private readonly WebApiClient.DataverseWebApiClient _client;

    public OverHttpContractTests()
    {
        _server = LocalOrgServer.LocalOrgServer.Start(Org);
        _client = new WebApiClient.DataverseWebApiClient(_server.ConnectionString);
    }

    protected override IOrganizationService Service => _client;

    protected override void ThrottleNextRequests(int count) => _server.Faults.TooManyRequests(count, TimeSpan.FromSeconds(1));

    protected override void AssertThrottledAndRetried(int count) =>
        Assert.Equal(count, _server.Requests.Log.Count(r => r.Status == 429));

    protected override void AssertOneBatchRequestSince(Action run)
    {
        _server.Requests.Reset();
        run();
        // Besides reading a table's metadata once, the batch is one request.
        var requests = _server.Requests.Log.Select(r => $"{r.Method} {r.PathAndQuery[LocalOrgServer.LocalOrgServer.WebApiPath.Length..]}");
        Assert.Equal(["POST $batch"], requests.Where(r => !r.StartsWith("GET EntityDefinitions(", StringComparison.Ordinal)));
    }

    public override void Dispose()
    {
        _client.Dispose();
        _server.Dispose();
        base.Dispose();
    }
}
