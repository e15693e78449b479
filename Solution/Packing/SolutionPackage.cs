using System.IO.Compression;
using System.Xml.Linq;
using VoiceForD365.Core.Registration;
using VoiceForD365.Core.Schema;
using VoiceForD365.Solution.Model;

namespace VoiceForD365.Solution.Packing;

/// <summary>
/// The solution in memory: every file of the zip but solution.xml (which alone differs between the unmanaged and the
/// managed zip), and the root components solution.xml lists. Built from the declarations: SolutionSchema, the roles,
/// forms, views and app of this folder, the processes, the embedded web resources and ribbon, and the shipped
/// assemblies (their plug-in types, steps, custom APIs and workflow activities).
/// </summary>
public sealed class SolutionPackage
{
    /// <summary>The fixed time stamp of every zip entry: the same sources give byte-identical zips.</summary>
    private static readonly DateTimeOffset EntryTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly SortedDictionary<string, byte[]> _files = new(StringComparer.Ordinal);
    private readonly List<RootComponent> _roots = [];

    private SolutionPackage(string version) => Version = version;

    public string Version { get; }

    /// <summary>Files by path inside the zip (forward slashes), solution.xml and [Content_Types].xml excluded.</summary>
    public IReadOnlyDictionary<string, byte[]> Files => _files;

    public IReadOnlyList<RootComponent> RootComponents => _roots;

    public IReadOnlyList<ShippedAssembly> Assemblies { get; private set; } = [];

    /// <summary>The plug-in steps (SdkMessageProcessingSteps): every declared step but the data providers' operations.</summary>
    public IReadOnlyList<StepRegistration> Steps { get; private set; } = [];

    /// <summary>The virtual tables with their data providers (the main-operation steps declared on each).</summary>
    public IReadOnlyList<(TableDefinition Table, DataProviderDeclaration Provider)> DataProviders { get; private set; } = [];

    public PackSummary Summary { get; private set; } = null!;

    /// <summary>Builds the solution from the declarations and the shipped assemblies at <paramref name="assemblyPaths"/>.</summary>
    public static SolutionPackage Build(IReadOnlyList<string> assemblyPaths, string version)
    {
        ArgumentNullException.ThrowIfNull(assemblyPaths);
        ArgumentException.ThrowIfNullOrEmpty(version);
        if (assemblyPaths.Count == 0) throw new ArgumentException("At least the plug-in assembly is needed.", nameof(assemblyPaths));
        var package = new SolutionPackage(version);
        package.Assemblies = assemblyPaths.Select(ReadShipped).OrderBy(a => a.Name, StringComparer.Ordinal).ToList();
        var duplicate = package.Assemblies.GroupBy(a => a.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new PackingException($"{duplicate.Key} is given twice: give each shipped assembly once.");
        var steps = PluginRegistrationWriter.Steps(package.Assemblies);
        package.Steps = steps.Where(s => !s.Declaration.IsDataProviderOperation).ToList();
        package.DataProviders = DataProviderWriter.Providers(SolutionSchema.Tables, steps);
        package.Compose();
        return package;
    }

    /// <summary>solution.xml: the manifest (unique name, version, publisher, root components); <c>&lt;Managed&gt;</c> is the one difference.</summary>
    public byte[] SolutionXml(bool managed) => Xml.ToBytes(SolutionManifestWriter.Write(Version, managed, _roots), declaration: false);

    /// <summary>[Content_Types].xml: every extension present as a Default, and every extension-less part (web resources) as an Override.</summary>
    public byte[] ContentTypesXml()
    {
        XNamespace ns = "http://schemas.openxmlformats.org/package/2006/content-types";
        var paths = _files.Keys.Append("solution.xml").ToList();
        var extensions = paths.Select(p => Path.GetExtension(p).TrimStart('.').ToLowerInvariant()).Where(e => e.Length > 0).Distinct().Order(StringComparer.Ordinal);
        var types = new XElement(ns + "Types",
            extensions.Select(e => new XElement(ns + "Default", new XAttribute("Extension", e), new XAttribute("ContentType", "application/octet-stream"))),
            paths.Where(p => Path.GetExtension(p).Length == 0).Order(StringComparer.Ordinal)
                .Select(p => new XElement(ns + "Override", new XAttribute("PartName", "/" + p), new XAttribute("ContentType", "application/octet-stream"))));
        return Xml.ToBytes(types);
    }

    /// <summary>Writes the zip: [Content_Types].xml, solution.xml, customizations.xml, then the component files in path order.</summary>
    public void WriteZip(string path, bool managed)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write);
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create);
        Add(zip, "[Content_Types].xml", ContentTypesXml());
        Add(zip, "solution.xml", SolutionXml(managed));
        foreach (var (name, content) in _files) Add(zip, name, content);
    }

    private static void Add(ZipArchive zip, string name, byte[] content)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = EntryTime;
        using var stream = entry.Open();
        stream.Write(content);
    }

    private static ShippedAssembly ReadShipped(string path)
    {
        if (Directory.Exists(path)) throw new PackingException($"{path} is a folder, not an assembly: give the path of the dll (its net462 Release build).");
        if (!File.Exists(path)) throw new FileNotFoundException($"The shipped assembly {path} does not exist (build it with -c Release -f net462).", path);
        var name = Path.GetFileNameWithoutExtension(path);
        if (name.StartsWith("Microsoft.Xrm.", StringComparison.OrdinalIgnoreCase) || name.StartsWith("System.", StringComparison.OrdinalIgnoreCase))
            throw new PackingException($"{Path.GetFileName(path)} is a reference assembly; Dataverse supplies it and a solution never carries it.");
        var assembly = ShippedAssemblyReader.Read(path);
        if (assembly.PublicKeyToken == "null") throw new PackingException($"{Path.GetFileName(path)} is not strong-named; the Dataverse sandbox refuses it.");
        if (!assembly.TargetFramework.StartsWith(".NETFramework,", StringComparison.Ordinal))
            throw new PackingException($"{path} is built for {(assembly.TargetFramework.Length > 0 ? assembly.TargetFramework : "an unknown framework")}; Dataverse loads the .NET Framework 4.6.2 build (-f net462).");
        if (!assembly.IsOptimized) throw new PackingException($"{path} is a Debug build; the solution ships the Release build (-c Release).");
        return assembly;
    }

    private void Compose()
    {
        var version = Version;
        var roleIds = SolutionSchema.SecurityRoles.ToDictionary(r => r.Name, r => StableGuid.For("role", r.Name), StringComparer.Ordinal);
        var webResources = SolutionResources.WebResources();
        var ribbons = SolutionResources.RibbonDiffs();
        var processes = SolutionProcesses.All;

        // Tables we own, then tables we extend (Microsoft's): the entity element of each, with its forms, views and ribbon.
        var entities = new List<XElement>();
        foreach (var table in SolutionSchema.Tables)
        {
            entities.Add(Entity(table.LogicalName, table.DisplayName, EntityWriter.NewTableInfo(table, version), table.PrimaryIdColumn, ribbons, version));
            _roots.Add(new RootComponent(RootComponent.Entity, table.LogicalName, null, RootComponent.IncludeSubcomponents));
        }
        foreach (var dataSource in SolutionSchema.Tables.Where(t => t.IsVirtual).Select(t => t.Virtual!.DataSourceTable).DistinctBy(t => t.LogicalName))
        {
            entities.Add(Entity(dataSource.LogicalName, dataSource.DisplayName, EntityWriter.DataSourceTableInfo(dataSource, version), dataSource.PrimaryIdColumn, ribbons, version));
            _roots.Add(new RootComponent(RootComponent.Entity, dataSource.LogicalName, null, RootComponent.IncludeSubcomponents));
        }
        foreach (var extension in SolutionSchema.Extensions)
        {
            var (display, collection, primaryId) = StandardTableNames(extension.TableLogicalName);
            entities.Add(Entity(extension.TableLogicalName, display, EntityWriter.ExtensionInfo(extension, display, collection, version), primaryId, ribbons, version));
            _roots.Add(new RootComponent(RootComponent.Entity, extension.TableLogicalName, null, RootComponent.ShellOnly));
        }
        var unknownRibbon = ribbons.Keys.FirstOrDefault(t => !SolutionSchema.Tables.Any(x => x.LogicalName == t) && !SolutionSchema.Extensions.Any(x => x.TableLogicalName == t));
        if (unknownRibbon is not null) throw new InvalidOperationException($"Solution/Ribbon/{unknownRibbon}.RibbonDiffXml.xml is for a table the solution neither owns nor extends.");

        var roles = SolutionSchema.SecurityRoles.Select(r =>
        {
            _roots.Add(new RootComponent(RootComponent.Role, null, roleIds[r.Name], RootComponent.IncludeSubcomponents));
            return new XElement("Role", new XAttribute("id", Xml.Braced(roleIds[r.Name])), new XAttribute("name", r.Name),
                new XElement("IsCustomizable", "1"),
                new XElement("IntroducedVersion", version),
                new XElement("RolePrivileges", r.Privileges.OrderBy(p => p.Name, StringComparer.Ordinal)
                    .Select(p => new XElement("RolePrivilege", new XAttribute("name", p.Name), new XAttribute("level", p.Depth.ToString())))));
        }).ToList();

        var workflows = processes.Select(p =>
        {
            var (element, fileName, xaml) = ProcessWriter.Write(p, Assemblies, version);
            _files[fileName] = xaml;
            _roots.Add(new RootComponent(RootComponent.Workflow, null, p.Id, RootComponent.IncludeSubcomponents));
            return element;
        }).ToList();

        var webResourceElements = webResources.Select(w =>
        {
            _files[w.FileName] = w.Content;
            _roots.Add(new RootComponent(RootComponent.WebResource, w.Name, null, RootComponent.IncludeSubcomponents));
            return new XElement("WebResource",
                new XElement("WebResourceId", Xml.Braced(w.Id)),
                new XElement("Name", w.Name),
                new XElement("DisplayName", w.DisplayName),
                new XElement("WebResourceType", Xml.Int(w.Type)),
                new XElement("IntroducedVersion", version),
                new XElement("IsEnabledForMobileClient", "0"),
                new XElement("IsAvailableForMobileOffline", "0"),
                new XElement("IsCustomizable", "1"),
                new XElement("CanBeDeleted", "1"),
                new XElement("IsHidden", "0"),
                new XElement("FileName", "/" + w.FileName));
        }).ToList();

        var assemblies = Assemblies.Select(a =>
        {
            _files[PluginRegistrationWriter.FileName(a)] = File.ReadAllBytes(a.Path);
            _roots.Add(new RootComponent(RootComponent.PluginAssembly, null, PluginRegistrationWriter.AssemblyId(a), RootComponent.IncludeSubcomponents));
            return PluginRegistrationWriter.PluginAssembly(a, version);
        }).ToList();

        var steps = Steps.Select(s =>
        {
            _roots.Add(new RootComponent(RootComponent.SdkMessageProcessingStep, null, s.Id, RootComponent.IncludeSubcomponents));
            return PluginRegistrationWriter.Step(s, version);
        }).ToList();

        var pluginTypeIds = Assemblies.SelectMany(a => a.Plugins).ToDictionary(t => t.FullName, PluginRegistrationWriter.TypeId, StringComparer.Ordinal);
        var dataProviders = DataProviders.Select(p =>
        {
            _roots.Add(new RootComponent(RootComponent.EntityDataProvider, p.Table.Virtual!.DataProviderName, DataProviderWriter.ProviderId(p.Table.Virtual), RootComponent.IncludeSubcomponents));
            return DataProviderWriter.Provider(p.Table.Virtual, p.Provider, type => pluginTypeIds[type]);
        }).ToList();
        // No root component for a data source record (its component type is not documented): it travels in EntityDataSources.
        var dataSources = DataProviders.Select(p => DataProviderWriter.DataSource(p.Table.Virtual!)).ToList();

        var customApis = Assemblies.SelectMany(a => a.Plugins).Where(t => t.CustomApi is not null).ToList();
        foreach (var type in customApis)
        {
            // No root component: a custom API's component type number differs between organizations; the import
            // takes the customapis/ folder as it is (Microsoft Learn, "Create a custom API with solution files").
            foreach (var (path, content) in PluginRegistrationWriter.CustomApiFiles(type, type.CustomApi!)) _files[path] = Xml.ToBytes(content);
        }

        foreach (var variable in SolutionSchema.EnvironmentVariables)
        {
            _files[$"environmentvariabledefinitions/{variable.SchemaName}/environmentvariabledefinition.xml"] = Xml.ToBytes(EnvironmentVariable(variable, version));
            _roots.Add(new RootComponent(RootComponent.EnvironmentVariableDefinition, variable.SchemaName, null, RootComponent.IncludeSubcomponents));
        }

        _roots.Add(new RootComponent(RootComponent.SiteMap, ConfiguratorApp.UniqueName, null, RootComponent.IncludeSubcomponents));
        _roots.Add(new RootComponent(RootComponent.AppModule, ConfiguratorApp.UniqueName, null, RootComponent.IncludeSubcomponents));

        var relationships = EntityWriter.Relationships(SolutionSchema.Tables, SolutionSchema.Extensions)
            .OrderBy(r => r.Name, StringComparer.Ordinal).Select(r => EntityWriter.Relationship(r, version)).ToList();

        // The order of ImportExportXml's children is the schema's (CustomizationsSolution.xsd, a sequence).
        var customizations = new XElement("ImportExportXml", new XAttribute(XNamespace.Xmlns + "xsi", Xml.Xsi.NamespaceName),
            new XElement("Entities", entities),
            new XElement("Roles", roles),
            new XElement("Workflows", workflows),
            new XElement("FieldSecurityProfiles"),
            new XElement("Templates"),
            new XElement("EntityMaps"),
            new XElement("EntityRelationships", relationships),
            new XElement("OrganizationSettings"),
            new XElement("optionsets"),
            new XElement("WebResources", webResourceElements),
            new XElement("CustomControls"),
            new XElement("SolutionPluginAssemblies", assemblies),
            new XElement("SdkMessageProcessingSteps", steps),
            new XElement("AppModuleSiteMaps", ConfiguratorApp.AppModuleSiteMap()),
            new XElement("AppModules", ConfiguratorApp.AppModule(version, name => roleIds[name])),
            new XElement("EntityDataProviders", dataProviders),
            new XElement("EntityDataSources", dataSources),
            new XElement("Languages", new XElement("Language", Xml.Lcid)));
        _files["customizations.xml"] = Xml.ToBytes(customizations);

        _roots.Sort((a, b) => a.Type != b.Type ? a.Type.CompareTo(b.Type)
            : string.CompareOrdinal(a.SchemaName ?? a.Id?.ToString("D"), b.SchemaName ?? b.Id?.ToString("D")));

        Summary = new PackSummary(
            Tables: entities.Count - SolutionSchema.Extensions.Count,
            VirtualTables: DataProviders.Count,
            DataProviders: dataProviders.Count,
            ExtendedTables: SolutionSchema.Extensions.Count,
            Columns: SolutionSchema.Tables.Sum(t => t.Columns.Count) + SolutionSchema.Extensions.Sum(e => e.Columns.Count),
            Keys: SolutionSchema.Tables.Sum(t => t.Keys.Count) + SolutionSchema.Extensions.Sum(e => e.Keys.Count),
            Forms: SolutionForms.All.Count,
            Views: SolutionViews.All.Count,
            Roles: roles.Count,
            EnvironmentVariables: SolutionSchema.EnvironmentVariables.Count,
            CustomApis: customApis.Count,
            Assemblies: Assemblies.Count,
            PluginTypes: Assemblies.Sum(a => a.Plugins.Count()),
            WorkflowActivities: Assemblies.Sum(a => a.WorkflowActivities.Count()),
            Steps: Steps.Count,
            StepImages: Steps.Sum(s => s.Declaration.Images.Count),
            WebResources: webResources.Count,
            Processes: workflows.Count,
            Apps: 1,
            RootComponents: _roots.Count,
            Files: _files.Count + 2);
    }

    private static XElement Entity(string table, string displayName, XElement info, string primaryIdColumn, IReadOnlyDictionary<string, XElement> ribbons, string version)
    {
        var element = new XElement("Entity",
            new XElement("Name", new XAttribute("LocalizedName", displayName), new XAttribute("OriginalName", displayName), SchemaNames.Table(table)),
            info);
        var forms = SolutionForms.Of(table).GroupBy(f => f.Type).ToList();
        if (forms.Count > 0)
        {
            element.Add(new XElement("FormXml", forms.Select(g => new XElement("forms", new XAttribute("type", g.Key),
                g.Select(f => FormWriter.SystemForm(f, version))))));
        }
        var views = SolutionViews.Of(table).ToList();
        if (views.Count > 0)
        {
            element.Add(new XElement("SavedQueries", new XElement("savedqueries", views.Select(v => ViewWriter.SavedQuery(v, primaryIdColumn, version)))));
        }
        element.Add(ribbons.TryGetValue(table, out var ribbon) ? new XElement(ribbon) : EmptyRibbon());
        return element;
    }

    /// <summary>The ribbon diff every exported table carries when it changes nothing.</summary>
    private static XElement EmptyRibbon() =>
        new("RibbonDiffXml",
            new XElement("CustomActions"),
            new XElement("Templates", new XElement("RibbonTemplates", new XAttribute("Id", "Mscrm.Templates"))),
            new XElement("CommandDefinitions"),
            new XElement("RuleDefinitions", new XElement("TabDisplayRules"), new XElement("DisplayRules"), new XElement("EnableRules")),
            new XElement("LocLabels"));

    private static (string Display, string Collection, string PrimaryId) StandardTableNames(string table) => table switch
    {
        SystemUser.EntityName => ("User", "Users", SystemUser.PrimaryId),
        PhoneCall.EntityName => ("Phone Call", "Phone Calls", PhoneCall.PrimaryId),
        Contact.EntityName => ("Contact", "Contacts", Contact.PrimaryId),
        Account.EntityName => ("Account", "Accounts", Account.PrimaryId),
        Lead.EntityName => ("Lead", "Leads", Lead.PrimaryId),
        _ => throw new NotSupportedException($"The solution extends {table}, whose names the packer does not know."),
    };

    /// <summary>environmentvariabledefinitions/&lt;schema name&gt;/environmentvariabledefinition.xml (elements in export order).</summary>
    private static XElement EnvironmentVariable(EnvironmentVariableDefinitionModel variable, string version)
    {
        var element = new XElement("environmentvariabledefinition", new XAttribute("schemaname", variable.SchemaName));
        if (variable.DefaultValue is not null) element.Add(new XElement("defaultvalue", variable.DefaultValue));
        element.Add(
            Xml.DefaultLabel("description", variable.Description),
            Xml.DefaultLabel("displayname", variable.DisplayName),
            new XElement("introducedversion", version),
            new XElement("iscustomizable", "1"),
            new XElement("isrequired", Xml.Bit(variable.IsRequired)),
            // Secret-typed variables keep their value in Azure Key Vault (secretstore 0); the definition carries none.
            new XElement("secretstore", "0"),
            new XElement("type", Xml.Int((int)variable.Type)));
        return element;
    }
}

/// <summary>solution.xml, as Dataverse exports it.</summary>
internal static class SolutionManifestWriter
{
    public static XElement Write(string version, bool managed, IEnumerable<RootComponent> roots)
    {
        var nil = new XAttribute(Xml.Xsi + "nil", "true");
        return new XElement("ImportExportXml",
            new XAttribute("version", "9.2.0.0"),
            new XAttribute("SolutionPackageVersion", "9.2"),
            new XAttribute("languagecode", Xml.Lcid),
            new XAttribute("generatedBy", "CrmLive"),
            new XAttribute(XNamespace.Xmlns + "xsi", Xml.Xsi.NamespaceName),
            new XElement("SolutionManifest",
                new XElement("UniqueName", SolutionIdentity.UniqueName),
                Xml.Labels("LocalizedNames", "LocalizedName", SolutionIdentity.DisplayName),
                Xml.Labels("Descriptions", "Description", SolutionIdentity.Description),
                new XElement("Version", version),
                new XElement("Managed", managed ? "1" : "0"),
                new XElement("Publisher",
                    new XElement("UniqueName", SolutionIdentity.PublisherUniqueName),
                    Xml.Labels("LocalizedNames", "LocalizedName", SolutionIdentity.PublisherDisplayName),
                    Xml.Labels("Descriptions", "Description", "Publisher of the open-source Voice for Dynamics 365 solution."),
                    new XElement("EMailAddress", new XAttribute(nil), ""),
                    new XElement("SupportingWebsiteUrl", new XAttribute(nil), ""),
                    new XElement("CustomizationPrefix", SolutionIdentity.PublisherPrefix),
                    new XElement("CustomizationOptionValuePrefix", Xml.Int(SolutionIdentity.OptionValuePrefix)),
                    new XElement("Addresses", Address(1), Address(2))),
                new XElement("RootComponents", roots.Select(r => r.ToXml())),
                new XElement("MissingDependencies")));

        XElement Address(int number) => new("Address",
            new XElement("AddressNumber", Xml.Int(number)),
            new XElement("AddressTypeCode", "1"),
            new[] { "City", "County", "Country", "Fax", "FreightTermsCode", "ImportSequenceNumber", "Latitude", "Line1", "Line2", "Line3",
                "Longitude", "Name", "PostalCode", "PostOfficeBox", "PrimaryContactName" }.Select(n => new XElement(n, new XAttribute(nil), "")),
            new XElement("ShippingMethodCode", "1"),
            new[] { "StateOrProvince", "Telephone1", "Telephone2", "Telephone3", "TimeZoneRuleVersionNumber", "UPSZone", "UTCOffset",
                "UTCConversionTimeZoneCode" }.Select(n => new XElement(n, new XAttribute(nil), "")));
    }
}
