using System.Net;
using System.ServiceModel;
using System.Text;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using Microsoft.Extensions.Logging;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using VoiceForD365.Core.Schema;
using VoiceForD365.WebApiClient.Authentication;
using VoiceForD365.WebApiClient.Batch;
using VoiceForD365.WebApiClient.Faults;
using VoiceForD365.WebApiClient.Http;
using VoiceForD365.WebApiClient.Json;
using VoiceForD365.WebApiClient.Metadata;
using VoiceForD365.WebApiClient.Query;

namespace VoiceForD365.WebApiClient;

/// <summary>
/// IOrganizationService over the Dataverse Web API v9.2, so that Core's logic runs unchanged against a real
/// organization (or <c>vfd serve</c>). Every message the product sends is translated to its Web API request and the
/// answer back to the SDK's response; errors arrive as FaultException&lt;OrganizationServiceFault&gt; with Dataverse's
/// error code. Thread-safe; create one per organization and keep it (it caches the sign-in and the metadata).
/// <code>
/// using var service = new DataverseWebApiClient("AuthType=ClientSecret;Url=https://contoso.crm4.dynamics.com;ClientId=…;ClientSecret=…");
/// var me = service.Execute(new OrganizationRequest("WhoAmI"));
/// </code>
/// </summary>
public sealed class DataverseWebApiClient : IOrganizationService, IDisposable
{
    /// <summary>The most requests one ExecuteMultipleRequest (one $batch) may hold.</summary>
    public const int MaxBatchSize = 1000;

    private const string Annotations = "odata.include-annotations=\"*\"";

    /// <summary>Longer GET URLs are sent in a $batch (Dataverse's URL limit is about 32 KB outside one).</summary>
    private const int MaxUrlLength = 16 * 1024;

    private readonly DataverseConnectionString _connection;
    private readonly DataverseWebApiClientOptions _options;
    private readonly HttpMessageHandler _handler;
    private readonly WebApiHttp _http;
    private readonly WebApiMetadataCache _metadata;

    /// <param name="connectionString">See <see cref="DataverseConnectionString"/>.</param>
    /// <exception cref="ArgumentException">The connection string is not usable; the message says why (never with a secret).</exception>
    public DataverseWebApiClient(string connectionString, DataverseWebApiClientOptions? options = null)
        : this(DataverseConnectionString.Parse(connectionString), options)
    {
    }

    public DataverseWebApiClient(DataverseConnectionString connection, DataverseWebApiClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _connection = connection;
        _options = options ?? new DataverseWebApiClientOptions();
        _handler = _options.HttpHandler ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        IAccessTokenProvider tokens = connection.AuthType == DataverseAuthType.Bearer
            ? new StaticTokenProvider(connection.Token!)
            : new MsalTokenProvider(connection, _options, ct => AuthorityDiscovery.DiscoverAsync(new HttpMessageInvoker(_handler, disposeHandler: false), connection.WebApiUrl, ct));
        _http = new WebApiHttp(connection, _options, tokens, _handler);
        _metadata = new WebApiMetadataCache(GetJsonAsync);
    }

    /// <summary>The Web API root, e.g. <c>https://contoso.crm4.dynamics.com/api/data/v9.2/</c>.</summary>
    public Uri WebApiUrl => _connection.WebApiUrl;

    /// <summary>HTTP requests sent so far (metadata reads and retries included; a $batch is one).</summary>
    public long HttpRequests => _http.Attempts;

    // ---- IOrganizationService ----------------------------------------------------------------------------------------

    public Guid Create(Entity entity) => ((CreateResponse)Execute(new CreateRequest { Target = entity })).id;

    public Entity Retrieve(string entityName, Guid id, ColumnSet columnSet) =>
        ((RetrieveResponse)Execute(new RetrieveRequest { Target = new EntityReference(entityName, id), ColumnSet = columnSet })).Entity;

    public void Update(Entity entity) => Execute(new UpdateRequest { Target = entity });

    public void Delete(string entityName, Guid id) => Execute(new DeleteRequest { Target = new EntityReference(entityName, id) });

    public void Associate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) =>
        Execute(Relate(MessageNames.Associate, entityName, entityId, relationship, relatedEntities));

    public void Disassociate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) =>
        Execute(Relate(MessageNames.Disassociate, entityName, entityId, relationship, relatedEntities));

    public EntityCollection RetrieveMultiple(QueryBase query) => ((RetrieveMultipleResponse)Execute(new RetrieveMultipleRequest { Query = query })).EntityCollection;

    public OrganizationResponse Execute(OrganizationRequest request) => ExecuteAsync(request).GetAwaiter().GetResult();

    /// <summary>Runs one request (any message the product uses; other names are called as unbound actions: custom APIs).</summary>
    public async Task<OrganizationResponse> ExecuteAsync(OrganizationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrEmpty(request.RequestName)) throw WebApiErrors.Fault(ErrorCodes.InvalidArgument, "The request has no RequestName.");
        switch (request.RequestName)
        {
            case "ExecuteMultiple": return await ExecuteMultipleAsync(request, cancellationToken).ConfigureAwait(false);
            case "ExecuteTransaction": return await ExecuteTransactionAsync(request, cancellationToken).ConfigureAwait(false);
        }
        var prepared = await PrepareAsync(request, cancellationToken).ConfigureAwait(false);
        var answers = new List<WebApiAnswer>(prepared.Operations.Count);
        foreach (var operation in prepared.Operations) answers.Add(await SendAsync(operation, cancellationToken).ConfigureAwait(false));
        return prepared.Interpret(answers);
    }

    public void Dispose()
    {
        _http.Dispose();
        _handler.Dispose();
    }

    private static OrganizationRequest Relate(string message, string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection related)
    {
        var request = new OrganizationRequest(message);
        request[ParameterNames.Target] = new EntityReference(entityName, entityId);
        request[ParameterNames.Relationship] = relationship;
        request[ParameterNames.RelatedEntities] = related;
        return request;
    }

    // ---- translation of messages to Web API operations -------------------------------------------------------------

    /// <summary>The Web API requests a message needs (usually one) and how their answers make its response.</summary>
    private sealed record Prepared(IReadOnlyList<WebApiOperation> Operations, Func<IReadOnlyList<WebApiAnswer>, OrganizationResponse> Interpret);

    private async Task<Prepared> PrepareAsync(OrganizationRequest request, CancellationToken cancellationToken)
    {
        switch (request.RequestName)
        {
            case MessageNames.Create: return await CreateAsync(request, cancellationToken).ConfigureAwait(false);
            case MessageNames.Retrieve: return await RetrieveAsync(request, cancellationToken).ConfigureAwait(false);
            case MessageNames.Update: return await UpdateAsync(request, cancellationToken).ConfigureAwait(false);
            case MessageNames.Delete: return await DeleteAsync(request, cancellationToken).ConfigureAwait(false);
            case MessageNames.Upsert: return await UpsertAsync(request, cancellationToken).ConfigureAwait(false);
            case MessageNames.RetrieveMultiple: return await RetrieveMultipleAsync(request, cancellationToken).ConfigureAwait(false);
            case MessageNames.Associate: return await RelateAsync(request, associate: true, cancellationToken).ConfigureAwait(false);
            case MessageNames.Disassociate: return await RelateAsync(request, associate: false, cancellationToken).ConfigureAwait(false);
            case MessageNames.Assign: return await AssignAsync(request, cancellationToken).ConfigureAwait(false);
            case MessageNames.AddToQueue: return await AddToQueueAsync(request, cancellationToken).ConfigureAwait(false);
            case MessageNames.WhoAmI:
                return new Prepared([Get("WhoAmI", "WhoAmI")], answers => ResponseFrom(request, answers[0], guids: true));
            case MessageNames.RetrieveVersion:
                return new Prepared([Get("RetrieveVersion()", "RetrieveVersion")], answers => ResponseFrom(request, answers[0], guids: false));
            case "ExecuteMultiple":
                throw WebApiErrors.Fault(ErrorCodes.InvalidArgument, "ExecuteMultiple can't be nested in ExecuteMultiple or ExecuteTransaction.");
            case "ExecuteTransaction":
                // Only ExecuteMultiple reaches here with one (ExecuteTransactionAsync refuses it nested): a change set of its own.
                return await TransactionAsync(request, cancellationToken).ConfigureAwait(false);
            default:
                return await ActionAsync(request, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<Prepared> CreateAsync(OrganizationRequest request, CancellationToken cancellationToken)
    {
        var target = Parameter<Entity>(request, ParameterNames.Target);
        var (table, tables) = await TablesForAsync(target, cancellationToken).ConfigureAwait(false);
        var body = EntityJson.Write(target, table, tables, includeId: true);
        // By alternate key, create-only: PATCH with If-None-Match: * (412 when the key exists).
        var operation = target.Id == Guid.Empty && target.KeyAttributes.Count > 0
            ? new WebApiOperation(HttpMethod.Patch, table.EntitySetName + EntityJson.KeySegment(target.KeyAttributes, table), body, [new("If-None-Match", "*")], $"create {target.LogicalName} by key")
            : new WebApiOperation(HttpMethod.Post, table.EntitySetName, body, WebApiOperation.NoHeaders, $"create {target.LogicalName}");
        return new Prepared([operation], answers =>
        {
            var response = new CreateResponse { ResponseName = request.RequestName };
            response.Results[ParameterNames.Id] = EntityJson.IdOfEntityUrl(answers[0].Header("OData-EntityId"));
            return response;
        });
    }

    private async Task<Prepared> RetrieveAsync(OrganizationRequest request, CancellationToken cancellationToken)
    {
        var target = Parameter<EntityReference>(request, ParameterNames.Target);
        var columns = Parameter<ColumnSet>(request, ParameterNames.ColumnSet);
        var table = await _metadata.TableAsync(target.LogicalName, cancellationToken).ConfigureAwait(false);
        var tables = await _metadata.TablesAsync([table.LogicalName, ActivityParty.EntityName], cancellationToken).ConfigureAwait(false);
        var query = new List<string>();
        var partyColumns = columns.AllColumns ? [] : columns.Columns.Where(c => ActivityParty.ParticipationTypeOf(c) != 0 && table.KindOf(c) == AttributeKind.PartyList).ToList();
        if (!columns.AllColumns)
        {
            var selected = columns.Columns.Except(partyColumns).Select(c => table.IsLookup(c) ? $"_{c}_value" : c).Append(table.PrimaryIdAttribute).Distinct();
            query.Add("$select=" + string.Join(",", selected));
        }
        var expandParties = table.ActivityPartiesNavigation != null && (columns.AllColumns || partyColumns.Count > 0);
        if (expandParties) query.Add($"$expand={table.ActivityPartiesNavigation}($select={ActivityParty.ParticipationTypeMask},_{ActivityParty.PartyId}_value,{ActivityParty.AddressUsed})");
        var url = table.EntitySetName + Key(target, table) + (query.Count > 0 ? "?" + string.Join("&", query) : "");
        return new Prepared([Get(url, $"retrieve {target.LogicalName} {Describe(target)}")], answers =>
        {
            using var document = JsonDocument.Parse(answers[0].Body);
            var entity = EntityJson.Read(document.RootElement, table, tables);
            // Only the party lists asked for (an activity's parties come back together).
            if (!columns.AllColumns)
                foreach (var column in entity.Attributes.Keys.Where(k => entity[k] is EntityCollection && !partyColumns.Contains(k)).ToList()) entity.Attributes.Remove(column);
            var response = new RetrieveResponse { ResponseName = request.RequestName };
            response.Results[ParameterNames.Entity] = entity;
            return response;
        });
    }

    private async Task<Prepared> UpdateAsync(OrganizationRequest request, CancellationToken cancellationToken)
    {
        var target = Parameter<Entity>(request, ParameterNames.Target);
        var (table, tables) = await TablesForAsync(target, cancellationToken).ConfigureAwait(false);
        var condition = Condition(request, target.RowVersion);
        var body = EntityJson.Write(WithoutPrimaryId(target, table), table, tables, includeId: false);
        var operation = new WebApiOperation(HttpMethod.Patch, table.EntitySetName + Key(target.ToEntityReference(), table), body, [condition], $"update {target.LogicalName} {Describe(target.ToEntityReference())}");
        return new Prepared([operation], _ => new UpdateResponse { ResponseName = request.RequestName });
    }

    private async Task<Prepared> DeleteAsync(OrganizationRequest request, CancellationToken cancellationToken)
    {
        var target = Parameter<EntityReference>(request, ParameterNames.Target);
        var table = await _metadata.TableAsync(target.LogicalName, cancellationToken).ConfigureAwait(false);
        var headers = Behavior(request) == ConcurrencyBehavior.IfRowVersionMatches ? [Condition(request, RowVersionOf(request))] : WebApiOperation.NoHeaders;
        var operation = new WebApiOperation(HttpMethod.Delete, table.EntitySetName + Key(target, table), null, headers, $"delete {target.LogicalName} {Describe(target)}");
        return new Prepared([operation], _ => new DeleteResponse { ResponseName = request.RequestName });
    }

    private async Task<Prepared> UpsertAsync(OrganizationRequest request, CancellationToken cancellationToken)
    {
        var target = Parameter<Entity>(request, ParameterNames.Target);
        var (table, tables) = await TablesForAsync(target, cancellationToken).ConfigureAwait(false);
        if (target.Id == Guid.Empty && target.KeyAttributes.Count == 0)
            throw WebApiErrors.Fault(ErrorCodes.InvalidArgument, $"Upsert of '{target.LogicalName}' needs the record's id or its alternate key values (Entity.KeyAttributes).");
        var body = EntityJson.Write(WithoutPrimaryId(target, table), table, tables, includeId: false);
        // return=representation tells created (201) from updated (200).
        var operation = new WebApiOperation(HttpMethod.Patch, $"{table.EntitySetName}{Key(target.ToEntityReference(), table)}?$select={table.PrimaryIdAttribute}", body,
            [new("Prefer", "return=representation")], $"upsert {target.LogicalName} {Describe(target.ToEntityReference())}");
        return new Prepared([operation], answers =>
        {
            using var document = JsonDocument.Parse(answers[0].Body);
            var id = document.RootElement.GetProperty(table.PrimaryIdAttribute).GetGuid();
            var response = new UpsertResponse { ResponseName = request.RequestName };
            response.Results[ParameterNames.RecordCreated] = answers[0].Status == HttpStatusCode.Created;
            response.Results[ParameterNames.Target] = new EntityReference(target.LogicalName, id);
            return response;
        });
    }

    private async Task<Prepared> RetrieveMultipleAsync(OrganizationRequest request, CancellationToken cancellationToken)
    {
        var query = Parameter<QueryBase>(request, ParameterNames.Query);
        var (fetchXml, entityName, links) = query is FetchExpression fetch ? ReadFetch(fetch) : FetchXmlWriter.Write(query);
        var tables = await _metadata.TablesAsync([entityName, .. links.Values], cancellationToken).ConfigureAwait(false);
        var table = tables[entityName];
        var url = $"{table.EntitySetName}?fetchXml={Uri.EscapeDataString(fetchXml)}";
        return new Prepared([Get(url, $"query {entityName}")], answers =>
        {
            using var document = JsonDocument.Parse(answers[0].Body);
            var root = document.RootElement;
            var collection = new EntityCollection { EntityName = entityName, TotalRecordCount = -1 };
            foreach (var row in root.GetProperty("value").EnumerateArray()) collection.Entities.Add(EntityJson.Read(row, table, tables, links));
            if (root.TryGetProperty("@Microsoft.Dynamics.CRM.morerecords", out var more)) collection.MoreRecords = more.ValueKind == JsonValueKind.True;
            if (root.TryGetProperty("@Microsoft.Dynamics.CRM.fetchxmlpagingcookie", out var cookie)) collection.PagingCookie = FetchPagingCookie.Read(cookie.GetString());
            if (root.TryGetProperty("@Microsoft.Dynamics.CRM.totalrecordcount", out var total)) collection.TotalRecordCount = total.GetInt32();
            if (root.TryGetProperty("@Microsoft.Dynamics.CRM.totalrecordcountlimitexceeded", out var exceeded)) collection.TotalRecordCountLimitExceeded = exceeded.ValueKind == JsonValueKind.True;
            var response = new RetrieveMultipleResponse { ResponseName = request.RequestName };
            response.Results[ParameterNames.EntityCollection] = collection;
            return response;
        });
    }

    /// <summary>A FetchExpression's main table and link aliases (for reading the answer).</summary>
    private static (string, string, IReadOnlyDictionary<string, string>) ReadFetch(FetchExpression fetch)
    {
        XElement root;
        try
        {
            root = XElement.Parse(fetch.Query ?? "");
        }
        catch (XmlException e)
        {
            throw WebApiErrors.Fault(ErrorCodes.InvalidArgument, $"The FetchXML is not well-formed XML: {e.Message}");
        }
        var entity = root.Element("entity") ?? throw WebApiErrors.Fault(ErrorCodes.InvalidArgument, "The FetchXML has no <entity> element.");
        var links = entity.Descendants("link-entity")
            .Where(l => (string?)l.Attribute("alias") is { Length: > 0 })
            .ToDictionary(l => (string)l.Attribute("alias")!, l => (string?)l.Attribute("name") ?? "", StringComparer.Ordinal);
        return (fetch.Query!, (string?)entity.Attribute("name") ?? throw WebApiErrors.Fault(ErrorCodes.InvalidArgument, "The FetchXML's <entity> has no name."), links);
    }

    private async Task<Prepared> RelateAsync(OrganizationRequest request, bool associate, CancellationToken cancellationToken)
    {
        var target = Parameter<EntityReference>(request, ParameterNames.Target);
        var relationship = Parameter<Relationship>(request, ParameterNames.Relationship);
        var related = Parameter<EntityReferenceCollection>(request, ParameterNames.RelatedEntities);
        var tables = await _metadata.TablesAsync([target.LogicalName, .. related.Select(r => r.LogicalName)], cancellationToken).ConfigureAwait(false);
        var table = tables[target.LogicalName];
        if (!table.ManyToMany.TryGetValue(relationship.SchemaName, out var ends))
            throw WebApiErrors.Fault(ErrorCodes.InvalidArgument, $"'{target.LogicalName}' has no many-to-many relationship '{relationship.SchemaName}' (the Web API client associates many-to-many relationships).");
        var navigation = ends.Entity1 == target.LogicalName ? ends.Entity1Navigation : ends.Entity2Navigation;
        var source = table.EntitySetName + Key(target, table);
        var operations = related.Select(other =>
        {
            var otherTable = tables[other.LogicalName];
            return associate
                ? new WebApiOperation(HttpMethod.Post, $"{source}/{navigation}/$ref", JsonBody(w => w.WriteString("@odata.id", new Uri(WebApiUrl, otherTable.EntitySetName + Key(other, otherTable)).ToString())),
                    WebApiOperation.NoHeaders, $"associate {target.LogicalName} {Describe(target)} with {other.LogicalName} {Describe(other)} ({relationship.SchemaName})")
                : new WebApiOperation(HttpMethod.Delete, $"{source}/{navigation}{Key(other, otherTable)}/$ref", null,
                    WebApiOperation.NoHeaders, $"disassociate {target.LogicalName} {Describe(target)} from {other.LogicalName} {Describe(other)} ({relationship.SchemaName})");
        }).ToList();
        return new Prepared(operations, _ => new OrganizationResponse { ResponseName = request.RequestName });
    }

    /// <summary>Assign as Dataverse's Web API does it: the owner set by PATCH (the platform runs Assign for it).</summary>
    private async Task<Prepared> AssignAsync(OrganizationRequest request, CancellationToken cancellationToken)
    {
        var target = Parameter<EntityReference>(request, ParameterNames.Target);
        var assignee = Parameter<EntityReference>(request, ParameterNames.Assignee);
        var tables = await _metadata.TablesAsync([target.LogicalName, assignee.LogicalName], cancellationToken).ConfigureAwait(false);
        var table = tables[target.LogicalName];
        var body = JsonBody(w => w.WriteString(table.NavigationFor(PhoneCall.OwnerId, assignee.LogicalName) + "@odata.bind", EntityJson.BindPath(assignee, tables[assignee.LogicalName])));
        var operation = new WebApiOperation(HttpMethod.Patch, table.EntitySetName + Key(target, table), body, [new("If-Match", "*")],
            $"assign {target.LogicalName} {Describe(target)} to {assignee.LogicalName} {Describe(assignee)}");
        return new Prepared([operation], _ => new OrganizationResponse { ResponseName = request.RequestName });
    }

    private async Task<Prepared> AddToQueueAsync(OrganizationRequest request, CancellationToken cancellationToken)
    {
        var target = Parameter<EntityReference>(request, ParameterNames.Target);
        var destination = request.Parameters.TryGetValue(ParameterNames.DestinationQueueId, out var value) && value is Guid queueId
            ? queueId : throw WebApiErrors.Fault(ErrorCodes.InvalidArgument, "Required field 'DestinationQueueId' is missing for the 'AddToQueue' request.");
        var tables = await _metadata.TablesAsync([Queue.EntityName, target.LogicalName], cancellationToken).ConfigureAwait(false);
        var targetTable = tables[target.LogicalName];
        var body = JsonBody(w =>
        {
            w.WriteStartObject("Target");
            w.WriteString("@odata.type", "Microsoft.Dynamics.CRM." + target.LogicalName);
            w.WriteString(targetTable.PrimaryIdAttribute, target.Id);
            w.WriteEndObject();
        });
        var operation = new WebApiOperation(HttpMethod.Post, $"{tables[Queue.EntityName].EntitySetName}({destination:D})/Microsoft.Dynamics.CRM.AddToQueue", body,
            WebApiOperation.NoHeaders, $"add {target.LogicalName} {Describe(target)} to queue {destination:D}");
        return new Prepared([operation], answers => ResponseFrom(request, answers[0], guids: true));
    }

    /// <summary>Any other message (custom APIs, RetrieveEnvironmentVariableSecretValue) as an unbound action.</summary>
    private async Task<Prepared> ActionAsync(OrganizationRequest request, CancellationToken cancellationToken)
    {
        var references = request.Parameters.Values.OfType<EntityReference>().Select(r => r.LogicalName);
        var tables = await _metadata.TablesAsync(references, cancellationToken).ConfigureAwait(false);
        var body = JsonBody(w =>
        {
            foreach (var (name, value) in request.Parameters)
            {
                if (value is EntityReference reference)
                {
                    w.WriteStartObject(name);
                    w.WriteString("@odata.type", "Microsoft.Dynamics.CRM." + reference.LogicalName);
                    w.WriteString(tables[reference.LogicalName].PrimaryIdAttribute, reference.Id);
                    w.WriteEndObject();
                    continue;
                }
                w.WritePropertyName(name);
                EntityJson.WriteValue(w, value, $"the parameter '{name}' of {request.RequestName}");
            }
        });
        var operation = new WebApiOperation(HttpMethod.Post, Uri.EscapeDataString(request.RequestName), body, WebApiOperation.NoHeaders, request.RequestName);
        return new Prepared([operation], answers => ResponseFrom(request, answers[0], guids: false));
    }

    /// <summary>An action's or function's answer as response properties (numbers as int when whole, <paramref name="guids"/>: GUID text as Guid).</summary>
    private static OrganizationResponse ResponseFrom(OrganizationRequest request, WebApiAnswer answer, bool guids)
    {
        var response = new OrganizationResponse { ResponseName = request.RequestName };
        if (answer.Body.Length == 0) return response;
        using var document = JsonDocument.Parse(answer.Body);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            if (property.Name.Contains('@', StringComparison.Ordinal)) continue;
            var value = property.Value;
            response.Results[property.Name] = value.ValueKind switch
            {
                JsonValueKind.String when guids && value.TryGetGuid(out var id) => id,
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.TryGetInt32(out var number) ? (object)number : value.GetDecimal(),
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                JsonValueKind.Null => null,
                _ => value.GetRawText(),
            };
        }
        return response;
    }

    // ---- ExecuteMultiple and ExecuteTransaction as $batch ----------------------------------------------------------

    private async Task<OrganizationResponse> ExecuteMultipleAsync(OrganizationRequest request, CancellationToken cancellationToken)
    {
        var requests = Parameter<OrganizationRequestCollection>(request, "Requests");
        var settings = Parameter<ExecuteMultipleSettings>(request, "Settings");
        if (requests.Count > MaxBatchSize)
            throw WebApiErrors.Fault(ErrorCodes.InvalidArgument, $"ExecuteMultipleRequest holds {requests.Count} requests; at most {MaxBatchSize} are allowed in one request.");
        var prepared = new List<Prepared>(requests.Count);
        foreach (var inner in requests) prepared.Add(await PrepareAsync(inner, cancellationToken).ConfigureAwait(false));
        // A $batch holds at most 1,000 operations, those of change sets (nested ExecuteTransaction requests) included.
        var operationCount = prepared.Sum(p => p.Operations.Count);
        if (operationCount > MaxBatchSize)
            throw WebApiErrors.Fault(ErrorCodes.InvalidArgument, $"ExecuteMultipleRequest holds {operationCount} operations (its ExecuteTransaction requests counted one by one); at most {MaxBatchSize} are allowed in one $batch.");
        var responses = new ExecuteMultipleResponseItemCollection();
        var faulted = false;
        if (prepared.Count > 0)
        {
            var headers = settings.ContinueOnError ? [new KeyValuePair<string, string>("Prefer", "odata.continue-on-error")] : WebApiOperation.NoHeaders;
            var answers = await SendBatchAsync(prepared.Select(p => p.Operations).ToList(), changeSets: false, headers, "ExecuteMultiple", cancellationToken).ConfigureAwait(false);
            var next = 0;
            for (var index = 0; index < prepared.Count && next < answers.Count; index++)
            {
                var operations = prepared[index].Operations.Count;
                var span = answers.Skip(next).Take(operations).ToList();
                var failed = span.FirstOrDefault(a => !a.IsSuccess);
                // A change set that fails answers with its one error.
                next += failed != null && operations > 1 ? span.IndexOf(failed) + 1 : operations;
                if (failed != null)
                {
                    faulted = true;
                    responses.Add(new ExecuteMultipleResponseItem { RequestIndex = index, Fault = WebApiErrors.FromAnswer(failed, Describe(prepared[index]), _options.RetryBudget).Detail });
                    if (!settings.ContinueOnError) break;
                    continue;
                }
                if (settings.ReturnResponses) responses.Add(new ExecuteMultipleResponseItem { RequestIndex = index, Response = prepared[index].Interpret(span) });
            }
        }
        var response = new ExecuteMultipleResponse { ResponseName = request.RequestName };
        response.Results["Responses"] = responses;
        response.Results["IsFaulted"] = faulted;
        return response;
    }

    private async Task<OrganizationResponse> ExecuteTransactionAsync(OrganizationRequest request, CancellationToken cancellationToken)
    {
        var transaction = await TransactionAsync(request, cancellationToken).ConfigureAwait(false);
        if (transaction.Operations.Count == 0) return transaction.Interpret([]);
        var answers = await SendBatchAsync([transaction.Operations], changeSets: true, WebApiOperation.NoHeaders, "ExecuteTransaction", cancellationToken).ConfigureAwait(false);
        if (answers.FirstOrDefault(a => !a.IsSuccess) is { } failed) throw WebApiErrors.FromAnswer(failed, "ExecuteTransaction", _options.RetryBudget);
        return transaction.Interpret(answers);
    }

    /// <summary>An ExecuteTransaction as the operations of one change set and how their answers make its response.</summary>
    private async Task<Prepared> TransactionAsync(OrganizationRequest request, CancellationToken cancellationToken)
    {
        var requests = Parameter<OrganizationRequestCollection>(request, "Requests");
        if (requests.Count > MaxBatchSize)
            throw WebApiErrors.Fault(ErrorCodes.InvalidArgument, $"ExecuteTransactionRequest holds {requests.Count} requests; at most {MaxBatchSize} are allowed in one request.");
        if (requests.FirstOrDefault(r => r?.RequestName is "ExecuteMultiple" or "ExecuteTransaction") is { } nested)
            throw WebApiErrors.Fault(ErrorCodes.InvalidArgument, $"{nested.RequestName} can't be nested in ExecuteTransaction.");
        var returnResponses = request.Parameters.TryGetValue("ReturnResponses", out var value) && value is true;
        var prepared = new List<Prepared>(requests.Count);
        foreach (var inner in requests) prepared.Add(await PrepareAsync(inner, cancellationToken).ConfigureAwait(false));
        if (prepared.SelectMany(p => p.Operations).FirstOrDefault(o => o.Method == HttpMethod.Get) is { } read)
            throw WebApiErrors.Fault(ErrorCodes.RequestNotSupported, $"ExecuteTransaction over the Web API is one change set, which can't read ({read.Description}): send reads on their own.");
        return new Prepared(prepared.SelectMany(p => p.Operations).ToList(), answers =>
        {
            var responses = new OrganizationResponseCollection();
            var next = 0;
            foreach (var inner in prepared)
            {
                var span = answers.Skip(next).Take(inner.Operations.Count).ToList();
                next += inner.Operations.Count;
                if (returnResponses) responses.Add(inner.Interpret(span));
            }
            var response = new ExecuteTransactionResponse { ResponseName = request.RequestName };
            response.Results["Responses"] = responses;
            return response;
        });
    }

    private async Task<List<WebApiAnswer>> SendBatchAsync(IReadOnlyList<IReadOnlyList<WebApiOperation>> groups, bool changeSets, IReadOnlyList<KeyValuePair<string, string>> headers,
        string description, CancellationToken cancellationToken)
    {
        var (body, contentType) = Multipart.WriteBatch(WebApiUrl, groups, changeSets);
        using var message = new HttpRequestMessage(HttpMethod.Post, "$batch") { Content = new ByteArrayContent(body) };
        message.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        foreach (var (name, value) in headers) message.Headers.TryAddWithoutValidation(name, value);
        var count = groups.Sum(g => g.Count);
        using var response = await _http.SendAsync(message, $"{description} ($batch of {count} requests)", cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var type = response.Content.Headers.ContentType?.ToString() ?? "";
        if (!type.StartsWith("multipart/mixed", StringComparison.OrdinalIgnoreCase))
            throw WebApiErrors.FromAnswer(AnswerOf(response, text), $"{description} ($batch of {count} requests)", _options.RetryBudget);
        _options.Logger?.LogDebug("{Description}: $batch of {Count} requests answered {Status}", description, count, (int)response.StatusCode);
        return Multipart.ReadBatch(type, text);
    }

    // ---- HTTP ------------------------------------------------------------------------------------------------------

    private async Task<WebApiAnswer> SendAsync(WebApiOperation operation, CancellationToken cancellationToken)
    {
        // A long query (FetchXML) goes inside a $batch, where a URL may be up to 64 KB.
        if (operation.Method == HttpMethod.Get && operation.Url.Length > MaxUrlLength)
        {
            var batched = (await SendBatchAsync([[operation]], changeSets: false, WebApiOperation.NoHeaders, operation.Description, cancellationToken).ConfigureAwait(false)).Single();
            return batched.IsSuccess ? batched : throw WebApiErrors.FromAnswer(batched, operation.Description, _options.RetryBudget);
        }
        using var message = new HttpRequestMessage(operation.Method, operation.Url);
        if (operation.Body != null)
        {
            message.Content = new ByteArrayContent(operation.Body);
            message.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=utf-8");
        }
        foreach (var (name, value) in operation.Headers) message.Headers.TryAddWithoutValidation(name, value);
        using var response = await _http.SendAsync(message, operation.Description, cancellationToken).ConfigureAwait(false);
        var answer = AnswerOf(response, await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
        _options.Logger?.LogDebug("{Method} {Description}: {Status}", operation.Method, operation.Description, (int)answer.Status);
        return answer.IsSuccess ? answer : throw WebApiErrors.FromAnswer(answer, operation.Description, _options.RetryBudget);
    }

    private static WebApiAnswer AnswerOf(HttpResponseMessage response, string body)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in response.Headers) headers[name] = string.Join(",", values);
        foreach (var (name, values) in response.Content.Headers) headers[name] = string.Join(",", values);
        return new WebApiAnswer(response.StatusCode, headers, body);
    }

    private async Task<JsonDocument> GetJsonAsync(string url, string description, CancellationToken cancellationToken)
    {
        var answer = await SendAsync(Get(url, description), cancellationToken).ConfigureAwait(false);
        return JsonDocument.Parse(answer.Body);
    }

    private static WebApiOperation Get(string url, string description) =>
        new(HttpMethod.Get, url, null, [new("Prefer", Annotations)], description);

    // ---- helpers -------------------------------------------------------------------------------------------------------

    private async Task<(TableMetadata Table, IReadOnlyDictionary<string, TableMetadata> Tables)> TablesForAsync(Entity target, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(target.LogicalName)) throw WebApiErrors.Fault(ErrorCodes.InvalidArgument, "The entity has no LogicalName.");
        var tables = await _metadata.TablesAsync([target.LogicalName, .. EntityJson.TablesToWrite(target)], cancellationToken).ConfigureAwait(false);
        return (tables[target.LogicalName], tables);
    }

    private static Entity WithoutPrimaryId(Entity target, TableMetadata table)
    {
        if (!target.Contains(table.PrimaryIdAttribute)) return target;
        var copy = new Entity(target.LogicalName, target.Id) { KeyAttributes = target.KeyAttributes, RowVersion = target.RowVersion };
        foreach (var (name, value) in target.Attributes)
            if (name != table.PrimaryIdAttribute) copy[name] = value;
        return copy;
    }

    private static string Key(EntityReference reference, TableMetadata table)
    {
        if (reference.Id != Guid.Empty) return $"({reference.Id:D})";
        if (reference.KeyAttributes.Count > 0) return EntityJson.KeySegment(reference.KeyAttributes, table);
        throw WebApiErrors.Fault(ErrorCodes.InvalidArgument, $"The {reference.LogicalName} record has neither an id nor alternate key values.");
    }

    private static ConcurrencyBehavior Behavior(OrganizationRequest request) =>
        request.Parameters.TryGetValue("ConcurrencyBehavior", out var value) && value is ConcurrencyBehavior behavior ? behavior : ConcurrencyBehavior.Default;

    private static string? RowVersionOf(OrganizationRequest request) =>
        request.Parameters.TryGetValue(ParameterNames.Target, out var target) ? target switch { Entity e => e.RowVersion, EntityReference r => r.RowVersion, _ => null } : null;

    /// <summary>The PATCH precondition: the row version (IfRowVersionMatches), else "exists" (an update never creates).</summary>
    private static KeyValuePair<string, string> Condition(OrganizationRequest request, string? rowVersion)
    {
        if (Behavior(request) != ConcurrencyBehavior.IfRowVersionMatches) return new("If-Match", "*");
        if (string.IsNullOrEmpty(rowVersion))
            throw WebApiErrors.Fault(ErrorCodes.ConcurrencyVersionNotProvided, "The RowVersion property must be provided when the value of ConcurrencyBehavior is IfVersionMatches.");
        return new("If-Match", $"W/\"{rowVersion}\"");
    }

    private static T Parameter<T>(OrganizationRequest request, string name) where T : class =>
        request.Parameters.TryGetValue(name, out var value) && value is T typed
            ? typed
            : throw WebApiErrors.Fault(ErrorCodes.InvalidArgument, $"Required field '{name}' of type {typeof(T).Name} is missing for the '{request.RequestName}' request.");

    private static byte[] JsonBody(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }
        return stream.ToArray();
    }

    private static string Describe(EntityReference reference) =>
        reference.Id != Guid.Empty ? reference.Id.ToString("D") : string.Join(",", reference.KeyAttributes.Select(k => $"{k.Key}={k.Value}"));

    private static string Describe(Prepared prepared) => string.Join("; ", prepared.Operations.Select(o => o.Description));

    public override string ToString() => $"Dataverse Web API client for {_connection}";
}
