using System.Collections.Concurrent;
using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using VoiceForD365.Solution.Packing;
using VoiceForD365.Tests.ApiGate;

namespace VoiceForD365.Tests.Packing;

/// <summary>
/// The solution zips as `vfd pack` writes them, packed once per test run from the net462 Release builds of the shipped
/// assemblies (built by the API gate's fixture into its own temporary folder), and opened for the tests to read.
/// </summary>
public sealed class PackedSolution
{
    public static readonly string[] ShippedProjects = ["Plugins/VoiceForD365.Plugins.csproj", "Workflows/VoiceForD365.Workflows.csproj"];

    private static readonly ConcurrentDictionary<string, Lazy<PackedSolution>> Packed = new(StringComparer.Ordinal);

    private PackedSolution(ApiGateFixture gate, IReadOnlyList<string> assemblies, string directory)
    {
        Gate = gate;
        Assemblies = assemblies;
        Result = SolutionPacker.Pack(new PackOptions { OutputDirectory = directory, Assemblies = assemblies });
        Unmanaged = new SolutionZip(Result.UnmanagedZip);
        Managed = new SolutionZip(Result.ManagedZip);
    }

    public ApiGateFixture Gate { get; }

    /// <summary>The net462 Release builds that were packed.</summary>
    public IReadOnlyList<string> Assemblies { get; }

    public PackResult Result { get; }

    public SolutionZip Unmanaged { get; }

    public SolutionZip Managed { get; }

    public string SchemasDirectory => Path.Combine(Gate.ReferenceDir, "schemas", "dataverse-9.0.0.2090");

    /// <summary>The packed solution of this test run (packed on first use into a temporary folder removed at exit).</summary>
    public static PackedSolution Of(ApiGateFixture gate) =>
        Packed.GetOrAdd(gate.RepoRoot, _ => new Lazy<PackedSolution>(() =>
        {
            var assemblies = BuildShipped(gate);
            return new PackedSolution(gate, assemblies, NewTemporaryDirectory());
        })).Value;

    public static IReadOnlyList<string> BuildShipped(ApiGateFixture gate) => ShippedProjects.Select(p => gate.BuildNet462(p).AssemblyPath).ToList();

    /// <summary>A fresh folder under the temporary directory, deleted when the test run ends.</summary>
    public static string NewTemporaryDirectory()
    {
        var directory = Path.Combine(Path.GetTempPath(), "vfd-pack-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(directory);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        };
        return directory;
    }

    /// <summary>Validates an element against schemas; every error and warning, with its line.</summary>
    public static IReadOnlyList<string> Validate(XElement element, params string[] schemaFiles)
    {
        var schemas = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        foreach (var file in schemaFiles) schemas.Add(null, file);
        schemas.Compile();
        var problems = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) => problems.Add($"{e.Severity} (line {e.Exception.LineNumber}, position {e.Exception.LinePosition}): {e.Message}");
        using var reader = XmlReader.Create(new StringReader(element.ToString(SaveOptions.None)), settings);
        while (reader.Read())
        {
        }
        return problems;
    }

    /// <summary>The full names of the types an assembly defines (read with System.Reflection.Metadata).</summary>
    public static IReadOnlySet<string> TypesDefinedIn(byte[] assembly)
    {
        using var pe = new PEReader(new MemoryStream(assembly));
        var md = pe.GetMetadataReader();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var handle in md.TypeDefinitions)
        {
            var type = md.GetTypeDefinition(handle);
            var ns = md.GetString(type.Namespace);
            names.Add(ns.Length == 0 ? md.GetString(type.Name) : ns + "." + md.GetString(type.Name));
        }
        return names;
    }

    /// <summary>Name, version and public key token of an assembly.</summary>
    public static (string Name, Version Version, string PublicKeyToken) IdentityOf(byte[] assembly)
    {
        using var pe = new PEReader(new MemoryStream(assembly));
        var md = pe.GetMetadataReader();
        var definition = md.GetAssemblyDefinition();
        var key = md.GetBlobBytes(definition.PublicKey);
        var token = key.Length == 0 ? "null"
            : Convert.ToHexString(System.Security.Cryptography.SHA1.HashData(key)[^8..].Reverse().ToArray()).ToLowerInvariant();
        return (md.GetString(definition.Name), definition.Version, token);
    }
}

/// <summary>One solution zip, read into memory.</summary>
public sealed class SolutionZip
{
    public SolutionZip(string path)
    {
        Path = path;
        using var zip = ZipFile.OpenRead(path);
        Entries = zip.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var stream = e.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }, StringComparer.Ordinal);
        Solution = XDocument.Parse(Text("solution.xml")).Root!;
        Customizations = XDocument.Parse(Text("customizations.xml")).Root!;
    }

    public string Path { get; }

    public IReadOnlyDictionary<string, byte[]> Entries { get; }

    /// <summary>solution.xml's ImportExportXml.</summary>
    public XElement Solution { get; }

    /// <summary>customizations.xml's ImportExportXml.</summary>
    public XElement Customizations { get; }

    public string Text(string entry) => new StreamReader(new MemoryStream(Entries[entry])).ReadToEnd();

    /// <summary>The entry a FileName/XamlFileName element points to (they start with a slash).</summary>
    public byte[]? File(string fileName) => Entries.TryGetValue(fileName.TrimStart('/'), out var content) ? content : null;

    public IEnumerable<XElement> RootComponents => Solution.Descendants("RootComponent");
}
