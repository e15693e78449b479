namespace VoiceForD365.Solution.Packing;

/// <summary>What a shipped assembly (the net462 build Dataverse loads) declares: its identity and its registrable types.</summary>
public sealed record ShippedAssembly(string Path, string Name, Version Version, string Culture, string PublicKeyToken, IReadOnlyList<ShippedType> Types)
{
    /// <summary>The assembly's TargetFrameworkAttribute, e.g. ".NETFramework,Version=v4.6.2" ("" when it has none).</summary>
    public string TargetFramework { get; init; } = "";

    /// <summary>Built with optimizations (a Release build): its DebuggableAttribute does not disable the JIT optimizer.</summary>
    public bool IsOptimized { get; init; }

    /// <summary>The display name Dataverse registers the assembly under.</summary>
    public string FullName => $"{Name}, Version={Version}, Culture={Culture}, PublicKeyToken={PublicKeyToken}";

    public IEnumerable<ShippedType> Plugins => Types.Where(t => t.Kind == ShippedTypeKind.Plugin);

    public IEnumerable<ShippedType> WorkflowActivities => Types.Where(t => t.Kind == ShippedTypeKind.WorkflowActivity);
}
