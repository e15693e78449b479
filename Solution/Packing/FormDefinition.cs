namespace VoiceForD365.Solution.Packing;

/// <summary>A system form: <c>main</c>, <c>quick</c> (quick view) or <c>quickCreate</c>.</summary>
public sealed record FormDefinition(string Table, string Type, string Name, string Description, IReadOnlyList<FormTab> Tabs)
{
    /// <summary>Stable across builds: derived from table, type and name.</summary>
    public Guid Id => StableGuid.For("form", $"{Table}/{Type}/{Name}");

    /// <summary>
    /// The table's fallback form (the one shown when no other form is available to the user). Only for our own tables:
    /// on Microsoft's tables their own form stays the fallback.
    /// </summary>
    public bool IsFallback { get; init; }
}
