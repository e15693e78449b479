namespace VoiceForD365.Solution.Model;

public sealed record ColumnDefinition(string LogicalName, ColumnType Type, string DisplayName)
{
    public string Description { get; init; } = "";

    public RequiredLevel RequiredLevel { get; init; } = RequiredLevel.None;

    /// <summary>Strings and memos: the longest value accepted.</summary>
    public int? MaxLength { get; init; }

    public int? MinValue { get; init; }

    public int? MaxValue { get; init; }

    /// <summary>Lookups: the tables a value may point to.</summary>
    public IReadOnlyList<string> Targets { get; init; } = [];

    /// <summary>Choices, state and status: the allowed values.</summary>
    public IReadOnlyList<OptionDefinition> Options { get; init; } = [];

    /// <summary>A virtual table's column: the name of the field in the external system that the data provider maps it from.</summary>
    public string? ExternalName { get; init; }

    /// <summary>Written by the platform only (created on, modified by...): a create or update that sets it is refused.</summary>
    public bool IsSystemManaged { get; init; }
}
