using Microsoft.Xrm.Sdk;
using VoiceForD365.Core.Schema;
using VoiceForD365.LocalOrg.Metadata;
using VoiceForD365.LocalOrg.Pipeline;
using VoiceForD365.LocalOrg.Query;
using VoiceForD365.Solution.Model;

namespace VoiceForD365.LocalOrg.Store;

/// <summary>
/// The organization's rows as its messages read and write them: checked against the metadata, stamped with the
/// platform's columns (owner, state, created and modified on and by) and kept in the store. What several messages
/// share lives here (Assign and AddToQueue write as Update and Create do); what one message does lives in its handler.
/// </summary>
internal sealed class Records(OrganizationMetadata metadata, DataStore store, OrganizationIdentity identity, Func<DateTime> utcNow) : IQuerySource
{
    public OrganizationMetadata Metadata => metadata;

    public DataStore Store => store;

    public DateTime UtcNow => utcNow();

    TableDefinition IQuerySource.Table(string logicalName) => metadata.Table(logicalName);

    IEnumerable<Entity> IQuerySource.Rows(string logicalName) => store.Rows(logicalName);

    /// <summary>
    /// Inserts a new row as Create does: the id given or a new one, the owner, state and audit columns. A target with
    /// alternate key values (and no id) is created with them, and only if no row has them (the duplicate-record fault).
    /// </summary>
    public Guid Create(Entity target, Guid userId)
    {
        var table = metadata.Table(target.LogicalName);
        RequireWritable(table, null);
        var id = target.Id != Guid.Empty ? target.Id : target.GetAttributeValue<Guid?>(table.PrimaryIdColumn) ?? Guid.NewGuid();
        if (store.Find(table.LogicalName, id) != null)
            throw Faults.Create(Faults.DuplicateRecord, $"Cannot insert duplicate key. A {table.LogicalName} with id {id} already exists.");
        if (target.KeyAttributes.Count > 0)
        {
            if (store.FindByKey(table, target.KeyAttributes) != null) throw Faults.DuplicateKey();
            target = EntityCopy.Clone(target);
            foreach (var (column, value) in target.KeyAttributes) target[column] = value;
        }
        metadata.ValidateAttributes(table, target, isCreate: true);

        var row = EntityCopy.Clone(target, column => !metadata.Column(table, column).IsSystemManaged || column == StandardColumns.OwnerId);
        row.Id = id;
        row.KeyAttributes.Clear();
        row[table.PrimaryIdColumn] = id;
        if (table.FindColumn(StandardColumns.OwnerId) != null && row.GetAttributeValue<EntityReference>(StandardColumns.OwnerId) == null)
            row[StandardColumns.OwnerId] = new EntityReference(SystemUser.EntityName, userId);
        if (table.FindColumn(StandardColumns.StateCode) != null && !row.Contains(StandardColumns.StateCode)) row[StandardColumns.StateCode] = new OptionSetValue(0);
        ReconcileState(table, row, target);
        store.Insert(table, Stamp(row, userId, created: true));
        return id;
    }

    /// <summary>
    /// Writes the given columns of an existing row (found by id, alternate key or primary id column) as Update does;
    /// with <see cref="ConcurrencyBehavior.IfRowVersionMatches"/> only if the target's RowVersion is the row's.
    /// </summary>
    public void Update(Entity target, Guid userId, ConcurrencyBehavior behavior = ConcurrencyBehavior.Default)
    {
        var table = metadata.Table(target.LogicalName);
        var id = target.Id != Guid.Empty ? target.Id
            : target.KeyAttributes.Count > 0 ? store.FindByKey(table, target.KeyAttributes) ?? throw Faults.RecordNotFound(table.LogicalName, Guid.Empty)
            : target.GetAttributeValue<Guid?>(table.PrimaryIdColumn) ?? throw Faults.InvalidArgumentFault($"Entity Id must be specified for Update of '{table.LogicalName}'.");
        var existing = store.Find(table.LogicalName, id) ?? throw Faults.RecordNotFound(table.LogicalName, id);
        RequireWritable(table, target);
        RequireVersion(existing, behavior, target.RowVersion);
        metadata.ValidateAttributes(table, target, isCreate: false);
        RequireEditableActivity(table, existing, target);
        var row = EntityCopy.Clone(existing);
        foreach (var attribute in target.Attributes)
            if (!metadata.Column(table, attribute.Key).IsSystemManaged || attribute.Key == StandardColumns.OwnerId)
                row[attribute.Key] = EntityCopy.CloneValue(attribute.Value);
        ReconcileState(table, row, target);
        store.Replace(table, Stamp(row, userId, created: false));
    }

    /// <summary>Inserts a row the organization itself holds (business unit, users, imported components), stamped as SYSTEM.</summary>
    public void Seed(Entity row) => store.Insert(metadata.Table(row.LogicalName), Stamp(row, identity.SystemUserId));

    /// <summary>Seeds a platform table's row (<see cref="PlatformTables"/>) when the organization's metadata has the table.</summary>
    public void SeedComponent(Entity row)
    {
        if (metadata.HasTable(row.LogicalName)) Seed(row);
    }

    /// <exception cref="System.ServiceModel.FaultException{OrganizationServiceFault}">The table or the row does not exist.</exception>
    public void Require(EntityReference reference)
    {
        var table = metadata.Table(reference.LogicalName);
        if (store.Find(table.LogicalName, reference.Id) == null) throw Faults.RecordNotFound(table.LogicalName, reference.Id);
    }

    public Guid? ResolveKey(string table, KeyAttributeCollection keys) => store.FindByKey(metadata.Table(table), keys);

    /// <summary>The stored row a reference names, by id or alternate key.</summary>
    /// <exception cref="System.ServiceModel.FaultException{OrganizationServiceFault}">No such row: the not-found fault.</exception>
    public Entity Find(EntityReference reference)
    {
        var table = metadata.Table(reference.LogicalName);
        var id = reference.Id != Guid.Empty || reference.KeyAttributes.Count == 0 ? reference.Id : store.FindByKey(table, reference.KeyAttributes) ?? Guid.Empty;
        return store.Find(table.LogicalName, id) ?? throw Faults.RecordNotFound(table.LogicalName, id);
    }

    /// <summary>
    /// Refuses a write to a platform table the organization fills itself (<see cref="PlatformTables.ReadOnly"/>); an
    /// update (<paramref name="update"/>) of only the state of a step or a process passes.
    /// </summary>
    public static void RequireWritable(TableDefinition table, Entity? update)
    {
        if (!PlatformTables.ReadOnly.Contains(table.LogicalName)) return;
        if (update != null && PlatformTables.StateChangeOnly.Contains(table.LogicalName)
            && update.Attributes.Keys.All(c => c is StandardColumns.StateCode or StandardColumns.StatusCode || c == table.PrimaryIdColumn))
            return;
        throw Faults.ReadOnlyTable(table.LogicalName);
    }

    /// <summary>
    /// A completed or canceled activity is read-only, as in Dataverse: the only update allowed is one that opens it
    /// again (statecode 0), which may change other columns with it.
    /// </summary>
    private static void RequireEditableActivity(TableDefinition table, Entity existing, Entity target)
    {
        if (!table.IsActivity) return;
        var state = existing.GetAttributeValue<OptionSetValue>(StandardColumns.StateCode)?.Value ?? 0;
        if (state == 0 || target.GetAttributeValue<OptionSetValue>(StandardColumns.StateCode)?.Value == 0) return;
        throw Faults.ReadOnlyRecord();
    }

    /// <summary>
    /// Keeps statecode and statuscode together where the metadata says which state a status reason belongs to: a
    /// status given alone brings its state, a state given alone its first status reason, and a status reason of
    /// another state is refused as Dataverse refuses it.
    /// </summary>
    private static void ReconcileState(TableDefinition table, Entity row, Entity target)
    {
        if (table.FindColumn(StandardColumns.StatusCode) is not { } status || table.FindColumn(StandardColumns.StateCode) == null) return;
        var statuses = status.Options;
        var stateGiven = target.Contains(StandardColumns.StateCode);
        var statusGiven = target.Contains(StandardColumns.StatusCode);
        var state = row.GetAttributeValue<OptionSetValue>(StandardColumns.StateCode)?.Value ?? 0;
        if (statuses.All(o => o.State == null))
        {
            if (!row.Contains(StandardColumns.StatusCode)) row[StandardColumns.StatusCode] = new OptionSetValue(statuses.FirstOrDefault()?.Value ?? 1);
            return;
        }
        if (statusGiven && !stateGiven && statuses.FirstOrDefault(o => o.Value == row.GetAttributeValue<OptionSetValue>(StandardColumns.StatusCode)?.Value)?.State is { } ofStatus)
        {
            state = ofStatus;
            row[StandardColumns.StateCode] = new OptionSetValue(state);
        }
        else if (!statusGiven && (stateGiven || !row.Contains(StandardColumns.StatusCode)))
        {
            row[StandardColumns.StatusCode] = new OptionSetValue(statuses.FirstOrDefault(o => o.State == state)?.Value ?? 1);
        }
        var reason = row.GetAttributeValue<OptionSetValue>(StandardColumns.StatusCode)?.Value;
        var option = statuses.FirstOrDefault(o => o.Value == reason);
        if (option?.State is { } belongs && belongs != state)
            throw Faults.InvalidArgumentFault($"{reason} is not a valid status code for state code {table.LogicalName} state {state} ({option.Label} is a status reason of state {belongs}).");
    }

    /// <summary>Optimistic concurrency: with IfRowVersionMatches the caller's version must be given and be the row's.</summary>
    public static void RequireVersion(Entity existing, ConcurrencyBehavior behavior, string? rowVersion)
    {
        if (behavior != ConcurrencyBehavior.IfRowVersionMatches) return;
        if (string.IsNullOrEmpty(rowVersion)) throw Faults.RowVersionNotProvided();
        if (!string.Equals(existing.RowVersion, rowVersion, StringComparison.Ordinal)) throw Faults.RowVersionMismatch();
    }

    /// <summary>The intersect row linking <paramref name="first"/> (the relationship's Entity1) and <paramref name="second"/>, if any.</summary>
    public Entity? FindLink(ManyToManyDefinition relationship, Guid first, Guid second) =>
        store.Rows(relationship.IntersectEntity).FirstOrDefault(r =>
            r.GetAttributeValue<Guid>(relationship.Entity1IntersectAttribute) == first && r.GetAttributeValue<Guid>(relationship.Entity2IntersectAttribute) == second);

    public void AddLink(ManyToManyDefinition relationship, Guid first, Guid second)
    {
        var intersect = metadata.Table(relationship.IntersectEntity);
        var id = Guid.NewGuid();
        store.Insert(intersect, new Entity(intersect.LogicalName, id)
        {
            [intersect.PrimaryIdColumn] = id,
            [relationship.Entity1IntersectAttribute] = first,
            [relationship.Entity2IntersectAttribute] = second,
        });
    }

    public void RemoveLink(ManyToManyDefinition relationship, Entity link) => store.Remove(metadata.Table(relationship.IntersectEntity), link.Id);

    /// <summary>Sets the audit columns the platform writes: created on/by on create, modified on/by always.</summary>
    private Entity Stamp(Entity row, Guid userId, bool created = true)
    {
        var table = metadata.Table(row.LogicalName);
        var now = utcNow();
        var user = new EntityReference(SystemUser.EntityName, userId);
        if (created && table.FindColumn(StandardColumns.CreatedOn) != null)
        {
            row[StandardColumns.CreatedOn] = now;
            row[StandardColumns.CreatedBy] = user;
        }
        if (table.FindColumn(StandardColumns.ModifiedOn) != null)
        {
            row[StandardColumns.ModifiedOn] = now;
            row[StandardColumns.ModifiedBy] = EntityCopy.CloneReference(user);
        }
        if (created && table.FindColumn(StandardColumns.OwningBusinessUnit) != null)
            row[StandardColumns.OwningBusinessUnit] = new EntityReference(BusinessUnit.EntityName, identity.RootBusinessUnitId);
        return row;
    }
}
