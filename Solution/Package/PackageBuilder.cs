using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;
using VoiceForD365.Core.Schema;
using VoiceForD365.Solution.Packing;

namespace VoiceForD365.Solution.Package;

/// <summary>
/// Writes the Package Deployer package (SPEC C4) after the solution zips exist: <c>VoiceForD365Package.zip</c> holding
/// the package assembly (VoiceForD365.PackageDeployer.dll, net462 Release) at its root and <c>PkgAssets/</c> with
/// ImportConfig.xml (carried by the package assembly, from PackageDeployer/PkgAssets/ImportConfig.xml), the managed
/// solution and the configuration data (<see cref="VoiceForD365Data"/>), also written on its own as
/// <c>VoiceForD365Data.zip</c>. Unzipped next to PackageDeployer.exe, it is the package the wizard offers. Nothing else
/// goes in: not the reference assemblies of Sdk/, not Microsoft.Xrm.Tooling.Connector (PackageDeployer.exe has the
/// real ones). Entry times are fixed, so the same inputs give the same bytes.
/// </summary>
public static class PackageBuilder
{
    public const string PackageZipName = "VoiceForD365Package.zip";
    public const string DataZipName = "VoiceForD365Data.zip";
    public const string ManagedSolutionName = "VoiceForD365_managed.zip";
    public const string AssetsFolder = "PkgAssets";
    public const string ImportConfigName = "ImportConfig.xml";
    public const string PackageAssemblyName = "VoiceForD365.PackageDeployer.dll";

    /// <summary>The name of ImportConfig.xml as a resource of the package assembly.</summary>
    public const string ImportConfigResource = AssetsFolder + "/" + ImportConfigName;

    public static PackageResult Build(PackageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!File.Exists(options.ManagedSolutionZip))
            throw new FileNotFoundException($"The managed solution {options.ManagedSolutionZip} does not exist: pack the solution first.", options.ManagedSolutionZip);
        CheckManagedSolution(options.ManagedSolutionZip);
        var assembly = options.PackageAssemblyPath
                       ?? PackageAssembly.NextToApplication()
                       ?? throw new FileNotFoundException(
                           $"No {PackageAssemblyName} in {PackageAssembly.FolderNextToApplication}/ next to the application: build vfd (dotnet build Cli -c Release builds the package assembly and copies it there) or pass its path.");
        if (!File.Exists(assembly)) throw new FileNotFoundException($"The package assembly {assembly} does not exist.", assembly);
        if (!string.Equals(Path.GetFileName(assembly), PackageAssemblyName, StringComparison.Ordinal))
            throw new PackingException($"The package assembly must be {PackageAssemblyName}, not {Path.GetFileName(assembly)}.");
        var assemblyBytes = File.ReadAllBytes(assembly);
        var importConfig = PackageAssembly.ImportConfig(assemblyBytes);
        CheckImportConfig(importConfig);

        var data = VoiceForD365Data.Zip(options.WidgetUrl);
        Directory.CreateDirectory(options.OutputDirectory);
        var dataZip = Path.Combine(options.OutputDirectory, DataZipName);
        WriteAtomically(dataZip, data);

        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            ConfigurationMigrationWriter.Add(zip, PackageAssemblyName, assemblyBytes);
            ConfigurationMigrationWriter.Add(zip, AssetsFolder + "/" + ImportConfigName, importConfig);
            ConfigurationMigrationWriter.Add(zip, AssetsFolder + "/" + ManagedSolutionName, File.ReadAllBytes(options.ManagedSolutionZip));
            ConfigurationMigrationWriter.Add(zip, AssetsFolder + "/" + DataZipName, data);
        }
        var packageZip = Path.Combine(options.OutputDirectory, PackageZipName);
        WriteAtomically(packageZip, buffer.ToArray());
        return new PackageResult(packageZip, dataZip, assembly);
    }

    /// <summary>The solution zip must be the managed VoiceForD365 solution (solution.xml: UniqueName, Managed 1).</summary>
    private static void CheckManagedSolution(string path)
    {
        XElement? manifest = null;
        try
        {
            using var zip = ZipFile.OpenRead(path);
            var entry = zip.GetEntry("solution.xml");
            if (entry != null)
            {
                using var stream = entry.Open();
                manifest = XDocument.Load(stream).Root?.Element("SolutionManifest");
            }
        }
        catch (InvalidDataException)
        {
        }
        var uniqueName = (string?)manifest?.Element("UniqueName");
        var managed = (string?)manifest?.Element("Managed");
        if (uniqueName != Publisher.SolutionUniqueName || managed != "1")
            throw new InvalidOperationException(
                $"{path} is not the managed {Publisher.SolutionUniqueName} solution (its solution.xml says {uniqueName ?? "no unique name"}, managed {managed ?? "unknown"}): the package installs the managed solution.");
    }

    /// <summary>ImportConfig.xml must name exactly the files the builder writes into PkgAssets.</summary>
    private static void CheckImportConfig(byte[] importConfig)
    {
        var root = XDocument.Load(new MemoryStream(importConfig)).Root;
        var solutions = root?.Element("solutions")?.Elements("configsolutionfile").Select(e => (string?)e.Attribute("solutionpackagefilename")).ToList() ?? [];
        var data = (string?)root?.Attribute("crmmigdataimportfile");
        if (root?.Name != "configdatastorage" || solutions.Count != 1 || solutions[0] != ManagedSolutionName || data != DataZipName)
            throw new InvalidOperationException(
                $"The {ImportConfigName} of the package assembly must be a configdatastorage that imports the solution {ManagedSolutionName} and the data {DataZipName}, the files the package builder writes.");
    }

    private static void WriteAtomically(string path, byte[] content)
    {
        var temporary = path + ".tmp";
        File.WriteAllBytes(temporary, content);
        File.Move(temporary, path, overwrite: true);
    }
}
