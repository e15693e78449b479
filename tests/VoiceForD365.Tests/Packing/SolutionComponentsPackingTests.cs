using System.Xml.Linq;
using VoiceForD365.Core.Enreach;
using VoiceForD365.Core.Numbers;
using VoiceForD365.Core.Schema;
using VoiceForD365.Core.Settings;
using VoiceForD365.Solution;
using VoiceForD365.Solution.Model;
using VoiceForD365.Solution.Packing;
using VoiceForD365.Tests.ApiGate;
using Xunit;

namespace VoiceForD365.Tests.Packing;

/// <summary>Tables, forms, views, the Configurator, roles, environment variables, web resources and ribbon in the zips.</summary>
[Collection(ApiGateCollection.Name)]
public sealed class SolutionComponentsPackingTests
{
    private readonly PackedSolution _packed;

    public SolutionComponentsPackingTests(ApiGateFixture gate) => _packed = PackedSolution.Of(gate);

    private XElement Customizations => _packed.Unmanaged.Customizations;

    private XElement Entity(string logicalName) =>
        Customizations.Element("Entities")!.Elements("Entity").Single(e => string.Equals(e.Element("Name")!.Value, logicalName, StringComparison.OrdinalIgnoreCase));

    [Fact]
    public void EveryForm_Should_ValidateAgainstTheFormXmlSchema()
    {
        var forms = Customizations.Descendants("systemform").ToList();

        Assert.Equal(SolutionForms.All.Count, forms.Count);
        foreach (var form in forms)
        {
            var problems = PackedSolution.Validate(form.Element("form")!, Path.Combine(_packed.SchemasDirectory, "FormXml.xsd"));
            Assert.True(problems.Count == 0, $"Form {form.Element("LocalizedNames")!.Element("LocalizedName")!.Attribute("description")!.Value} against FormXml.xsd:\n{string.Join("\n", problems)}");
        }
    }

    [Fact]
    public void SiteMap_Should_ValidateAgainstTheSiteMapSchemaAndOfferTheConfiguratorsSubAreas()
    {
        var siteMap = Customizations.Element("AppModuleSiteMaps")!.Element("AppModuleSiteMap")!.Element("SiteMap")!;

        var problems = PackedSolution.Validate(siteMap, Path.Combine(_packed.SchemasDirectory, "SiteMap.xsd"));
        Assert.True(problems.Count == 0, $"The Configurator's site map against SiteMap.xsd:\n{string.Join("\n", problems)}");
        var subAreas = siteMap.Descendants("SubArea").Select(s => (Title: s.Element("Titles")!.Element("Title")!.Attribute("Title")!.Value, Table: (string)s.Attribute("Entity")!)).ToList();
        Assert.Equal(
            [("General Settings", VoiceSetting.EntityName), ("User Settings", SystemUser.EntityName), ("Callback Profiles", CallbackProfile.EntityName), ("Callback Lists", CallbackList.EntityName),
                ("Routing Rules", RoutingRule.EntityName), ("Sync Runs", SyncRun.EntityName), ("Sync State", SyncState.EntityName)],
            subAreas);
    }

    [Fact]
    public void ConfiguratorApp_Should_BeGivenToTheVoiceAdminUserRole()
    {
        var app = Customizations.Element("AppModules")!.Element("AppModule")!;
        var adminRole = Customizations.Element("Roles")!.Elements("Role").Single(r => (string)r.Attribute("name")! == Role.VoiceAdminUser);

        Assert.Equal("Voice for D365 Configurator", app.Element("LocalizedNames")!.Element("LocalizedName")!.Attribute("description")!.Value);
        Assert.Equal([(string)adminRole.Attribute("id")!], app.Element("AppModuleRoleMaps")!.Elements("Role").Select(r => (string)r.Attribute("id")!));
        var components = app.Element("AppModuleComponents")!.Elements("AppModuleComponent").ToList();
        Assert.Contains(components, c => (string)c.Attribute("type")! == "62" && (string)c.Attribute("schemaName")! == ConfiguratorApp.UniqueName);
        foreach (var table in new[] { VoiceSetting.EntityName, CallbackProfile.EntityName, SystemUser.EntityName })
            Assert.Contains(components, c => (string)c.Attribute("type")! == "1" && (string)c.Attribute("schemaName")! == table);
    }

    [Fact]
    public void SettingViews_Should_ShowEachSettingsGroup()
    {
        var views = Entity(VoiceSetting.EntityName).Descendants("savedquery")
            .ToDictionary(v => v.Element("LocalizedNames")!.Element("LocalizedName")!.Attribute("description")!.Value);

        foreach (var (name, group) in new[] { ("Phone Call Sync Settings", SettingGroups.PhoneCallSync), ("Callback Sync Settings", SettingGroups.CallbackSync), ("General Settings", SettingGroups.General) })
        {
            Assert.True(views.TryGetValue(name, out var view), $"No view {name}.");
            Assert.Contains(view!.Descendants("condition"), c => (string)c.Attribute("attribute")! == VoiceSetting.GroupName && (string)c.Attribute("operator")! == "eq" && (string)c.Attribute("value")! == group);
        }
        Assert.Contains(Entity(CallbackProfile.EntityName).Descendants("savedquery"), v => v.Element("isdefault")!.Value == "1" && v.Element("querytype")!.Value == "0");
    }

    [Fact]
    public void PhoneCallForms_Should_BeMainQuickViewAndQuickCreate()
    {
        var forms = Entity(PhoneCall.EntityName).Element("FormXml")!.Elements("forms")
            .SelectMany(f => f.Elements("systemform").Select(s => ((string)f.Attribute("type")!, s.Element("LocalizedNames")!.Element("LocalizedName")!.Attribute("description")!.Value)))
            .Order().ToList();

        Assert.Equal([("main", "Voice for D365 – Phone Call"), ("quick", "Voice for D365 – Phone Call"), ("quickCreate", "Voice for D365 – Phone Call")], forms);
    }

    [Fact]
    public void UserForm_Should_HaveAVoiceSectionWithTheEnreachColumns()
    {
        var section = Entity(SystemUser.EntityName).Descendants("section").Single(s => (string)s.Attribute("name")! == "voice");

        var columns = section.Descendants("control").Select(c => (string)c.Attribute("datafieldname")!).ToList();
        Assert.Equal([SystemUser.EnreachUserEmail, SystemUser.EnreachUserId], columns);
    }

    [Fact]
    public void ExtendedTables_Should_CarryOnlyOurColumnsAndThePhoneCallKeys()
    {
        foreach (var extension in SolutionSchema.Extensions)
        {
            var info = Entity(extension.TableLogicalName).Element("EntityInfo")!.Element("entity")!;
            Assert.Equal("1", (string?)info.Attribute("unmodified"));
            Assert.Equal(extension.Columns.Select(c => c.LogicalName), info.Element("attributes")!.Elements("attribute").Select(a => a.Element("LogicalName")!.Value));
            Assert.Equal(extension.Keys.Select(k => k.LogicalName), info.Element("EntityKeys")?.Elements("EntityKey").Select(k => k.Element("LogicalName")!.Value) ?? []);
        }
        var keys = Entity(PhoneCall.EntityName).Descendants("EntityKey").ToDictionary(k => k.Element("LogicalName")!.Value, k => k.Element("EntityKeyAttributes")!.Elements("AttributeName").Select(a => a.Value).ToList());
        Assert.Equal([PhoneCall.EnreachCallEventKey, PhoneCall.CallbackRequestKey], keys.Keys);
        Assert.Equal([PhoneCall.EnreachCallId, PhoneCall.EnreachAgentId], keys[PhoneCall.EnreachCallEventKey]);
        Assert.Equal([PhoneCall.CallbackRequestId], keys[PhoneCall.CallbackRequestKey]);
        Assert.Contains(_packed.Unmanaged.RootComponents, r => (string)r.Attribute("schemaName")! == PhoneCall.EntityName && (string)r.Attribute("behavior")! == "2");
    }

    [Fact]
    public void NumberKeyColumns_Should_BeSearchableTextOnContactAccountAndLeadAndOnNoForm()
    {
        var keyColumns = new HashSet<string>(StringComparer.Ordinal);
        foreach (var table in CustomerTables.All)
        {
            var attributes = Entity(table.LogicalName).Element("EntityInfo")!.Element("entity")!.Element("attributes")!.Elements("attribute").ToList();
            Assert.Equal(table.KeyColumnNames, attributes.Select(a => a.Element("LogicalName")!.Value));
            foreach (var attribute in attributes)
            {
                Assert.Equal("nvarchar", attribute.Element("Type")!.Value);
                Assert.Equal(PhoneNumber.KeyLength.ToString(), attribute.Element("MaxLength")!.Value);
                Assert.Contains("ValidForAdvancedFind", attribute.Element("DisplayMask")!.Value);
                keyColumns.Add(attribute.Element("LogicalName")!.Value);
            }
        }
        Assert.DoesNotContain(Customizations.Descendants("control"), c => keyColumns.Contains((string?)c.Attribute("datafieldname") ?? ""));
    }

    [Fact]
    public void OwnTables_Should_CarryEveryDeclaredColumnKeyAndChoice()
    {
        foreach (var table in SolutionSchema.Tables)
        {
            var info = Entity(table.LogicalName).Element("EntityInfo")!.Element("entity")!;
            Assert.Equal(table.Columns.Select(c => c.LogicalName), info.Element("attributes")!.Elements("attribute").Select(a => a.Element("LogicalName")!.Value));
            Assert.Equal(table.Keys.Select(k => k.LogicalName), info.Element("EntityKeys")?.Elements("EntityKey").Select(k => k.Element("LogicalName")!.Value) ?? []);
            foreach (var choice in table.Columns.Where(c => c.Type == ColumnType.Picklist))
            {
                var options = info.Element("attributes")!.Elements("attribute").Single(a => a.Element("LogicalName")!.Value == choice.LogicalName)
                    .Element("optionset")!.Element("options")!.Elements("option").Select(o => ((int)o.Attribute("value")!, o.Element("labels")!.Element("label")!.Attribute("description")!.Value));
                Assert.Equal(choice.Options.Select(o => (o.Value, o.Label)), options);
            }
        }
        // Every lookup has the relationship the import requires.
        var relationships = Customizations.Element("EntityRelationships")!.Elements("EntityRelationship").ToList();
        Assert.Contains(relationships, r => r.Element("ReferencingAttributeName")!.Value == CallbackProfile.QueueId && r.Element("ReferencedEntityName")!.Value == "Queue");
        Assert.Contains(relationships, r => r.Element("ReferencingAttributeName")!.Value == PhoneCall.CallbackProfileId && r.Element("ReferencedEntityName")!.Value == CallbackProfile.EntityName);
    }

    [Fact]
    public void Roles_Should_CarryExactlyTheirDeclaredPrivileges()
    {
        var roles = Customizations.Element("Roles")!.Elements("Role").ToList();

        Assert.Equal(SecurityRoles.All.Select(r => r.Name).Order(), roles.Select(r => (string)r.Attribute("name")!).Order());
        foreach (var declared in SecurityRoles.All)
        {
            var role = roles.Single(r => (string)r.Attribute("name")! == declared.Name);
            Assert.Equal(StableGuid.For("role", declared.Name), Guid.Parse((string)role.Attribute("id")!));
            Assert.Equal(declared.Privileges.Select(p => (p.Name, p.Depth.ToString())).Order(),
                role.Descendants("RolePrivilege").Select(p => ((string)p.Attribute("name")!, (string)p.Attribute("level")!)).Order());
            Assert.NotEmpty(declared.Privileges);
            Assert.All(declared.Privileges, p => Assert.False(string.IsNullOrWhiteSpace(p.Reason)));
        }
        // Our tables are organization-owned: their privileges exist at Global depth only.
        Assert.All(SecurityRoles.All.SelectMany(r => r.Privileges).Where(p => p.Name.Contains("vfd_", StringComparison.Ordinal)),
            p => Assert.Equal(PrivilegeDepth.Global, p.Depth));
    }

    [Fact]
    public void EnvironmentVariables_Should_BeDefinedWithTheSecretSecretTyped()
    {
        foreach (var variable in SolutionSchema.EnvironmentVariables)
        {
            var file = XDocument.Parse(_packed.Unmanaged.Text($"environmentvariabledefinitions/{variable.SchemaName}/environmentvariabledefinition.xml")).Root!;
            Assert.Equal(variable.SchemaName, (string)file.Attribute("schemaname")!);
            Assert.Equal(((int)variable.Type).ToString(), file.Element("type")!.Value);
        }
        var secret = XDocument.Parse(_packed.Unmanaged.Text($"environmentvariabledefinitions/{EnreachEnvironmentVariables.ApiSecret}/environmentvariabledefinition.xml")).Root!;
        Assert.Equal("100000005", secret.Element("type")!.Value);
        Assert.Null(secret.Element("defaultvalue"));
    }

    [Fact]
    public void WebResourcesAndRibbon_Should_GiveTheUserListItsButton()
    {
        var zip = _packed.Unmanaged;
        var script = Customizations.Element("WebResources")!.Elements("WebResource").Single(w => w.Element("Name")!.Value == "vfd_/Scripts/UpdateEnreachUserIds.js");
        Assert.Equal("3", script.Element("WebResourceType")!.Value);
        var source = Path.Combine(_packed.Gate.RepoRoot, "Solution", "WebResources", "vfd_", "Scripts", "UpdateEnreachUserIds.js");
        Assert.Equal(File.ReadAllBytes(source), zip.File(script.Element("FileName")!.Value));
        var webResourceFiles = Directory.GetFiles(Path.Combine(_packed.Gate.RepoRoot, "Solution", "WebResources"), "*", SearchOption.AllDirectories);
        Assert.Equal(webResourceFiles.Length, Customizations.Element("WebResources")!.Elements("WebResource").Count());

        var ribbon = Entity(SystemUser.EntityName).Element("RibbonDiffXml")!;
        Assert.Contains(ribbon.Descendants("JavaScriptFunction"), f => (string)f.Attribute("Library")! == "$webresource:vfd_/Scripts/UpdateEnreachUserIds.js");
        Assert.Single(ribbon.Descendants("CustomAction"));
    }
}
