using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace VoiceForD365.Solution.Package;

/// <summary>What <see cref="PackageBuilder.Build"/> packages.</summary>
public sealed class PackageOptions
{
    /// <summary>The managed solution zip (the packer's <c>PackResult.ManagedZip</c>); it goes into PkgAssets as VoiceForD365_managed.zip.</summary>
    public required string ManagedSolutionZip { get; init; }

    /// <summary>Where the package and the data zip are written (artifacts/); created when missing.</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>
    /// The net462 Release build of VoiceForD365.PackageDeployer.dll. Default: <see cref="PackageAssembly.NextToApplication"/>
    /// (package/ next to the running application, where the builds of vfd and of the tests copy it).
    /// </summary>
    public string? PackageAssemblyPath { get; init; }

    /// <summary>The address of Enreach's phone widget for the two channel provider records (see <see cref="VoiceForD365Data.WidgetUrlPlaceholder"/>).</summary>
    public string WidgetUrl { get; init; } = VoiceForD365Data.WidgetUrlPlaceholder;
}
