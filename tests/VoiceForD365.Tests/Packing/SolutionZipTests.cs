using System.Xml.Linq;
using VoiceForD365.Solution.Packing;
using VoiceForD365.Tests.ApiGate;
using Xunit;

namespace VoiceForD365.Tests.Packing;

/// <summary>The zips `vfd pack` writes (SPEC C4): their shape against Microsoft's schemas, their components, their stability.</summary>
[Collection(ApiGateCollection.Name)]
public sealed class SolutionZipTests
{
    private readonly PackedSolution _packed;

    public SolutionZipTests(ApiGateFixture gate) => _packed = PackedSolution.Of(gate);

    [Fact]
    public void Customizations_Should_ValidateAgainstTheDataverseSchema()
    {
        var problems = PackedSolution.Validate(_packed.Unmanaged.Customizations, Path.Combine(_packed.SchemasDirectory, "CustomizationsSolution.xsd"));

        Assert.True(problems.Count == 0, $"customizations.xml against CustomizationsSolution.xsd:\n{string.Join("\n", problems)}");
    }

    [Fact]
    public void CustomizationsWithAnElementTheSchemaLacks_Should_FailValidation()
    {
        // The validation above is not vacuous: the same document with one stray element is refused.
        var broken = new XElement(_packed.Unmanaged.Customizations);
        broken.Descendants("SdkMessageProcessingStep").First().AddFirst(new XElement("NotInTheSchema"));

        var problems = PackedSolution.Validate(broken, Path.Combine(_packed.SchemasDirectory, "CustomizationsSolution.xsd"));

        Assert.Contains(problems, p => p.Contains("NotInTheSchema", StringComparison.Ordinal));
    }

    [Fact]
    public void ShippedAssemblies_Should_BeOptimizedNetFrameworkBuilds()
    {
        foreach (var path in _packed.Assemblies)
        {
            var assembly = ShippedAssemblyReader.Read(path);
            Assert.Equal(".NETFramework,Version=v4.6.2", assembly.TargetFramework);
            Assert.True(assembly.IsOptimized, $"{path} is not a Release build.");
        }
    }

    [Fact]
    public void ManagedCustomizations_Should_ValidateAgainstTheDataverseSchema()
    {
        var problems = PackedSolution.Validate(_packed.Managed.Customizations, Path.Combine(_packed.SchemasDirectory, "CustomizationsSolution.xsd"));

        Assert.True(problems.Count == 0, $"managed customizations.xml against CustomizationsSolution.xsd:\n{string.Join("\n", problems)}");
    }

    [Fact]
    public void Zips_Should_BeWhereAndWhatVfdPackPromises()
    {
        Assert.Equal(SolutionIdentity.UnmanagedFileName, Path.GetFileName(_packed.Result.UnmanagedZip));
        Assert.Equal("VoiceForD365_managed.zip", Path.GetFileName(_packed.Result.ManagedZip));
        var manifest = _packed.Unmanaged.Solution.Element("SolutionManifest")!;
        Assert.Equal("VoiceForD365", manifest.Element("UniqueName")!.Value);
        Assert.Equal("0", manifest.Element("Managed")!.Value);
        Assert.Equal("1", _packed.Managed.Solution.Element("SolutionManifest")!.Element("Managed")!.Value);
        Assert.Equal("vfd", manifest.Element("Publisher")!.Element("CustomizationPrefix")!.Value);
        Assert.Contains("[Content_Types].xml", _packed.Unmanaged.Entries.Keys);
    }

    [Fact]
    public void EveryRootComponent_Should_ExistInTheZip()
    {
        var zip = _packed.Unmanaged;
        var c = zip.Customizations;
        var missing = new List<string>();
        foreach (var root in zip.RootComponents)
        {
            var type = (int)root.Attribute("type")!;
            var name = (string?)root.Attribute("schemaName");
            var id = (string?)root.Attribute("id") is { } text ? Guid.Parse(text) : (Guid?)null;
            var found = type switch
            {
                1 => c.Element("Entities")!.Elements("Entity").Any(e => string.Equals(e.Element("Name")!.Value, name, StringComparison.OrdinalIgnoreCase)),
                20 => c.Element("Roles")!.Elements("Role").Any(r => Guid.Parse((string)r.Attribute("id")!) == id),
                29 => c.Element("Workflows")!.Elements("Workflow").Any(w => Guid.Parse((string)w.Attribute("WorkflowId")!) == id && zip.File(w.Element("XamlFileName")!.Value) is not null),
                61 => c.Element("WebResources")!.Elements("WebResource").Any(w => w.Element("Name")!.Value == name && zip.File(w.Element("FileName")!.Value) is not null),
                62 => c.Element("AppModuleSiteMaps")!.Elements("AppModuleSiteMap").Any(s => s.Element("SiteMapUniqueName")!.Value == name),
                80 => c.Element("AppModules")!.Elements("AppModule").Any(a => a.Element("UniqueName")!.Value == name),
                91 => c.Element("SolutionPluginAssemblies")!.Elements("PluginAssembly").Any(a => Guid.Parse((string)a.Attribute("PluginAssemblyId")!) == id && zip.File(a.Element("FileName")!.Value) is not null),
                92 => c.Element("SdkMessageProcessingSteps")!.Elements("SdkMessageProcessingStep").Any(s => Guid.Parse((string)s.Attribute("SdkMessageProcessingStepId")!) == id),
                181 => c.Element("EntityDataProviders")!.Elements("EntityDataProvider").Any(p => Guid.Parse(p.Element("EntityDataProviderId")!.Value) == id && p.Element("Name")!.Value == name),
                380 => zip.Entries.ContainsKey($"environmentvariabledefinitions/{name}/environmentvariabledefinition.xml"),
                _ => false,
            };
            if (!found) missing.Add(root.ToString(SaveOptions.DisableFormatting));
        }

        Assert.NotEmpty(zip.RootComponents);
        Assert.True(missing.Count == 0, $"Root components of solution.xml missing from the zip:\n{string.Join("\n", missing)}");
    }

    [Fact]
    public void EveryFileTheCustomizationsName_Should_BeInTheZip()
    {
        var zip = _packed.Unmanaged;
        var named = zip.Customizations.Descendants().Where(e => e.Name.LocalName is "FileName" or "XamlFileName").Select(e => e.Value).ToList();

        Assert.NotEmpty(named);
        Assert.All(named, file => Assert.True(zip.File(file) is not null, $"{file} is named in customizations.xml but not in the zip."));
    }

    [Fact]
    public void ManagedAndUnmanagedZips_Should_DifferOnlyInTheManagedFlag()
    {
        var unmanaged = _packed.Unmanaged;
        var managed = _packed.Managed;

        Assert.Equal(unmanaged.Entries.Keys.Order(StringComparer.Ordinal), managed.Entries.Keys.Order(StringComparer.Ordinal));
        var different = unmanaged.Entries.Keys.Where(k => !unmanaged.Entries[k].AsSpan().SequenceEqual(managed.Entries[k])).ToList();
        Assert.Equal(["solution.xml"], different);
        var a = new XElement(unmanaged.Solution);
        var b = new XElement(managed.Solution);
        Assert.Equal("0", a.Element("SolutionManifest")!.Element("Managed")!.Value);
        Assert.Equal("1", b.Element("SolutionManifest")!.Element("Managed")!.Value);
        b.Element("SolutionManifest")!.Element("Managed")!.Value = "0";
        Assert.Equal(a.ToString(), b.ToString());
    }

    [Fact]
    public void Zips_Should_CarryNoReferenceAssembly()
    {
        foreach (var zip in new[] { _packed.Unmanaged, _packed.Managed })
        {
            var assemblies = zip.Entries.Where(e => e.Key.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)).ToList();
            Assert.Equal(PackedSolution.ShippedProjects.Length, assemblies.Count);
            foreach (var (entry, content) in assemblies)
            {
                var fileName = Path.GetFileName(entry);
                Assert.False(fileName.StartsWith("Microsoft.Xrm.Sdk", StringComparison.OrdinalIgnoreCase) || fileName.Equals("System.Activities.dll", StringComparison.OrdinalIgnoreCase),
                    $"{Path.GetFileName(zip.Path)} carries the reference assembly {entry}.");
                var identity = PackedSolution.IdentityOf(content);
                Assert.StartsWith("VoiceForD365.", identity.Name, StringComparison.Ordinal);
                Assert.NotEqual("31bf3856ad364e35", identity.PublicKeyToken);
                Assert.NotEqual("null", identity.PublicKeyToken);
            }
        }
    }

    [Fact]
    public void EmbeddedAssemblies_Should_BeTheNet462ReleaseBuildsByteForByte()
    {
        var zip = _packed.Unmanaged;
        foreach (var path in _packed.Assemblies)
        {
            var name = Path.GetFileNameWithoutExtension(path);
            var element = zip.Customizations.Element("SolutionPluginAssemblies")!.Elements("PluginAssembly")
                .Single(a => ((string)a.Attribute("FullName")!).StartsWith(name + ",", StringComparison.Ordinal));
            Assert.Equal(File.ReadAllBytes(path), zip.File(element.Element("FileName")!.Value));
        }
    }

    [Fact]
    public void PackingTwice_Should_GiveTheSameIdsAndTheSameBytes()
    {
        var second = SolutionPacker.Pack(new PackOptions { OutputDirectory = PackedSolution.NewTemporaryDirectory(), Assemblies = _packed.Assemblies });

        var first = _packed.Unmanaged;
        var again = new SolutionZip(second.UnmanagedZip);
        Assert.Equal(Ids(first.Customizations), Ids(again.Customizations));
        Assert.Equal(first.RootComponents.Select(r => r.ToString()), again.RootComponents.Select(r => r.ToString()));
        Assert.Equal(File.ReadAllBytes(_packed.Result.UnmanagedZip), File.ReadAllBytes(second.UnmanagedZip));
        Assert.Equal(File.ReadAllBytes(_packed.Result.ManagedZip), File.ReadAllBytes(second.ManagedZip));

        static IReadOnlyList<string> Ids(XElement customizations) =>
            customizations.Descendants().SelectMany(e => e.Attributes().Select(a => a.Value).Append(e.HasElements ? "" : e.Value))
                .Where(v => Guid.TryParse(v, out _)).ToList();
    }

    [Fact]
    public void SolutionVersion_Should_EqualThePluginAssemblyVersion()
    {
        var version = _packed.Unmanaged.Solution.Element("SolutionManifest")!.Element("Version")!.Value;
        var plugins = _packed.Assemblies.Single(a => Path.GetFileName(a) == "VoiceForD365.Plugins.dll");

        Assert.Equal(PackedSolution.IdentityOf(File.ReadAllBytes(plugins)).Version.ToString(), version);
        Assert.Equal(SolutionIdentity.Version, version);
        Assert.Equal(version, _packed.Result.Version);
    }

    [Fact]
    public void ContentTypes_Should_CoverEveryPartOfTheZip()
    {
        var zip = _packed.Unmanaged;
        XNamespace ns = "http://schemas.openxmlformats.org/package/2006/content-types";
        var types = XDocument.Parse(zip.Text("[Content_Types].xml")).Root!;
        var defaults = types.Elements(ns + "Default").Select(d => (string)d.Attribute("Extension")!).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var overrides = types.Elements(ns + "Override").Select(o => (string)o.Attribute("PartName")!).ToHashSet(StringComparer.Ordinal);

        foreach (var entry in zip.Entries.Keys.Where(k => k != "[Content_Types].xml"))
        {
            var extension = Path.GetExtension(entry).TrimStart('.');
            Assert.True(defaults.Contains(extension) || overrides.Contains("/" + entry), $"[Content_Types].xml gives no content type for {entry}.");
        }
    }
}
