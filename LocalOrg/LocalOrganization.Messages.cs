using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using VoiceForD365.Core.Registration;
using VoiceForD365.Core.Schema;
using VoiceForD365.LocalOrg.Metadata;
using VoiceForD365.LocalOrg.Pipeline;
using VoiceForD365.LocalOrg.Query;
using VoiceForD365.LocalOrg.Store;
using VoiceForD365.Solution.Model;

namespace VoiceForD365.LocalOrg;

// The core operation (stage 30) of each message the local organization supports.
public sealed partial class LocalOrganization
{
    private delegate ParameterCollection MessageHandler(OrganizationRequest request, PluginExecutionContext context, Caller caller);

    private MessageHandler HandlerFor(OrganizationRequest request)
    {
        switch (request.RequestName)
        {
            case MessageNames.Create: return (r, c, u) => Results(("id", CreateRow(Target<Entity>(r), u.UserId, c)));
            case MessageNames.Update: return (r, _, u) => { UpdateRow(Target<Entity>(r), u.UserId); return new ParameterCollection(); };
            case MessageNames.Delete: return (r, _, _) => { DeleteRow(Target<EntityReference>(r)); return new ParameterCollection(); };
            case MessageNames.Retrieve: return (r, _, _) => Results(("Entity", RetrieveRow(Target<EntityReference>(r), Parameter<ColumnSet>(r, "ColumnSet"))));
            case MessageNames.RetrieveMultiple: return (r, _, _) => Results(("EntityCollection", QueryEngine.Execute(Parameter<QueryBase>(r, "Query"), this)));
            case MessageNames.Associate: return (r, _, _) => { Relate(r, associate: true); return new ParameterCollection(); };
            case MessageNames.Disassociate: return (r, _, _) => { Relate(r, associate: false); return new ParameterCollection(); };
            case MessageNames.Upsert: return Upsert;
            case MessageNames.Assign: return (r, _, u) => { Assign(r, u.UserId); return new ParameterCollection(); };
            case MessageNames.AddToQueue: return (r, _, u) => Results(("QueueItemId", AddToQueue(r, u.UserId)));
            case MessageNames.WhoAmI: return (_, _, u) => Results(("UserId", u.UserId), ("BusinessUnitId", RootBusinessUnitId), ("OrganizationId", OrganizationId));
            case MessageNames.AddMembersTeam: return (r, _, _) => { AddMembers(r); return new ParameterCollection(); };
            case MessageNames.RetrieveEnvironmentVariableSecretValue: return (r, _, _) => Results(("EnvironmentVariableSecretValue", SecretValue(Parameter<string>(r, "EnvironmentVariableName"))));
        }
        if (_customApis.TryGetValue(request.RequestName, out var api)) return (r, c, u) => RunCustomApi(api, r, c, u);
        throw Faults.Create(Faults.RequestNotSupported, $"Request not supported: {request.RequestName}. The local organization has no message or custom API with that name.");
    }

    private static ParameterCollection Results(params (string Key, object? Value)[] results)
    {
        var collection = new ParameterCollection();
        foreach (var (key, value) in results) collection[key] = value;
        return collection;
    }

    private static T Target<T>(OrganizationRequest request) where T : class => Parameter<T>(request, "Target");

    private static T Parameter<T>(OrganizationRequest request, string name) where T : class =>
        request.Parameters.TryGetValue(name, out var value) && value is T typed
            ? typed
            : throw Faults.InvalidArgumentFault($"Required field '{name}' of type {typeof(T).Name} is missing for the '{request.RequestName}' request.");

    private Guid CreateRow(Entity target, Guid userId, PluginExecutionContext context)
    {
        var table = Metadata.Table(target.LogicalName);
        var id = target.Id != Guid.Empty ? target.Id : target.GetAttributeValue<Guid?>(table.PrimaryIdColumn) ?? Guid.NewGuid();
        if (_store.Find(table.LogicalName, id) != null)
            throw Faults.Create(Faults.DuplicateRecord, $"Cannot insert duplicate key. A {table.LogicalName} with id {id} already exists.");
        Metadata.ValidateAttributes(table, target, isCreate: true);

        var row = EntityCopy.Clone(target, column => !Metadata.Column(table, column).IsSystemManaged || column == "ownerid");
        row.Id = id;
        row.KeyAttributes.Clear();
        row[table.PrimaryIdColumn] = id;
        if (table.FindColumn("ownerid") != null && row.GetAttributeValue<EntityReference>("ownerid") == null)
            row["ownerid"] = new EntityReference(SystemUser.EntityName, userId);
        if (table.FindColumn("statecode") != null && !row.Contains("statecode")) row["statecode"] = new OptionSetValue(0);
        if (table.FindColumn("statuscode") is { } status && !row.Contains("statuscode")) row["statuscode"] = new OptionSetValue(status.Options.FirstOrDefault()?.Value ?? 1);
        _store.Insert(table, Stamp(row, userId, created: true));
        context.PrimaryEntityId = id;
        return id;
    }

    private void UpdateRow(Entity target, Guid userId)
    {
        var table = Metadata.Table(target.LogicalName);
        var id = target.Id != Guid.Empty ? target.Id
            : target.KeyAttributes.Count > 0 ? _store.FindByKey(table, target.KeyAttributes) ?? throw Faults.RecordNotFound(table.LogicalName, Guid.Empty)
            : target.GetAttributeValue<Guid?>(table.PrimaryIdColumn) ?? throw Faults.InvalidArgumentFault($"Entity Id must be specified for Update of '{table.LogicalName}'.");
        var existing = _store.Find(table.LogicalName, id) ?? throw Faults.RecordNotFound(table.LogicalName, id);
        Metadata.ValidateAttributes(table, target, isCreate: false);
        var row = EntityCopy.Clone(existing);
        foreach (var attribute in target.Attributes)
            if (!Metadata.Column(table, attribute.Key).IsSystemManaged || attribute.Key == "ownerid")
                row[attribute.Key] = EntityCopy.CloneValue(attribute.Value);
        _store.Replace(table, Stamp(row, userId, created: false));
    }

    private void DeleteRow(EntityReference target)
    {
        var table = Metadata.Table(target.LogicalName);
        if (_store.Find(table.LogicalName, target.Id) == null) throw Faults.RecordNotFound(table.LogicalName, target.Id);
        _store.Remove(table, target.Id);
        // Dataverse removes the record's many-to-many links with it.
        foreach (var relationship in StandardTables.ManyToMany)
        {
            var intersect = Metadata.Table(relationship.IntersectEntity);
            var column = target.LogicalName == relationship.Entity1 ? relationship.Entity1IntersectAttribute
                : target.LogicalName == relationship.Entity2 ? relationship.Entity2IntersectAttribute : null;
            if (column == null) continue;
            foreach (var link in _store.Rows(intersect.LogicalName).Where(r => r.GetAttributeValue<Guid>(column) == target.Id).ToList())
                _store.Remove(intersect, link.Id);
        }
    }

    private Entity RetrieveRow(EntityReference target, ColumnSet columns)
    {
        var table = Metadata.Table(target.LogicalName);
        var row = _store.Find(table.LogicalName, target.Id) ?? throw Faults.RecordNotFound(table.LogicalName, target.Id);
        if (columns.AllColumns) return EntityCopy.Clone(row);
        foreach (var column in columns.Columns) Metadata.Column(table, column);
        return EntityCopy.Clone(row, column => column == table.PrimaryIdColumn || columns.Columns.Contains(column));
    }

    private void Relate(OrganizationRequest request, bool associate)
    {
        var target = Target<EntityReference>(request);
        var relationship = Metadata.Relationship(Parameter<Relationship>(request, "Relationship").SchemaName);
        var related = Parameter<EntityReferenceCollection>(request, "RelatedEntities");
        var intersect = Metadata.Table(relationship.IntersectEntity);
        RequireRow(target);
        foreach (var other in related)
        {
            RequireRow(other);
            var (first, second) = target.LogicalName == relationship.Entity1 && other.LogicalName == relationship.Entity2 ? (target, other)
                : target.LogicalName == relationship.Entity2 && other.LogicalName == relationship.Entity1 ? (other, target)
                : throw Faults.InvalidArgumentFault($"The relationship {relationship.SchemaName} links {relationship.Entity1} and {relationship.Entity2}, not {target.LogicalName} and {other.LogicalName}.");
            var existing = _store.Rows(intersect.LogicalName).FirstOrDefault(r =>
                r.GetAttributeValue<Guid>(relationship.Entity1IntersectAttribute) == first.Id && r.GetAttributeValue<Guid>(relationship.Entity2IntersectAttribute) == second.Id);
            if (associate)
            {
                if (existing != null) throw Faults.Create(Faults.DuplicateRecord, $"Cannot insert duplicate key: the {relationship.SchemaName} association already exists.");
                var id = Guid.NewGuid();
                _store.Insert(intersect, new Entity(intersect.LogicalName, id)
                {
                    [intersect.PrimaryIdColumn] = id,
                    [relationship.Entity1IntersectAttribute] = first.Id,
                    [relationship.Entity2IntersectAttribute] = second.Id,
                });
            }
            else if (existing != null)
            {
                _store.Remove(intersect, existing.Id);
            }
        }
    }

    /// <summary>AddMembersTeam writes the memberships itself: unlike the user interface, it does not raise Associate.</summary>
    private void AddMembers(OrganizationRequest request)
    {
        var teamId = request.Parameters.TryGetValue("TeamId", out var team) && team is Guid id ? id : throw Faults.InvalidArgumentFault("Required field 'TeamId' is missing for the 'AddMembersTeam' request.");
        var members = Parameter<Guid[]>(request, "MemberIds");
        var relationship = Metadata.Relationship(Relationships.TeamMembership);
        var intersect = Metadata.Table(relationship.IntersectEntity);
        RequireRow(new EntityReference(Team.EntityName, teamId));
        foreach (var userId in members)
        {
            RequireRow(new EntityReference(SystemUser.EntityName, userId));
            var isMember = _store.Rows(intersect.LogicalName).Any(r => r.GetAttributeValue<Guid>(Team.PrimaryId) == teamId && r.GetAttributeValue<Guid>(SystemUser.PrimaryId) == userId);
            if (isMember) continue;
            var rowId = Guid.NewGuid();
            _store.Insert(intersect, new Entity(intersect.LogicalName, rowId) { [intersect.PrimaryIdColumn] = rowId, [SystemUser.PrimaryId] = userId, [Team.PrimaryId] = teamId });
        }
    }

    private ParameterCollection Upsert(OrganizationRequest request, PluginExecutionContext context, Caller caller)
    {
        var target = Target<Entity>(request);
        var table = Metadata.Table(target.LogicalName);
        var existingId = target.KeyAttributes.Count > 0 ? _store.FindByKey(table, target.KeyAttributes)
            : target.Id != Guid.Empty && _store.Find(table.LogicalName, target.Id) != null ? target.Id : null;
        var inner = EntityCopy.Clone(target);
        inner.KeyAttributes.Clear();
        // Upsert runs Create or Update as a child request, so their plug-ins run too.
        var service = new OrganizationService(this, caller with { Parent = context, InTransaction = true });
        Guid id;
        if (existingId is { } found)
        {
            inner.Id = found;
            service.Update(inner);
            id = found;
        }
        else
        {
            foreach (var key in target.KeyAttributes) inner[key.Key] = EntityCopy.CloneValue(key.Value);
            id = service.Create(inner);
        }
        context.PrimaryEntityId = id;
        return Results(("RecordCreated", existingId == null), ("Target", new EntityReference(table.LogicalName, id)));
    }

    private void Assign(OrganizationRequest request, Guid userId)
    {
        var target = Target<EntityReference>(request);
        var assignee = Parameter<EntityReference>(request, "Assignee");
        if (assignee.LogicalName is not (SystemUser.EntityName or Team.EntityName))
            throw Faults.InvalidArgumentFault($"A record can be assigned to a user or a team, not to a {assignee.LogicalName}.");
        RequireRow(assignee);
        UpdateRow(new Entity(target.LogicalName, target.Id) { ["ownerid"] = new EntityReference(assignee.LogicalName, assignee.Id) }, userId);
    }

    private Guid AddToQueue(OrganizationRequest request, Guid userId)
    {
        var target = Target<EntityReference>(request);
        var destination = request.Parameters.TryGetValue("DestinationQueueId", out var value) && value is Guid queueId
            ? queueId : throw Faults.InvalidArgumentFault("Required field 'DestinationQueueId' is missing for the 'AddToQueue' request.");
        RequireRow(target);
        RequireRow(new EntityReference(Queue.EntityName, destination));
        var items = Metadata.Table(QueueItem.EntityName);
        // An object is in at most one queue: adding it elsewhere moves its queue item.
        var existing = _store.Rows(items.LogicalName).FirstOrDefault(r => r.GetAttributeValue<EntityReference>(QueueItem.ObjectId)?.Id == target.Id);
        if (existing != null)
        {
            UpdateRow(new Entity(items.LogicalName, existing.Id) { [QueueItem.QueueId] = new EntityReference(Queue.EntityName, destination) }, userId);
            return existing.Id;
        }
        var item = new Entity(items.LogicalName)
        {
            [QueueItem.QueueId] = new EntityReference(Queue.EntityName, destination),
            [QueueItem.ObjectId] = new EntityReference(target.LogicalName, target.Id),
        };
        return CreateRow(item, userId, new PluginExecutionContext());
    }

    private ParameterCollection RunCustomApi(CustomApiRegistration api, OrganizationRequest request, PluginExecutionContext context, Caller caller)
    {
        foreach (var parameter in api.RequestParameters.Where(p => !p.IsOptional))
            if (!request.Parameters.ContainsKey(parameter.UniqueName))
                throw Faults.InvalidArgumentFault($"The custom API {api.Declaration.UniqueName} requires the parameter '{parameter.UniqueName}'.");
        var unknown = request.Parameters.Keys.FirstOrDefault(k => api.RequestParameters.All(p => p.UniqueName != k));
        if (unknown != null) throw Faults.InvalidArgumentFault($"The custom API {api.Declaration.UniqueName} has no parameter '{unknown}'.");
        var stepContext = context.ForStep(api.Step, new EntityImageCollection(), new EntityImageCollection(), inTransaction: true);
        RunPlugin(api.Step, stepContext, caller with { Parent = stepContext, InTransaction = true, FromPlugin = true });
        var results = new ParameterCollection();
        foreach (var property in api.ResponseProperties)
            results[property.UniqueName] = stepContext.OutputParameters.TryGetValue(property.UniqueName, out var output) ? output : null;
        stepContext.OutputParameters.Clear(); // the pipeline copies the declared results back
        return results;
    }

    /// <summary>Dataverse reads a secret-typed variable from Azure Key Vault; the local organization keeps it as the variable's value.</summary>
    private string SecretValue(string schemaName)
    {
        var definition = _store.Rows(EnvironmentVariableDefinition.EntityName)
            .FirstOrDefault(d => string.Equals(d.GetAttributeValue<string>(EnvironmentVariableDefinition.SchemaName), schemaName, StringComparison.OrdinalIgnoreCase))
            ?? throw Faults.InvalidArgumentFault($"Environment variable '{schemaName}' does not exist.");
        if (definition.GetAttributeValue<OptionSetValue>(EnvironmentVariableDefinition.Type)?.Value != EnvironmentVariableDefinition.TypeSecret)
            throw Faults.InvalidArgumentFault($"Environment variable '{schemaName}' is not of type Secret.");
        var value = _store.Rows(EnvironmentVariableValue.EntityName)
            .FirstOrDefault(v => v.GetAttributeValue<EntityReference>(EnvironmentVariableValue.DefinitionId)?.Id == definition.Id);
        return value?.GetAttributeValue<string>(EnvironmentVariableValue.Value)
            ?? throw Faults.InvalidArgumentFault($"Environment variable '{schemaName}' has no value.");
    }

    private void RequireRow(EntityReference reference)
    {
        var table = Metadata.Table(reference.LogicalName);
        if (_store.Find(table.LogicalName, reference.Id) == null) throw Faults.RecordNotFound(table.LogicalName, reference.Id);
    }

    /// <summary>Sets the audit columns the platform writes: created on/by on create, modified on/by always.</summary>
    private Entity Stamp(Entity row, Guid userId, bool created = true)
    {
        var table = Metadata.Table(row.LogicalName);
        var now = _options.UtcNow();
        var user = new EntityReference(SystemUser.EntityName, userId);
        if (created && table.FindColumn("createdon") != null)
        {
            row["createdon"] = now;
            row["createdby"] = user;
        }
        if (table.FindColumn("modifiedon") != null)
        {
            row["modifiedon"] = now;
            row["modifiedby"] = EntityCopy.CloneReference(user);
        }
        if (created && table.FindColumn("owningbusinessunit") != null) row["owningbusinessunit"] = new EntityReference(BusinessUnit.EntityName, RootBusinessUnitId);
        return row;
    }
}
