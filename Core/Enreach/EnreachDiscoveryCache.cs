using System;
using System.Collections.Concurrent;

namespace VoiceForD365.Core.Enreach
{
    /// <summary>
    /// Discovered API endpoints per discovery service and API user, kept for <see cref="TimeToLive"/>. Thread-safe
    /// (entries are immutable and replaced atomically), so one instance is shared by every client of a process:
    /// <see cref="Shared"/>. A plug-in then discovers once per sandbox worker, not once per execution.
    /// </summary>
    public sealed class EnreachDiscoveryCache
    {
        public static readonly EnreachDiscoveryCache Shared = new EnreachDiscoveryCache(TimeSpan.FromHours(1));

        private readonly ConcurrentDictionary<string, Entry> _entries = new ConcurrentDictionary<string, Entry>(StringComparer.OrdinalIgnoreCase);

        public EnreachDiscoveryCache(TimeSpan timeToLive)
        {
            if (timeToLive < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(timeToLive));
            TimeToLive = timeToLive;
        }

        public TimeSpan TimeToLive { get; }

        public int Count => _entries.Count;

        public bool TryGet(Uri discoveryUrl, string apiUserName, DateTimeOffset now, out Uri endpoint)
        {
            if (_entries.TryGetValue(Key(discoveryUrl, apiUserName), out var entry) && entry.Expires > now)
            {
                endpoint = entry.Endpoint;
                return true;
            }
            endpoint = null!;
            return false;
        }

        public void Set(Uri discoveryUrl, string apiUserName, Uri endpoint, DateTimeOffset now) =>
            _entries[Key(discoveryUrl, apiUserName)] = new Entry(endpoint, now + TimeToLive);

        public void Invalidate(Uri discoveryUrl, string apiUserName) => _entries.TryRemove(Key(discoveryUrl, apiUserName), out _);

        public void Clear() => _entries.Clear();

        private static string Key(Uri discoveryUrl, string apiUserName) => discoveryUrl.AbsoluteUri + "\n" + apiUserName.Trim();

        private sealed class Entry
        {
            public Entry(Uri endpoint, DateTimeOffset expires)
            {
                Endpoint = endpoint;
                Expires = expires;
            }

            public Uri Endpoint { get; }

            public DateTimeOffset Expires { get; }
        }
    }
}
