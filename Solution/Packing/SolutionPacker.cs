namespace VoiceForD365.Solution.Packing;

/// <summary>
/// Writes the solution zips (SPEC C4): <c>VoiceForD365.zip</c> (unmanaged) and <c>VoiceForD365_managed.zip</c>
/// (managed), built from the declarations in code and the shipped assemblies, the same bytes on every run.
/// </summary>
/// <example>
/// <code>
/// var result = SolutionPacker.Pack(new PackOptions { OutputDirectory = "artifacts", Assemblies = [pluginsDll, workflowsDll] });
/// // result.ManagedZip: artifacts/VoiceForD365_managed.zip
/// </code>
/// </example>
public static class SolutionPacker
{
    public static PackResult Pack(PackOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(options.OutputDirectory);
        var package = SolutionPackage.Build(options.Assemblies, options.Version);
        Directory.CreateDirectory(options.OutputDirectory);
        var unmanaged = Path.GetFullPath(Path.Combine(options.OutputDirectory, SolutionIdentity.UnmanagedFileName));
        var managed = Path.GetFullPath(Path.Combine(options.OutputDirectory, SolutionIdentity.ManagedFileName));
        package.WriteZip(unmanaged, managed: false);
        package.WriteZip(managed, managed: true);
        return new PackResult(unmanaged, managed, SolutionIdentity.UniqueName, package.Version, package.Summary) { Assemblies = package.Assemblies };
    }
}
