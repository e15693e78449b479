namespace VoiceForD365.LocalOrg;

/// <summary>Counts the organization service requests made, by message: what a test or benchmark asserts "requests per operation" with.</summary>
public sealed class RequestCounter
{
    private readonly Dictionary<string, int> _byMessage = new(StringComparer.Ordinal);

    public int Total { get; private set; }

    /// <summary>Requests made by plug-ins (through the service a plug-in gets from its context), included in Total.</summary>
    public int FromPlugins { get; private set; }

    public IReadOnlyDictionary<string, int> ByMessage => _byMessage;

    public int Of(string message) => _byMessage.TryGetValue(message, out var count) ? count : 0;

    public void Reset()
    {
        _byMessage.Clear();
        Total = 0;
        FromPlugins = 0;
    }

    internal void Count(string message, bool fromPlugin)
    {
        _byMessage[message] = Of(message) + 1;
        Total++;
        if (fromPlugin) FromPlugins++;
    }

    public override string ToString() => $"{Total} requests ({string.Join(", ", _byMessage.OrderBy(p => p.Key).Select(p => $"{p.Key} {p.Value}"))})";
}

/// <summary>A background (asynchronous) plug-in execution, like a Dataverse system job.</summary>
public sealed record SystemJob(string Step, string MessageName, string PrimaryEntityName, Guid PrimaryEntityId, bool Succeeded, string? Message);
