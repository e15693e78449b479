namespace VoiceForD365.Solution.Model;

/// <summary>An environment variable the solution declares; its value is set per environment by the administrator.</summary>
public sealed record EnvironmentVariableDefinitionModel(string SchemaName, string DisplayName, EnvironmentVariableType Type, string Description)
{
    public string? DefaultValue { get; init; }

    public bool IsRequired { get; init; }
}
