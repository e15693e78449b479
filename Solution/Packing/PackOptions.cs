namespace VoiceForD365.Solution.Packing;

/// <summary>What to pack: where the zips go and the shipped assemblies to embed.</summary>
public sealed record PackOptions
{
    /// <summary>Folder the zips are written to (created if missing), e.g. <c>artifacts</c>.</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>
    /// The .NET Framework 4.6.2 Release builds Dataverse loads: VoiceForD365.Plugins.dll (and VoiceForD365.Workflows.dll
    /// once it exists). Their plug-in types, steps, custom APIs and workflow activities are read from the files themselves.
    /// </summary>
    public required IReadOnlyList<string> Assemblies { get; init; }

    /// <summary>The solution version; by default the product version of Directory.Build.props.</summary>
    public string Version { get; init; } = SolutionIdentity.Version;
}
