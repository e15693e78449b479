using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace VoiceForD365.Solution.Package;

/// <summary>The files <see cref="PackageBuilder.Build"/> wrote.</summary>
/// <param name="PackageZip">artifacts/VoiceForD365Package.zip: the package assembly and PkgAssets/.</param>
/// <param name="DataZip">artifacts/VoiceForD365Data.zip: the configuration data, also inside the package.</param>
/// <param name="PackageAssemblyPath">The package assembly that went into the package.</param>
public sealed record PackageResult(string PackageZip, string DataZip, string PackageAssemblyPath);
