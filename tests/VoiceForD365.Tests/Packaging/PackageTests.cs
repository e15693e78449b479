using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;
using VoiceForD365.Core.Schema;
using VoiceForD365.Core.Settings;
using VoiceForD365.Solution.Package;
using Xunit;

namespace VoiceForD365.Tests.Packaging;

/// <summary>The Package Deployer package (SPEC C4, issue 5 item 3): what it holds and how its parts fit together.</summary>
[Collection(PackageCollection.Name)]
public sealed class PackageTests
{
    private readonly PackageFixture _package;

    public PackageTests(PackageFixture package) => _package = package;

    [Fact]
    public void Package_Should_HoldTheAssemblyAtItsRootAndTheAssetsInPkgAssets()
    {
        Assert.Equal(
            ["PkgAssets/ImportConfig.xml", "PkgAssets/VoiceForD365Data.zip", "PkgAssets/VoiceForD365_managed.zip", "VoiceForD365.PackageDeployer.dll"],
            _package.PackageEntries().Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ImportConfig_Should_NameOnlyFilesThatAreInThePackage()
    {
        var entries = _package.PackageEntries();
        var config = XDocument.Load(new MemoryStream(entries["PkgAssets/ImportConfig.xml"])).Root!;

        var named = config.Descendants("configsolutionfile").Select(e => (string)e.Attribute("solutionpackagefilename")!)
            .Append((string)config.Attribute("crmmigdataimportfile")!)
            .Concat(config.Descendants().Select(e => (string?)e.Attribute("filename")).OfType<string>())
            .ToList();

        Assert.Equal("configdatastorage", config.Name.LocalName);
        Assert.Equal(["VoiceForD365_managed.zip", "VoiceForD365Data.zip"], named);
        Assert.All(named, file => Assert.Contains("PkgAssets/" + file, entries.Keys));
    }

    [Fact]
    public void ImportConfig_Should_BeTheOneOfTheRepository()
    {
        Assert.Equal(
            File.ReadAllBytes(Path.Combine(_package.RepositoryRoot, "PackageDeployer", "PkgAssets", "ImportConfig.xml")),
            _package.PackageEntries()["PkgAssets/ImportConfig.xml"]);
    }

    [Fact]
    public void PackageBuiltWithoutAnAssemblyPath_Should_TakeTheAssemblyNextToTheApplication()
    {
        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "package", PackageBuilder.PackageAssemblyName), _package.Result.PackageAssemblyPath);
        Assert.Equal(File.ReadAllBytes(_package.Result.PackageAssemblyPath), _package.PackageEntries()[PackageBuilder.PackageAssemblyName]);
    }

    [Fact]
    public void ManagedSolution_Should_TravelIntoThePackageUnchanged()
    {
        Assert.Equal(File.ReadAllBytes(_package.ManagedSolution), _package.PackageEntries()["PkgAssets/VoiceForD365_managed.zip"]);
    }

    [Fact]
    public void PackageAssembly_Should_BeStrongNamedForNet462()
    {
        var dll = _package.PackageEntries()[PackageBuilder.PackageAssemblyName];
        using var pe = new PEReader(new MemoryStream(dll));
        var md = pe.GetMetadataReader();

        Assert.True((pe.PEHeaders.CorHeader!.Flags & CorFlags.StrongNameSigned) != 0, "The package assembly is not strong-name signed.");
        Assert.Equal("VoiceForD365.PackageDeployer", md.GetString(md.GetAssemblyDefinition().Name));
        Assert.Equal(".NETFramework,Version=v4.6.2", TargetFramework(md));
    }

    [Fact]
    public void Package_Should_CarryNoReferenceAssemblyOfSdk()
    {
        var sdkAssemblies = Directory.GetFiles(Path.Combine(_package.RepositoryRoot, "Sdk"), "*.csproj", SearchOption.AllDirectories)
            .Select(p => Path.GetFileNameWithoutExtension(p) + ".dll").ToHashSet(StringComparer.OrdinalIgnoreCase);

        var assemblies = _package.PackageEntries().Keys.Where(k => k.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)).ToList();

        Assert.Equal([PackageBuilder.PackageAssemblyName], assemblies);
        Assert.Contains("Microsoft.Xrm.Sdk.dll", sdkAssemblies);
        Assert.DoesNotContain(assemblies, a => sdkAssemblies.Contains(Path.GetFileName(a)) || Path.GetFileName(a).StartsWith("Microsoft.", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void DataZip_Should_BeTheSameInThePackageAndInArtifacts()
    {
        Assert.Equal(File.ReadAllBytes(_package.Result.DataZip), _package.PackageEntries()["PkgAssets/VoiceForD365Data.zip"]);
    }

    [Fact]
    public void DataZip_Should_HoldTheConfigurationMigrationFiles()
    {
        Assert.Equal(["[Content_Types].xml", "data.xml", "data_schema.xml"], _package.DataEntries().Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void DataZip_Should_HoldEverySettingOfTheCatalogWithItsDefaultAndDescription()
    {
        var records = _package.Records(VoiceSetting.EntityName).ToDictionary(r => r.Id);

        Assert.Equal(SettingCatalog.All.Count, records.Count);
        Assert.All(SettingCatalog.All, s =>
        {
            var fields = records[s.Id].Fields;
            Assert.Equal(s.Name, fields[VoiceSetting.Name]);
            Assert.Equal(s.Group, fields[VoiceSetting.GroupName]);
            Assert.Equal(s.DefaultValue, fields.GetValueOrDefault(VoiceSetting.Value, ""));
            Assert.Equal(s.Description, fields[VoiceSetting.Description]);
            Assert.Equal(s.Id.ToString(), fields[VoiceSetting.PrimaryId]);
        });
    }

    [Fact]
    public void DataZip_Should_HoldTheCif1ProviderWithTheWidgetUrlButNotTheAdministratorsAppsAndRoles()
    {
        var provider = Assert.Single(_package.Records(CiProvider.EntityName));

        Assert.Equal(VoiceForD365Data.ChannelProviderName, provider.Fields["msdyn_name"]);
        Assert.Equal(VoiceForD365Data.WidgetUrlPlaceholder, provider.Fields["msdyn_landingurl"]);
        Assert.Equal("True", provider.Fields["msdyn_clicktoact"]);
        Assert.DoesNotContain("msdyn_appselector", provider.Fields.Keys);
        Assert.DoesNotContain("msdyn_roleselector", provider.Fields.Keys);
    }

    [Fact]
    public void DataZip_Should_HoldTheCif2ProviderWithItsSessionAndNotificationTemplates()
    {
        var provider = Assert.Single(_package.Records(ChannelProvider.EntityName));
        var session = Assert.Single(_package.Records(VoiceForD365Data.SessionTemplate));
        var notification = Assert.Single(_package.Records(VoiceForD365Data.NotificationTemplate));
        var fields = _package.Records(VoiceForD365Data.NotificationField);

        Assert.Equal(VoiceForD365Data.ChannelProviderName, provider.Fields["msdyn_name"]);
        Assert.Equal(VoiceForD365Data.WidgetUrlPlaceholder, provider.Fields["msdyn_channelurl"]);
        Assert.Equal("vfd_voicecallsession", session.Fields["msdyn_uniquename"]);
        Assert.Equal("vfd_incomingcall", notification.Fields["msdyn_uniquename"]);
        Assert.Equal(["Caller", "Number", "Queue"], fields.Select(f => f.Fields["msdyn_title"]));
    }

    [Fact]
    public void NotificationTemplate_Should_BeLinkedToEachOfItsFields()
    {
        var template = _package.DataXml().Root!.Elements("entity").Single(e => (string?)e.Attribute("name") == VoiceForD365Data.NotificationTemplate);
        var link = Assert.Single(template.Element("m2mrelationships")!.Elements("m2mrelationship"));

        Assert.Equal(VoiceForD365Data.NotificationTemplateFields, (string?)link.Attribute("m2mrelationshipname"));
        Assert.Equal(VoiceForD365Data.NotificationTemplateId.ToString(), (string?)link.Attribute("sourceid"));
        Assert.Equal(
            _package.Records(VoiceForD365Data.NotificationField).Select(f => f.Id.ToString()),
            link.Element("targetids")!.Elements("targetid").Select(t => t.Value));
    }

    [Fact]
    public void DataXml_Should_UseOnlyTablesAndFieldsDeclaredWithATypeInTheSchema()
    {
        var schema = _package.SchemaXml().Root!.Elements("entity").ToDictionary(
            e => (string)e.Attribute("name")!,
            e => e.Element("fields")!.Elements("field").ToDictionary(f => (string)f.Attribute("name")!, f => (string?)f.Attribute("type")));
        var data = _package.DataXml().Root!.Elements("entity").ToList();

        Assert.Equal(schema.Keys, data.Select(e => (string)e.Attribute("name")!));
        Assert.All(data, table =>
        {
            var declared = schema[(string)table.Attribute("name")!];
            Assert.All(table.Descendants("record").SelectMany(r => r.Elements("field")), field =>
            {
                var name = (string)field.Attribute("name")!;
                Assert.True(declared.TryGetValue(name, out var type) && !string.IsNullOrEmpty(type), $"{table.Attribute("name")}.{name} is not declared with a type in data_schema.xml.");
            });
        });
    }

    [Fact]
    public void DataXml_Should_GiveEachRecordItsPrimaryKeyAsItsId()
    {
        var schema = _package.SchemaXml().Root!.Elements("entity").ToDictionary(e => (string)e.Attribute("name")!, e => (string)e.Attribute("primaryidfield")!);

        Assert.All(_package.DataXml().Root!.Elements("entity"), table =>
            Assert.All(_package.Records((string)table.Attribute("name")!), r =>
                Assert.Equal(r.Id.ToString(), r.Fields[schema[(string)table.Attribute("name")!]])));
    }

    [Fact]
    public void DataXml_Should_WriteValuesOfTheirSchemaType()
    {
        var types = _package.SchemaXml().Root!.Elements("entity").SelectMany(e => e.Element("fields")!.Elements("field")
            .Select(f => (Key: (string)e.Attribute("name")! + "." + (string)f.Attribute("name")!, Type: (string)f.Attribute("type")!))).ToDictionary(x => x.Key, x => x.Type);

        foreach (var table in _package.DataXml().Root!.Elements("entity"))
            foreach (var (_, fields) in _package.Records((string)table.Attribute("name")!))
                foreach (var (name, value) in fields)
                {
                    var type = types[(string)table.Attribute("name")! + "." + name];
                    var valid = type switch
                    {
                        "guid" => Guid.TryParse(value, out _),
                        "number" or "optionsetvalue" => int.TryParse(value, out _),
                        "bool" => value is "True" or "False",
                        _ => true,
                    };
                    Assert.True(valid, $"{table.Attribute("name")}.{name} is {type} but holds '{value}'.");
                }
    }

    [Fact]
    public void PackageBuiltAgainFromTheSameInputs_Should_BeTheSameBytes()
    {
        var again = PackageBuilder.Build(new PackageOptions
        {
            ManagedSolutionZip = _package.ManagedSolution,
            OutputDirectory = _package.NewFolder(),
            PackageAssemblyPath = _package.Result.PackageAssemblyPath,
        });

        Assert.Equal(File.ReadAllBytes(_package.Result.PackageZip), File.ReadAllBytes(again.PackageZip));
    }

    [Fact]
    public void PackageWithTheWidgetUrlOfACustomer_Should_PointBothProvidersAndTheirTrustedDomainThere()
    {
        var tables = VoiceForD365Data.Tables("https://widget.example.com/d365/");

        var cif1 = tables.Single(t => t.Name == CiProvider.EntityName).Records.Single().Values.ToDictionary(v => v.Name, v => v.Value);
        var cif2 = tables.Single(t => t.Name == ChannelProvider.EntityName).Records.Single().Values.ToDictionary(v => v.Name, v => v.Value);
        Assert.Equal(("https://widget.example.com/d365/", "https://widget.example.com"), (cif1["msdyn_landingurl"], cif1["msdyn_trusteddomain"]));
        Assert.Equal(("https://widget.example.com/d365/", "https://widget.example.com"), (cif2["msdyn_channelurl"], cif2["msdyn_trusteddomain"]));
    }

    [Fact]
    public void PackageWithAWidgetUrlThatIsNotHttps_Should_BeRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => VoiceForD365Data.Tables("http://widget.example.com/"));

        Assert.Contains("https", error.Message);
    }

    [Fact]
    public void PackageWithoutTheManagedSolution_Should_SayToPackTheSolutionFirst()
    {
        var error = Assert.Throws<FileNotFoundException>(() => PackageBuilder.Build(new PackageOptions
        {
            ManagedSolutionZip = Path.Combine(_package.NewFolder(), "VoiceForD365_managed.zip"),
            OutputDirectory = _package.NewFolder(),
            PackageAssemblyPath = _package.Result.PackageAssemblyPath,
        }));

        Assert.Contains("pack the solution first", error.Message);
    }

    [Fact]
    public void PackageOfTheUnmanagedSolution_Should_BeRefused()
    {
        var unmanaged = Path.Combine(_package.NewFolder(), "VoiceForD365.zip");
        using (var zip = System.IO.Compression.ZipFile.Open(unmanaged, System.IO.Compression.ZipArchiveMode.Create))
        {
            using var writer = new StreamWriter(zip.CreateEntry("solution.xml").Open());
            writer.Write("<ImportExportXml><SolutionManifest><UniqueName>VoiceForD365</UniqueName><Managed>0</Managed></SolutionManifest></ImportExportXml>");
        }

        var error = Assert.Throws<InvalidOperationException>(() => PackageBuilder.Build(new PackageOptions
        {
            ManagedSolutionZip = unmanaged,
            OutputDirectory = _package.NewFolder(),
            PackageAssemblyPath = _package.Result.PackageAssemblyPath,
        }));

        Assert.Contains("is not the managed VoiceForD365 solution", error.Message);
    }

    private static string? TargetFramework(MetadataReader md)
    {
        foreach (var handle in md.GetAssemblyDefinition().GetCustomAttributes())
        {
            var attribute = md.GetCustomAttribute(handle);
            if (attribute.Constructor.Kind != HandleKind.MemberReference) continue;
            var parent = md.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent;
            if (parent.Kind != HandleKind.TypeReference || md.GetString(md.GetTypeReference((TypeReferenceHandle)parent).Name) != "TargetFrameworkAttribute") continue;
            var blob = md.GetBlobReader(attribute.Value);
            blob.ReadUInt16();
            return blob.ReadSerializedString();
        }
        return null;
    }
}
