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

/// <summary>What <see cref="SolutionPacker.Pack"/> wrote.</summary>
public sealed record PackResult(string UnmanagedZip, string ManagedZip, string UniqueName, string Version, PackSummary Summary)
{
    /// <summary>The shipped assemblies embedded, as read from the files.</summary>
    public IReadOnlyList<ShippedAssembly> Assemblies { get; init; } = [];
}

/// <summary>Counts of what the zips contain (for `vfd pack` to print).</summary>
public sealed record PackSummary(
    int Tables, int ExtendedTables, int Columns, int Keys, int Forms, int Views, int Roles, int EnvironmentVariables,
    int CustomApis, int Assemblies, int PluginTypes, int WorkflowActivities, int Steps, int StepImages, int WebResources,
    int Processes, int Apps, int RootComponents, int Files);
