namespace VoiceForD365.Solution.Packing;

/// <summary>A system view (saved query) of a table.</summary>
public sealed record ViewDefinition(string Table, string Name, int QueryType, IReadOnlyList<ViewColumn> Columns)
{
    public Guid Id => StableGuid.For("view", $"{Table}/{QueryType}/{Name}");

    public string Description { get; init; } = "";

    /// <summary>The table's default view of this query type.</summary>
    public bool IsDefault { get; init; }

    public IReadOnlyList<ViewCondition> Filter { get; init; } = [];

    public IReadOnlyList<(string Column, bool Descending)> Order { get; init; } = [];

    /// <summary>Quick find: the columns a search looks in.</summary>
    public IReadOnlyList<string> FindColumns { get; init; } = [];
}
