namespace VoiceForD365.Solution.Packing;

/// <summary>What <see cref="SolutionPacker.Pack"/> wrote.</summary>
public sealed record PackResult(string UnmanagedZip, string ManagedZip, string UniqueName, string Version, PackSummary Summary)
{
    /// <summary>The shipped assemblies embedded, as read from the files.</summary>
    public IReadOnlyList<ShippedAssembly> Assemblies { get; init; } = [];
}
