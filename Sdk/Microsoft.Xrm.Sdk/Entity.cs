using System;
using System.Collections.Generic;

namespace Microsoft.Xrm.Sdk
{
    public enum EntityState
    {
        Unchanged = 0,
        Created = 1,
        Changed = 2,
    }

    public enum EntityRole
    {
        Referencing = 0,
        Referenced = 1,
    }

    public class Entity
    {
        private AttributeCollection _attributes = new AttributeCollection();
        private KeyAttributeCollection _keyAttributes = new KeyAttributeCollection();
        private FormattedValueCollection _formattedValues = new FormattedValueCollection();

        public Entity() { }

        public Entity(string entityName) => LogicalName = entityName;

        public Entity(string entityName, Guid id)
        {
            LogicalName = entityName;
            Id = id;
        }

        public Entity(string entityName, KeyAttributeCollection keyAttributes)
        {
            LogicalName = entityName;
            KeyAttributes = keyAttributes;
        }

        public Entity(string entityName, string keyName, object keyValue)
        {
            LogicalName = entityName;
            KeyAttributes[keyName] = keyValue;
        }

        public string LogicalName { get; set; } = null!;

        public virtual Guid Id { get; set; }

        public AttributeCollection Attributes
        {
            get => _attributes;
            set => _attributes = value ?? new AttributeCollection();
        }

        public KeyAttributeCollection KeyAttributes
        {
            get => _keyAttributes;
            set => _keyAttributes = value ?? new KeyAttributeCollection();
        }

        public FormattedValueCollection FormattedValues
        {
            get => _formattedValues;
            set => _formattedValues = value ?? new FormattedValueCollection();
        }

        public EntityState? EntityState { get; set; }

        public string? RowVersion { get; set; }

        /// <summary>Throws KeyNotFoundException when the attribute is absent, as the real SDK does.</summary>
        public object? this[string attributeName]
        {
            get => Attributes[attributeName];
            set => Attributes[attributeName] = value;
        }

        public bool Contains(string attributeName) => Attributes.ContainsKey(attributeName);

        /// <summary>Default of T when the attribute is absent or null; InvalidCastException when it holds another type.</summary>
        public T GetAttributeValue<T>(string attributeLogicalName)
        {
            if (!Attributes.TryGetValue(attributeLogicalName, out var value) || value == null) return default!;
            return (T)value;
        }

        public bool TryGetAttributeValue<T>(string attributeLogicalName, out T value)
        {
            if (Attributes.TryGetValue(attributeLogicalName, out var raw) && raw is T typed)
            {
                value = typed;
                return true;
            }
            value = default!;
            return false;
        }

        public void SetAttributeValue(string attributeLogicalName, object? value) => Attributes[attributeLogicalName] = value;

        public string GetFormattedAttributeValue(string attributeLogicalName) =>
            FormattedValues.TryGetValue(attributeLogicalName, out var text) ? text : string.Empty;

        public EntityReference ToEntityReference()
        {
            var reference = new EntityReference(LogicalName, Id) { RowVersion = RowVersion };
            reference.KeyAttributes.AddRange(KeyAttributes);
            return reference;
        }
    }

    public sealed class EntityReference
    {
        private KeyAttributeCollection _keyAttributes = new KeyAttributeCollection();

        public EntityReference() { }

        public EntityReference(string logicalName) => LogicalName = logicalName;

        public EntityReference(string logicalName, Guid id)
        {
            LogicalName = logicalName;
            Id = id;
        }

        public EntityReference(string logicalName, KeyAttributeCollection keyAttributeCollection)
        {
            LogicalName = logicalName;
            KeyAttributes = keyAttributeCollection;
        }

        public EntityReference(string logicalName, string keyName, object keyValue)
        {
            LogicalName = logicalName;
            KeyAttributes[keyName] = keyValue;
        }

        public string LogicalName { get; set; } = null!;

        public Guid Id { get; set; }

        public string? Name { get; set; }

        /// <summary>The version of the row this reference was taken from (DeleteRequest with ConcurrencyBehavior.IfRowVersionMatches).</summary>
        public string? RowVersion { get; set; }

        public KeyAttributeCollection KeyAttributes
        {
            get => _keyAttributes;
            set => _keyAttributes = value ?? new KeyAttributeCollection();
        }

        public override bool Equals(object? obj) =>
            obj is EntityReference other && other.Id == Id && string.Equals(other.LogicalName, LogicalName, StringComparison.Ordinal);

        public override int GetHashCode() => Id.GetHashCode() ^ (LogicalName?.GetHashCode() ?? 0);
    }

    public sealed class EntityCollection
    {
        private DataCollection<Entity> _entities = new DataCollection<Entity>();

        public EntityCollection() { }

        public EntityCollection(IList<Entity> list) => _entities.AddRange(list);

        public DataCollection<Entity> Entities
        {
            get => _entities;
            set => _entities = value ?? new DataCollection<Entity>();
        }

        public Entity this[int index]
        {
            get => Entities[index];
            set => Entities[index] = value;
        }

        public string? EntityName { get; set; }

        public bool MoreRecords { get; set; }

        public string? PagingCookie { get; set; }

        public int TotalRecordCount { get; set; }

        public bool TotalRecordCountLimitExceeded { get; set; }
    }

    public sealed class OptionSetValue
    {
        public OptionSetValue() { }

        public OptionSetValue(int value) => Value = value;

        public int Value { get; set; }

        public override bool Equals(object? obj) => obj is OptionSetValue other && other.Value == Value;

        public override int GetHashCode() => Value.GetHashCode();
    }

    public sealed class Money
    {
        public Money() { }

        public Money(decimal value) => Value = value;

        public decimal Value { get; set; }

        public override bool Equals(object? obj) => obj is Money other && other.Value == Value;

        public override int GetHashCode() => Value.GetHashCode();
    }

    public sealed class AliasedValue
    {
        public AliasedValue() { }

        public AliasedValue(string entityLogicalName, string attributeLogicalName, object? value)
        {
            EntityLogicalName = entityLogicalName;
            AttributeLogicalName = attributeLogicalName;
            Value = value;
        }

        public string EntityLogicalName { get; private set; } = null!;

        public string AttributeLogicalName { get; private set; } = null!;

        public object? Value { get; private set; }
    }

    public sealed class Relationship
    {
        public Relationship() { }

        public Relationship(string schemaName) => SchemaName = schemaName;

        public string SchemaName { get; set; } = null!;

        public EntityRole? PrimaryEntityRole { get; set; }

        public override bool Equals(object? obj) =>
            obj is Relationship other && other.SchemaName == SchemaName && other.PrimaryEntityRole == PrimaryEntityRole;

        public override int GetHashCode() => SchemaName?.GetHashCode() ?? 0;

        public override string ToString() => SchemaName;
    }
}
