using System.IO.Compression;
using System.Xml.Linq;
using VoiceForD365.Solution.Package;
using Xunit;

namespace VoiceForD365.Tests.Packaging;

[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<PackageFixture>
{
    public const string Name = "Package";
}

/// <summary>
/// Builds the Package Deployer package once per test run into a temporary folder, from a stand-in managed solution
/// (the packer's zip is tested with the packer; here it only has to travel into PkgAssets unchanged). The package
/// assembly is the net462 Release build the test project's build copies to package/ next to the tests.
/// </summary>
public sealed class PackageFixture : IDisposable
{
    private readonly string _work = Path.Combine(Path.GetTempPath(), "vfd-package-" + Guid.NewGuid().ToString("N")[..12]);

    public PackageFixture()
    {
        Directory.CreateDirectory(_work);
        ManagedSolution = Path.Combine(_work, "input", "VoiceForD365_1_0_0_0_managed.zip");
        Directory.CreateDirectory(Path.GetDirectoryName(ManagedSolution)!);
        using (var zip = ZipFile.Open(ManagedSolution, ZipArchiveMode.Create))
        {
            using var writer = new StreamWriter(zip.CreateEntry("solution.xml").Open());
            writer.Write("<ImportExportXml><SolutionManifest><UniqueName>VoiceForD365</UniqueName><Managed>1</Managed></SolutionManifest></ImportExportXml>");
        }
        RepositoryRoot = Repository.Root;
        Result = PackageBuilder.Build(new PackageOptions { ManagedSolutionZip = ManagedSolution, OutputDirectory = Path.Combine(_work, "artifacts") });
    }

    public string RepositoryRoot { get; }

    public string ManagedSolution { get; }

    public PackageResult Result { get; }

    /// <summary>A fresh folder for a test of its own.</summary>
    public string NewFolder()
    {
        var folder = Path.Combine(_work, Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>Every entry of a zip (full name → bytes).</summary>
    public static Dictionary<string, byte[]> Entries(byte[] zipBytes)
    {
        using var zip = new ZipArchive(new MemoryStream(zipBytes), ZipArchiveMode.Read);
        return zip.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var stream = e.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        });
    }

    public Dictionary<string, byte[]> PackageEntries() => Entries(File.ReadAllBytes(Result.PackageZip));

    public Dictionary<string, byte[]> DataEntries() => Entries(PackageEntries()[PackageBuilder.AssetsFolder + "/" + PackageBuilder.DataZipName]);

    public XDocument DataXml() => XDocument.Load(new MemoryStream(DataEntries()[ConfigurationMigrationWriter.DataEntry]));

    public XDocument SchemaXml() => XDocument.Load(new MemoryStream(DataEntries()[ConfigurationMigrationWriter.SchemaEntry]));

    /// <summary>The records of one table in data.xml: id and field name → value.</summary>
    public List<(Guid Id, Dictionary<string, string> Fields)> Records(string table) =>
        DataXml().Root!.Elements("entity").Single(e => (string?)e.Attribute("name") == table)
            .Element("records")!.Elements("record")
            .Select(r => (Guid.Parse((string)r.Attribute("id")!), r.Elements("field").ToDictionary(f => (string)f.Attribute("name")!, f => (string)f.Attribute("value")!)))
            .ToList();

    public void Dispose()
    {
        try
        {
            if (Directory.Exists(_work)) Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
