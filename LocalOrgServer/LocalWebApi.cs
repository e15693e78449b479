using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.OData.Edm.Csdl;
using Microsoft.OData.UriParser;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using VoiceForD365.Core.Registration;
using VoiceForD365.Core.Schema;
using VoiceForD365.LocalOrg;

namespace VoiceForD365.LocalOrgServer;

/// <summary>
/// A Web API request translated to the organization requests it needs (run on their own, or together in a change
/// set's transaction) and how their responses make the answer (which may read more, e.g. return=representation).
/// </summary>
internal sealed record WebApiCall(
    IReadOnlyList<OrganizationRequest> Requests,
    Func<IReadOnlyList<OrganizationResponse>, IOrganizationService, WebApiResponse> Respond,
    string? EntityUrl = null)
{
    public bool Writes => Requests.Any(r => r.RequestName is not (MessageNames.Retrieve or MessageNames.RetrieveMultiple or MessageNames.WhoAmI or MessageNames.RetrieveVersion));

    public static WebApiCall Answer(WebApiResponse response) => new([], (_, _) => response);
}

/// <summary>
/// The local organization's Web API: each request is parsed with Microsoft.OData.Core against <see cref="WebApiModel"/>,
/// translated to the SDK request Dataverse would run for it (Create, Retrieve, RetrieveMultiple of QueryExpression
/// or FetchExpression, Update, Upsert, Delete, Associate, Disassociate, Assign, AddToQueue, WhoAmI, RetrieveVersion, custom APIs,
/// RetrieveEnvironmentVariableSecretValue) and run through the organization's pipeline, so plug-ins fire as they do
/// in process. Faults come back in Dataverse's error JSON with its status codes.
/// </summary>
internal sealed class LocalWebApi
{
    private readonly LocalOrganization _organization;
    private readonly WebApiModel _model;
    private readonly JsonRows _rows;
    private readonly MetadataResponder _metadata;
    private readonly Lazy<string> _csdl;

    public LocalWebApi(LocalOrganization organization, Uri webApiRoot)
    {
        _organization = organization;
        Root = webApiRoot.ToString();
        _model = new WebApiModel(organization.Metadata);
        _rows = new JsonRows(_model);
        _metadata = new MetadataResponder(_model);
        _csdl = new Lazy<string>(WriteCsdl);
    }

    /// <summary>The Web API root, e.g. <c>http://127.0.0.1:5555/api/data/v9.2/</c>.</summary>
    public string Root { get; }

    /// <summary>Runs one request on its own (not in a change set).</summary>
    public WebApiResponse Handle(WebApiRequest request, IOrganizationService service)
    {
        try
        {
            var call = Translate(request, NoContentIds, preassignIds: false);
            var responses = call.Requests.Select(service.Execute).ToList();
            return call.Respond(responses, service);
        }
        catch (Exception e) when (e is System.ServiceModel.FaultException<OrganizationServiceFault> or WebApiException or Microsoft.OData.ODataException)
        {
            return WebApiErrors.From(e);
        }
    }

    public static readonly Func<string, string> NoContentIds = id => throw WebApiException.BadRequest($"Content-ID Reference: '{id}' does not exist in the batch context.");

    /// <summary>
    /// The organization requests of a Web API request. <paramref name="preassignIds"/>: a create gets its id here (so that
    /// later parts of a change set can refer to it as $n before anything runs).
    /// </summary>
    public WebApiCall Translate(WebApiRequest request, Func<string, string> resolveContentId, bool preassignIds)
    {
        var pathAndQuery = request.PathAndQuery;
        if (pathAndQuery.Length > 1 && pathAndQuery[0] == '$' && char.IsDigit(pathAndQuery[1]))
        {
            var end = 1;
            while (end < pathAndQuery.Length && char.IsDigit(pathAndQuery[end])) end++;
            pathAndQuery = resolveContentId(pathAndQuery[..end]) + pathAndQuery[end..];
        }
        var queryStart = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        var path = Uri.UnescapeDataString(queryStart < 0 ? pathAndQuery : pathAndQuery[..queryStart]);
        var queryString = queryStart < 0 ? "" : pathAndQuery[queryStart..];
        var first = path.Split('(', '/')[0];
        var method = request.Method.ToUpperInvariant();

        switch (first)
        {
            case "$metadata" when method == "GET":
                return WebApiCall.Answer(new WebApiResponse(200, new Dictionary<string, string> { ["Content-Type"] = "application/xml" }, _csdl.Value));
            case MessageNames.WhoAmI when method == "GET":
                return new WebApiCall([new OrganizationRequest(MessageNames.WhoAmI)], (responses, _) => Json(200, w =>
                {
                    w.WriteString("@odata.context", Root + "$metadata#Microsoft.Dynamics.CRM.WhoAmIResponse");
                    foreach (var name in new[] { ParameterNames.BusinessUnitId, ParameterNames.UserId, ParameterNames.OrganizationId })
                        w.WriteString(name, (Guid)responses[0][name]!);
                }));
            case MessageNames.RetrieveVersion when method == "GET":
                return new WebApiCall([new OrganizationRequest(MessageNames.RetrieveVersion)], (responses, _) => Json(200, w =>
                {
                    w.WriteString("@odata.context", Root + "$metadata#Microsoft.Dynamics.CRM.RetrieveVersionResponse");
                    w.WriteString(ParameterNames.Version, (string)responses[0][ParameterNames.Version]!);
                }));
            case MetadataTypes.EntityDefinitions when method == "GET":
                var metadataParser = Parser(pathAndQuery);
                return WebApiCall.Answer(_metadata.Answer(metadataParser.ParsePath(), metadataParser.ParseSelectAndExpand(), Root));
        }
        if (_model.BySet(first) == null)
        {
            if (method == "POST" && !path.Contains('/', StringComparison.Ordinal)) return UnboundAction(first, request);
            throw WebApiException.NotFound($"Resource not found for the segment '{first}'.");
        }
        const string addToQueue = "/Microsoft.Dynamics.CRM.AddToQueue";
        if (method == "POST" && path.EndsWith(addToQueue, StringComparison.Ordinal))
            return AddToQueue(Parser(path[..^addToQueue.Length]), request, resolveContentId);

        var parser = Parser(pathAndQuery);
        var segments = parser.ParsePath().ToList();
        var table = _model.BySet(((EntitySetSegment)segments[0]).EntitySet.Name)!;
        switch (segments.Count, method)
        {
            case (1, "GET"):
                var fetchXml = QueryHelpers.ParseQuery(queryString).TryGetValue("fetchXml", out var fetch) ? fetch.ToString() : null;
                return fetchXml != null ? Fetch(table, fetchXml) : Query(parser, table, request, queryString);
            case (1, "POST"):
                return Create(table, request, resolveContentId, preassignIds);
        }
        if (segments[1] is not KeySegment key) throw WebApiException.BadRequest($"'{path}' is not supported by the local organization.");
        var target = JsonRows.ReferenceOf(table, key);
        if (segments.Count == 2)
        {
            return method switch
            {
                "GET" => Retrieve(parser, table, target),
                "PATCH" => Patch(table, target, request, resolveContentId),
                "DELETE" => Delete(table, target, request),
                _ => throw new WebApiException(405, ErrorCodes.InvalidArgument, $"{method} is not allowed on a row."),
            };
        }
        if (segments[2] is NavigationPropertyLinkSegment link && _model.ByTable(table.LogicalName)!.Navigations.TryGetValue(link.NavigationProperty.Name, out var navigation)
            && navigation.ManyToMany != null)
        {
            var relationship = new Relationship(navigation.ManyToMany.SchemaName);
            switch (method)
            {
                case "POST":
                    using (var body = Body(request))
                    {
                        var id = body.RootElement.TryGetProperty("@odata.id", out var idElement) ? idElement.GetString() : null;
                        var other = _rows.Reference(id ?? throw WebApiException.BadRequest("An association body is {\"@odata.id\": \"<row URL>\"}."), resolveContentId);
                        return Relate(MessageNames.Associate, target, relationship, other);
                    }
                case "DELETE":
                    var otherKey = segments.Skip(3).OfType<KeySegment>().FirstOrDefault();
                    var related = otherKey != null ? JsonRows.ReferenceOf(_model.ByTable(navigation.Target)!, otherKey)
                        : QueryHelpers.ParseQuery(queryString).TryGetValue("$id", out var idParameter) ? _rows.Reference(idParameter.ToString(), resolveContentId)
                        : throw WebApiException.BadRequest("A disassociation names the related row: …/nav(id)/$ref or …/nav/$ref?$id=<row URL>.");
                    return Relate(MessageNames.Disassociate, target, relationship, related);
            }
        }
        throw WebApiException.BadRequest($"'{method} {path}' is not supported by the local organization.");
    }

    // ---- reads ---------------------------------------------------------------------------------------------------------

    private WebApiCall Query(ODataUriParser parser, WebApiTable table, WebApiRequest request, string queryString)
    {
        var parsed = ODataQuery.Parse(parser, table, _model, request.MaxPageSize);
        return new WebApiCall([new RetrieveMultipleRequest { Query = parsed.Query }], (responses, _) =>
        {
            var collection = (EntityCollection)responses[0][ParameterNames.EntityCollection]!;
            return Json(200, w =>
            {
                w.WriteString("@odata.context", $"{Root}$metadata#{table.Set.Name}");
                if (parsed.Count) w.WriteNumber("@odata.count", collection.TotalRecordCount);
                w.WriteStartArray("value");
                foreach (var row in collection.Entities) _rows.Write(w, row, table, parsed.Selected, parsed.Expansions, ODataQuery.Related(row, parsed.Expansions, _model));
                w.WriteEndArray();
                if (collection.MoreRecords && !parsed.HasTop)
                    w.WriteString("@odata.nextLink", NextLink(table, queryString, SkipToken.Write(parsed.Query.PageInfo.PageNumber + 1, collection.PagingCookie)));
            });
        });
    }

    private string NextLink(WebApiTable table, string queryString, string skipToken)
    {
        var options = QueryHelpers.ParseQuery(queryString).Where(p => p.Key != "$skiptoken").Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value.ToString()));
        return $"{Root}{table.Set.Name}?{string.Join("&", options.Append("$skiptoken=" + Uri.EscapeDataString(skipToken)))}";
    }

    private WebApiCall Fetch(WebApiTable table, string fetchXml)
    {
        XElement fetch;
        try
        {
            fetch = XElement.Parse(fetchXml);
        }
        catch (XmlException e)
        {
            throw WebApiException.BadRequest($"The fetchXml parameter is not well-formed XML: {e.Message}");
        }
        var page = int.TryParse((string?)fetch.Attribute("page"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : 1;
        var countTotal = string.Equals((string?)fetch.Attribute("returntotalrecordcount"), "true", StringComparison.OrdinalIgnoreCase);
        return new WebApiCall([new RetrieveMultipleRequest { Query = new FetchExpression(fetchXml) }], (responses, _) =>
        {
            var collection = (EntityCollection)responses[0][ParameterNames.EntityCollection]!;
            return Json(200, w =>
            {
                w.WriteString("@odata.context", $"{Root}$metadata#{table.Set.Name}");
                if (countTotal)
                {
                    w.WriteNumber("@Microsoft.Dynamics.CRM.totalrecordcount", collection.TotalRecordCount);
                    w.WriteBoolean("@Microsoft.Dynamics.CRM.totalrecordcountlimitexceeded", collection.TotalRecordCountLimitExceeded);
                }
                if (collection.PagingCookie != null) w.WriteString("@Microsoft.Dynamics.CRM.fetchxmlpagingcookie", SkipToken.Write(page + 1, collection.PagingCookie));
                w.WriteBoolean("@Microsoft.Dynamics.CRM.morerecords", collection.MoreRecords);
                w.WriteStartArray("value");
                foreach (var row in collection.Entities) _rows.Write(w, row, table, null, [], JsonRows.EmptyRelated);
                w.WriteEndArray();
            });
        });
    }

    private WebApiCall Retrieve(ODataUriParser parser, WebApiTable table, EntityReference target)
    {
        var (selected, expansions) = ODataQuery.SelectAndExpand(parser.ParseSelectAndExpand(), table, _model);
        return new WebApiCall([RetrieveOf(table, target, selected, expansions)], (responses, service) =>
            Json(200, w => WriteRow(w, (Entity)responses[0].Results[ParameterNames.Entity]!, table, selected, expansions, service, "/$entity")));
    }

    private static RetrieveRequest RetrieveOf(WebApiTable table, EntityReference target, IReadOnlyList<string>? selected, IReadOnlyList<Expansion> expansions)
    {
        var columns = selected == null ? new ColumnSet(true) : new ColumnSet([.. selected]);
        if (!columns.AllColumns)
        {
            foreach (var expansion in expansions)
            {
                if (expansion.Navigation.IsActivityParties)
                    columns.AddColumns(table.Definition.Columns.Where(c => c.Type == Solution.Model.ColumnType.PartyList).Select(c => c.LogicalName).ToArray());
                else if (!columns.Columns.Contains(expansion.Navigation.Column!)) columns.AddColumn(expansion.Navigation.Column!);
            }
        }
        return new RetrieveRequest { Target = target, ColumnSet = columns };
    }

    /// <summary>One row (with the related rows of its single-valued expansions, read by id).</summary>
    private void WriteRow(Utf8JsonWriter writer, Entity row, WebApiTable table, IReadOnlyList<string>? selected, IReadOnlyList<Expansion> expansions, IOrganizationService service, string context)
    {
        var related = new Dictionary<string, Entity?>(StringComparer.Ordinal);
        foreach (var expansion in expansions.Where(e => !e.Navigation.IsActivityParties))
        {
            var reference = row.GetAttributeValue<EntityReference>(expansion.Navigation.Column!);
            related[expansion.Navigation.Name] = reference?.LogicalName == expansion.Navigation.Target
                ? service.Retrieve(reference.LogicalName, reference.Id, expansion.Columns == null ? new ColumnSet(true) : new ColumnSet([.. expansion.Columns]))
                : null;
        }
        // Lookups read only to expand them are not shown unless selected.
        var shown = selected == null ? row : Without(row, expansions.Where(e => e.Navigation.Column != null && !selected.Contains(e.Navigation.Column)).Select(e => e.Navigation.Column!));
        using var buffer = new MemoryStream();
        using (var inner = new Utf8JsonWriter(buffer, WebApiResponse.JsonOptions)) _rows.Write(inner, shown, table, selected, expansions, related);
        using var document = JsonDocument.Parse(buffer.ToArray());
        writer.WriteString("@odata.context", $"{Root}$metadata#{table.Set.Name}{context}");
        foreach (var property in document.RootElement.EnumerateObject()) property.WriteTo(writer);
    }

    private static Entity Without(Entity row, IEnumerable<string> columns)
    {
        var copy = new Entity(row.LogicalName, row.Id) { RowVersion = row.RowVersion, FormattedValues = row.FormattedValues };
        var hidden = columns.ToHashSet(StringComparer.Ordinal);
        foreach (var (name, value) in row.Attributes)
            if (!hidden.Contains(name)) copy[name] = value;
        return copy;
    }

    // ---- writes --------------------------------------------------------------------------------------------------------

    private WebApiCall Create(WebApiTable table, WebApiRequest request, Func<string, string> resolveContentId, bool preassignIds)
    {
        using var body = Body(request);
        var entity = _rows.Read(body.RootElement, table, resolveContentId);
        if (entity.GetAttributeValue<Guid?>(table.Definition.PrimaryIdColumn) is { } given) entity.Id = given;
        if (preassignIds && entity.Id == Guid.Empty) entity.Id = Guid.NewGuid();
        var url = entity.Id != Guid.Empty ? $"{table.Set.Name}({entity.Id:D})" : null;
        return new WebApiCall([new CreateRequest { Target = entity }], (responses, service) =>
            Written(table, new EntityReference(table.LogicalName, (Guid)responses[0][ParameterNames.Id]!), request, service, created: true), url);
    }

    /// <summary>
    /// PATCH of a row is an upsert; <c>If-Match: *</c> makes it update-only (404 when missing), <c>If-None-Match: *</c>
    /// create-only (412 when it exists), <c>If-Match: W/"version"</c> an update only if the row version matches (412).
    /// A new owner is given by Assign, as the platform does for an update of ownerid.
    /// </summary>
    private WebApiCall Patch(WebApiTable table, EntityReference target, WebApiRequest request, Func<string, string> resolveContentId)
    {
        using var body = Body(request);
        var entity = _rows.Read(body.RootElement, table, resolveContentId);
        entity.Id = target.Id;
        entity.KeyAttributes = target.KeyAttributes;
        var ifMatch = request.Header("If-Match");
        var ifNoneMatch = request.Header("If-None-Match");
        if (ifNoneMatch == "*")
        {
            foreach (var (column, value) in target.KeyAttributes) entity[column] = value;
            return new WebApiCall([new CreateRequest { Target = entity }], (responses, service) =>
                Written(table, new EntityReference(table.LogicalName, (Guid)responses[0][ParameterNames.Id]!), request, service, created: true));
        }
        if (ifMatch == null)
        {
            return new WebApiCall([new UpsertRequest { Target = entity }], (responses, service) =>
            {
                var results = responses[0].Results;
                return Written(table, (EntityReference)results[ParameterNames.Target]!, request, service, (bool)results[ParameterNames.RecordCreated]!);
            });
        }
        var update = new UpdateRequest { Target = entity };
        if (ifMatch != "*")
        {
            update.ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches;
            entity.RowVersion = RowVersionOf(ifMatch);
        }
        var requests = new List<OrganizationRequest> { update };
        if (target.Id != Guid.Empty && entity.GetAttributeValue<EntityReference>(PhoneCall.OwnerId) is { } owner && update.ConcurrencyBehavior != ConcurrencyBehavior.IfRowVersionMatches)
        {
            entity.Attributes.Remove(PhoneCall.OwnerId);
            var assign = new OrganizationRequest(MessageNames.Assign);
            assign[ParameterNames.Target] = target;
            assign[ParameterNames.Assignee] = owner;
            requests.Add(assign);
            if (entity.Attributes.Count == 0) requests.RemoveAt(0);
        }
        return new WebApiCall(requests, (_, service) => Written(table, target, request, service, created: false));
    }

    /// <summary>204 with the row's URL, or (return=representation) the row: 201 when created, 200 when updated.</summary>
    private WebApiResponse Written(WebApiTable table, EntityReference row, WebApiRequest request, IOrganizationService service, bool created)
    {
        var url = Root + table.Set.Name + (row.Id != Guid.Empty ? $"({row.Id:D})" : "");
        var headers = new Dictionary<string, string> { ["OData-EntityId"] = url, ["Location"] = url };
        if (!request.Prefers("return=representation")) return WebApiResponse.NoContent(headers);
        var queryStart = request.PathAndQuery.IndexOf('?', StringComparison.Ordinal);
        var (selected, expansions) = ODataQuery.SelectAndExpand(
            Parser(table.Set.Name + $"({row.Id:D})" + (queryStart < 0 ? "" : request.PathAndQuery[queryStart..])).ParseSelectAndExpand(), table, _model);
        var entity = (Entity)service.Execute(RetrieveOf(table, row, selected, expansions)).Results[ParameterNames.Entity]!;
        return Json(created ? 201 : 200, w => WriteRow(w, entity, table, selected, expansions, service, "/$entity"), headers);
    }

    private static WebApiCall Delete(WebApiTable table, EntityReference target, WebApiRequest request)
    {
        var delete = new DeleteRequest { Target = target };
        if (request.Header("If-Match") is { } ifMatch && ifMatch != "*")
        {
            delete.ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches;
            target.RowVersion = RowVersionOf(ifMatch);
        }
        return new WebApiCall([delete], (_, _) => WebApiResponse.NoContent());
    }

    private static WebApiCall Relate(string message, EntityReference target, Relationship relationship, EntityReference other)
    {
        var request = new OrganizationRequest(message);
        request[ParameterNames.Target] = target;
        request[ParameterNames.Relationship] = relationship;
        request[ParameterNames.RelatedEntities] = new EntityReferenceCollection { other };
        return new WebApiCall([request], (_, _) => WebApiResponse.NoContent());
    }

    // ---- actions -------------------------------------------------------------------------------------------------------

    private WebApiCall AddToQueue(ODataUriParser parser, WebApiRequest request, Func<string, string> resolveContentId)
    {
        var segments = parser.ParsePath().ToList();
        if (segments.Count != 2 || segments[1] is not KeySegment key || _model.BySet(((EntitySetSegment)segments[0]).EntitySet.Name)?.LogicalName != Queue.EntityName)
            throw WebApiException.BadRequest("AddToQueue is bound to a queue: POST queues(<id>)/Microsoft.Dynamics.CRM.AddToQueue.");
        using var body = Body(request);
        var queue = JsonRows.ReferenceOf(_model.ByTable(Queue.EntityName)!, key);
        var addToQueue = new OrganizationRequest(MessageNames.AddToQueue);
        addToQueue[ParameterNames.Target] = EntityParameter(body.RootElement, ParameterNames.Target, resolveContentId);
        addToQueue[ParameterNames.DestinationQueueId] = queue.Id;
        return new WebApiCall([addToQueue], (responses, _) => Json(200, w =>
        {
            w.WriteString("@odata.context", Root + "$metadata#Microsoft.Dynamics.CRM.AddToQueueResponse");
            w.WriteString(ParameterNames.QueueItemId, (Guid)responses[0][ParameterNames.QueueItemId]!);
        }));
    }

    /// <summary>An entity-typed action parameter: <c>{"@odata.type": "Microsoft.Dynamics.CRM.phonecall", "activityid": "…"}</c>.</summary>
    private EntityReference EntityParameter(JsonElement body, string name, Func<string, string> resolveContentId)
    {
        if (!body.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.Object)
            throw WebApiException.BadRequest($"The parameter '{name}' is missing: give it as {{\"@odata.type\": \"Microsoft.Dynamics.CRM.<table>\", \"<primary id>\": \"<id>\"}}.");
        if (value.TryGetProperty("@odata.id", out var id)) return _rows.Reference(id.GetString()!, resolveContentId);
        var typeName = value.TryGetProperty("@odata.type", out var type) ? type.GetString() : null;
        var table = typeName != null ? _model.ByTable(typeName.TrimStart('#').Replace(WebApiModel.Namespace + ".", "", StringComparison.Ordinal)) : null;
        if (table == null || !value.TryGetProperty(table.Definition.PrimaryIdColumn, out var key) || !key.TryGetGuid(out var guid))
            throw WebApiException.BadRequest($"The parameter '{name}' needs @odata.type (Microsoft.Dynamics.CRM.<table>) and the row's primary id.");
        return new EntityReference(table.LogicalName, guid);
    }

    /// <summary>Custom APIs and RetrieveEnvironmentVariableSecretValue, with their parameters typed as declared.</summary>
    private WebApiCall UnboundAction(string name, WebApiRequest request)
    {
        using var body = Body(request);
        var action = new OrganizationRequest(name);
        if (name == MessageNames.RetrieveEnvironmentVariableSecretValue)
        {
            action[ParameterNames.EnvironmentVariableName] = body.RootElement.TryGetProperty(ParameterNames.EnvironmentVariableName, out var variable) ? variable.GetString() : null;
        }
        else
        {
            var api = _organization.CustomApis.FirstOrDefault(a => string.Equals(a.Declaration.UniqueName, name, StringComparison.Ordinal))
                ?? throw WebApiException.NotFound($"Resource not found for the segment '{name}'.");
            foreach (var property in body.RootElement.EnumerateObject())
            {
                if (property.Name.Contains('@', StringComparison.Ordinal)) continue;
                var parameter = api.RequestParameters.FirstOrDefault(p => p.UniqueName == property.Name)
                    ?? throw WebApiException.BadRequest($"The custom API {name} has no parameter '{property.Name}'.");
                action[property.Name] = ParameterValue(property.Value, parameter.Type, body.RootElement, property.Name);
            }
        }
        return new WebApiCall([action], (responses, _) => Json(200, w =>
        {
            w.WriteString("@odata.context", $"{Root}$metadata#Microsoft.Dynamics.CRM.{name}Response");
            foreach (var (key, value) in responses[0].Results)
            {
                w.WritePropertyName(key);
                JsonRows.WriteScalar(w, value, null);
            }
        }));
    }

    private object? ParameterValue(JsonElement value, CustomApiFieldType type, JsonElement body, string name)
    {
        if (value.ValueKind == JsonValueKind.Null) return null;
        try
        {
            return type switch
            {
                CustomApiFieldType.Boolean => value.GetBoolean(),
                CustomApiFieldType.DateTime => DateTime.Parse(value.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
                CustomApiFieldType.Decimal => value.GetDecimal(),
                CustomApiFieldType.Float => value.GetDouble(),
                CustomApiFieldType.Integer => value.GetInt32(),
                CustomApiFieldType.Money => new Money(value.GetDecimal()),
                CustomApiFieldType.Picklist => new OptionSetValue(value.GetInt32()),
                CustomApiFieldType.String => value.GetString(),
                CustomApiFieldType.StringArray => value.EnumerateArray().Select(v => v.GetString()!).ToArray(),
                CustomApiFieldType.Guid => value.GetGuid(),
                CustomApiFieldType.EntityReference => EntityParameter(body, name, NoContentIds),
                _ => throw WebApiException.BadRequest($"The local organization doesn't take {type} parameters over the Web API ('{name}')."),
            };
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException)
        {
            throw WebApiException.BadRequest($"The value of the parameter '{name}' is not a {type}.");
        }
    }

    // ---- helpers -------------------------------------------------------------------------------------------------------

    private ODataUriParser Parser(string relative) =>
        new(_model.Model, new Uri(relative, UriKind.Relative)) { Resolver = new AlternateKeysODataUriResolver(_model.Model) };

    private static JsonDocument Body(WebApiRequest request)
    {
        if (request.Body.Length == 0) return JsonDocument.Parse("{}");
        try
        {
            return JsonDocument.Parse(request.Body);
        }
        catch (JsonException e)
        {
            throw WebApiException.BadRequest($"The request body is not valid JSON: {e.Message}");
        }
    }

    private static string RowVersionOf(string etag) => (etag.StartsWith("W/", StringComparison.Ordinal) ? etag[2..] : etag).Trim('"');

    private static WebApiResponse Json(int status, Action<Utf8JsonWriter> write, IReadOnlyDictionary<string, string>? headers = null)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, WebApiResponse.JsonOptions))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }
        return WebApiResponse.Json(status, Encoding.UTF8.GetString(stream.ToArray()), headers);
    }

    private string WriteCsdl()
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var xml = XmlWriter.Create(text, new XmlWriterSettings { Indent = true }))
        {
            if (!CsdlWriter.TryWriteCsdl(_model.Model, xml, CsdlTarget.OData, out var errors))
                throw new InvalidOperationException("The EDM model can't be written as CSDL: " + string.Join("; ", errors.Select(e => e.ErrorMessage)));
        }
        return text.ToString();
    }
}
