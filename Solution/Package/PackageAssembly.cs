using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace VoiceForD365.Solution.Package;

/// <summary>The package assembly, built from source.</summary>
public static class PackageAssembly
{
    public const string ProjectPath = "PackageDeployer/VoiceForD365.PackageDeployer.csproj";

    /// <summary>The folder, next to the running application, where its build copies the package assembly.</summary>
    public const string FolderNextToApplication = "package";

    /// <summary>package/VoiceForD365.PackageDeployer.dll next to the running application; null when it is not there.</summary>
    public static string? NextToApplication()
    {
        var path = Path.Combine(AppContext.BaseDirectory, FolderNextToApplication, PackageBuilder.PackageAssemblyName);
        return File.Exists(path) ? path : null;
    }

    /// <summary>The ImportConfig.xml the package assembly carries (read from its metadata; nothing is loaded).</summary>
    public static byte[] ImportConfig(byte[] assembly)
    {
        using var pe = new PEReader(new MemoryStream(assembly));
        var md = pe.GetMetadataReader();
        foreach (var handle in md.ManifestResources)
        {
            var resource = md.GetManifestResource(handle);
            if (!resource.Implementation.IsNil || md.GetString(resource.Name) != PackageBuilder.ImportConfigResource) continue;
            var resources = pe.GetSectionData(pe.PEHeaders.CorHeader!.ResourcesDirectory.RelativeVirtualAddress);
            var reader = resources.GetReader((int)resource.Offset, resources.Length - (int)resource.Offset);
            return reader.ReadBytes(reader.ReadInt32());
        }
        throw new InvalidOperationException($"The package assembly carries no {PackageBuilder.ImportConfigResource}: build it from PackageDeployer/.");
    }
}
