namespace VoiceForD365.Emulator;

/// <summary>The emulated Enreach users, changeable while the emulator runs (thread-safe).</summary>
public sealed class EnreachEmulatorUsers
{
    private readonly object _lock = new();
    private readonly List<EnreachEmulatorUser> _users = new();

    /// <summary>Adds a user (a new id unless given) and returns it. Two users may share a user name, as tests of duplicates need.</summary>
    public EnreachEmulatorUser Add(string userName, Guid? id = null, string? firstName = null, string? lastName = null)
    {
        var user = new EnreachEmulatorUser(id ?? Guid.NewGuid(), userName, firstName, lastName);
        Add(user);
        return user;
    }

    public void Add(EnreachEmulatorUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        lock (_lock)
        {
            if (_users.Exists(u => u.Id == user.Id))
                throw new InvalidOperationException($"The emulator already has a user with id {user.Id:D}.");
            _users.Add(user);
        }
    }

    public void AddRange(IEnumerable<EnreachEmulatorUser> users)
    {
        ArgumentNullException.ThrowIfNull(users);
        lock (_lock)
        {
            var ids = new HashSet<Guid>(_users.Select(u => u.Id));
            foreach (var user in users)
            {
                ArgumentNullException.ThrowIfNull(user);
                if (!ids.Add(user.Id)) throw new InvalidOperationException($"The emulator already has a user with id {user.Id:D}.");
                _users.Add(user);
            }
        }
    }

    /// <summary>Removes the user with the id; false when there is none.</summary>
    public bool Remove(Guid id)
    {
        lock (_lock) return _users.RemoveAll(u => u.Id == id) > 0;
    }

    /// <summary>Removes every user with the user name (ignoring case); returns how many.</summary>
    public int RemoveByUserName(string userName)
    {
        lock (_lock) return _users.RemoveAll(u => string.Equals(u.UserName, userName, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Replaces every user (the API user included) with <paramref name="users"/>.</summary>
    public void Replace(IEnumerable<EnreachEmulatorUser> users)
    {
        ArgumentNullException.ThrowIfNull(users);
        var list = users.ToList();
        if (list.Select(u => u.Id).Distinct().Count() != list.Count)
            throw new InvalidOperationException("Two users of the replacement have the same id.");
        lock (_lock)
        {
            _users.Clear();
            _users.AddRange(list);
        }
    }

    public void Clear()
    {
        lock (_lock) _users.Clear();
    }

    public int Count
    {
        get { lock (_lock) return _users.Count; }
    }

    /// <summary>A snapshot of the users, in the order they were added.</summary>
    public IReadOnlyList<EnreachEmulatorUser> All
    {
        get { lock (_lock) return _users.ToArray(); }
    }

    public EnreachEmulatorUser? Find(Guid id)
    {
        lock (_lock) return _users.Find(u => u.Id == id);
    }

    public EnreachEmulatorUser? FindByUserName(string userName)
    {
        lock (_lock) return _users.Find(u => string.Equals(u.UserName, userName, StringComparison.OrdinalIgnoreCase));
    }
}
