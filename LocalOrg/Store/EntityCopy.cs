using Microsoft.Xrm.Sdk;

namespace VoiceForD365.LocalOrg.Store;

/// <summary>Deep copies of entities and values, so that no caller ever holds a reference into the store (as over the wire).</summary>
internal static class EntityCopy
{
    public static Entity Clone(Entity source, Func<string, bool>? includeColumn = null)
    {
        var copy = new Entity(source.LogicalName, source.Id) { EntityState = source.EntityState, RowVersion = source.RowVersion };
        foreach (var attribute in source.Attributes)
            if (includeColumn == null || includeColumn(attribute.Key))
                copy.Attributes[attribute.Key] = CloneValue(attribute.Value);
        foreach (var key in source.KeyAttributes) copy.KeyAttributes[key.Key] = CloneValue(key.Value);
        foreach (var formatted in source.FormattedValues) copy.FormattedValues[formatted.Key] = formatted.Value;
        return copy;
    }

    /// <param name="nameOf">Gives a lookup its name, as Dataverse fills it on retrieval (queries pass the referenced row's name).</param>
    public static object? CloneValue(object? value, Func<EntityReference, string?>? nameOf = null) => value switch
    {
        EntityReference reference => CloneReference(reference, nameOf),
        OptionSetValue option => new OptionSetValue(option.Value),
        Money money => new Money(money.Value),
        EntityCollection collection => new EntityCollection(collection.Entities.Select(e => Clone(e)).ToList())
        {
            EntityName = collection.EntityName,
            MoreRecords = collection.MoreRecords,
            PagingCookie = collection.PagingCookie,
            TotalRecordCount = collection.TotalRecordCount,
            TotalRecordCountLimitExceeded = collection.TotalRecordCountLimitExceeded,
        },
        Entity entity => Clone(entity),
        AliasedValue aliased => new AliasedValue(aliased.EntityLogicalName, aliased.AttributeLogicalName, CloneValue(aliased.Value, nameOf)),
        byte[] bytes => bytes.Clone(),
        _ => value,
    };

    public static EntityReference CloneReference(EntityReference reference, Func<EntityReference, string?>? nameOf = null)
    {
        var copy = new EntityReference(reference.LogicalName, reference.Id) { Name = nameOf?.Invoke(reference) ?? reference.Name, RowVersion = reference.RowVersion };
        foreach (var key in reference.KeyAttributes) copy.KeyAttributes[key.Key] = CloneValue(key.Value);
        return copy;
    }
}
