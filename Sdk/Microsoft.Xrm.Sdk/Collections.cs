using System.Collections;
using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace Microsoft.Xrm.Sdk
{
    public class DataCollection<T> : Collection<T>
    {
        // Not public in the real SDK either.
        internal DataCollection() { }

        public void AddRange(params T[] items) => AddRange((IEnumerable<T>)items);

        public void AddRange(IEnumerable<T> items)
        {
            if (items == null) return;
            foreach (var item in items) Add(item);
        }

        public T[] ToArray()
        {
            var array = new T[Count];
            CopyTo(array, 0);
            return array;
        }
    }

    /// <summary>Keyed collection with the real SDK's semantics: the indexer throws KeyNotFoundException for a missing key.</summary>
    public class DataCollection<TKey, TValue> : ICollection<KeyValuePair<TKey, TValue>>
        where TKey : notnull
    {
        private readonly Dictionary<TKey, TValue> _items;

        public DataCollection() => _items = new Dictionary<TKey, TValue>();

        public DataCollection(IDictionary<TKey, TValue> dictionary) => _items = new Dictionary<TKey, TValue>(dictionary);

        public TValue this[TKey key]
        {
            get => _items[key];
            set => _items[key] = value;
        }

        public int Count => _items.Count;

        public bool IsReadOnly => false;

        public ICollection<TKey> Keys => _items.Keys;

        public ICollection<TValue> Values => _items.Values;

        public void Add(TKey key, TValue value) => _items.Add(key, value);

        public void Add(KeyValuePair<TKey, TValue> item) => _items.Add(item.Key, item.Value);

        public void AddRange(params KeyValuePair<TKey, TValue>[] items) => AddRange((IEnumerable<KeyValuePair<TKey, TValue>>)items);

        public void AddRange(IEnumerable<KeyValuePair<TKey, TValue>> items)
        {
            if (items == null) return;
            foreach (var item in items) Add(item);
        }

        public void Clear() => _items.Clear();

        public bool Contains(TKey key) => _items.ContainsKey(key);

        public bool Contains(KeyValuePair<TKey, TValue> item) => ((ICollection<KeyValuePair<TKey, TValue>>)_items).Contains(item);

        public bool ContainsKey(TKey key) => _items.ContainsKey(key);

        public void CopyTo(KeyValuePair<TKey, TValue>[] array, int arrayIndex) => ((ICollection<KeyValuePair<TKey, TValue>>)_items).CopyTo(array, arrayIndex);

        public bool Remove(TKey key) => _items.Remove(key);

        public bool Remove(KeyValuePair<TKey, TValue> item) => ((ICollection<KeyValuePair<TKey, TValue>>)_items).Remove(item);

        public bool TryGetValue(TKey key, out TValue value) => _items.TryGetValue(key, out value!);

        public IEnumerator<KeyValuePair<TKey, TValue>> GetEnumerator() => _items.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    public sealed class AttributeCollection : DataCollection<string, object?>
    {
        public AttributeCollection() { }
        public AttributeCollection(IDictionary<string, object?> dictionary) : base(dictionary) { }
    }

    public sealed class KeyAttributeCollection : DataCollection<string, object?>
    {
        public KeyAttributeCollection() { }
        public KeyAttributeCollection(IDictionary<string, object?> dictionary) : base(dictionary) { }
    }

    public sealed class FormattedValueCollection : DataCollection<string, string>
    {
        public FormattedValueCollection() { }
        public FormattedValueCollection(IDictionary<string, string> dictionary) : base(dictionary) { }
    }

    public sealed class EntityImageCollection : DataCollection<string, Entity>
    {
        public EntityImageCollection() { }
        public EntityImageCollection(IDictionary<string, Entity> dictionary) : base(dictionary) { }
    }

    public sealed class ParameterCollection : DataCollection<string, object?>
    {
        public ParameterCollection() { }
        public ParameterCollection(IDictionary<string, object?> dictionary) : base(dictionary) { }

        public void AddOrUpdateIfNotNull(string key, object? value)
        {
            if (value != null) this[key] = value;
        }

        public bool TryGetValue<T>(string key, out T value)
        {
            if (base.TryGetValue(key, out var raw) && raw is T typed)
            {
                value = typed;
                return true;
            }
            value = default!;
            return false;
        }
    }

    public sealed class EntityReferenceCollection : DataCollection<EntityReference>
    {
        public EntityReferenceCollection() { }
        public EntityReferenceCollection(IList<EntityReference> list)
        {
            AddRange(list);
        }
    }
}
