using System.Reflection;
using System.Xml.Linq;
using VoiceForD365.Core.Registration;
using VoiceForD365.Core.Schema;
using VoiceForD365.LocalOrg;
using VoiceForD365.Plugins;
using VoiceForD365.Solution;
using VoiceForD365.Tests.ApiGate;
using VoiceForD365.Workflows.Callbacks;
using Xunit;

namespace VoiceForD365.Tests.Packing;

/// <summary>Plug-in assemblies, types, steps, images, the custom API and the process, as the solution carries them.</summary>
[Collection(ApiGateCollection.Name)]
public sealed class PluginRegistrationPackingTests
{
    private readonly PackedSolution _packed;

    public PluginRegistrationPackingTests(ApiGateFixture gate) => _packed = PackedSolution.Of(gate);

    private XElement Customizations => _packed.Unmanaged.Customizations;

    [Fact]
    public void EveryStep_Should_ReferToAPluginTypeOfTheEmbeddedAssembly()
    {
        var zip = _packed.Unmanaged;
        var assemblies = Customizations.Element("SolutionPluginAssemblies")!.Elements("PluginAssembly").ToList();
        var types = assemblies.SelectMany(a => a.Element("PluginTypes")!.Elements("PluginType")
            .Select(t => (Id: Guid.Parse((string)t.Attribute("PluginTypeId")!), Qualified: (string)t.Attribute("AssemblyQualifiedName")!, Assembly: a))).ToList();
        var steps = Customizations.Element("SdkMessageProcessingSteps")!.Elements("SdkMessageProcessingStep").ToList();

        Assert.NotEmpty(steps);
        foreach (var step in steps)
        {
            var typeName = step.Element("PluginTypeName")!.Value;
            var type = types.SingleOrDefault(t => t.Id == Guid.Parse(step.Element("PluginTypeId")!.Value));
            Assert.True(type.Assembly is not null, $"Step {step.Attribute("Name")} refers to plug-in type id {step.Element("PluginTypeId")!.Value}, which no assembly of the solution has.");
            Assert.Equal(typeName, type.Qualified);
            var dll = zip.File(type.Assembly.Element("FileName")!.Value)!;
            var defined = PackedSolution.TypesDefinedIn(dll);
            var fullName = typeName[..typeName.IndexOf(',')];
            Assert.True(defined.Contains(fullName), $"Step {step.Attribute("Name")} runs {fullName}, which the embedded {Path.GetFileName(type.Assembly.Element("FileName")!.Value)} does not define.");
            var identity = PackedSolution.IdentityOf(dll);
            Assert.Equal($"{fullName}, {identity.Name}, Version={identity.Version}, Culture=neutral, PublicKeyToken={identity.PublicKeyToken}", typeName);
        }
    }

    [Fact]
    public void Steps_Should_BeExactlyThePluginStepDeclarations()
    {
        // The declarations, read by reflection from the net10.0 build of the same sources; a data provider's plug-ins
        // (main-operation steps on a table) are registered on its entitydataprovider instead.
        var declared = typeof(PluginBase).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes<PluginStepAttribute>().Where(a => !(a.Stage == PipelineStage.MainOperation && a.Table.Length > 0)).Select(a => (Type: t.FullName!, a.Message, Table: a.Table.Length == 0 ? "none" : a.Table,
                Stage: ((int)a.Stage).ToString(), Mode: ((int)a.Mode).ToString(), Filter: Columns(a.FilteringAttributes), Rank: a.Order.ToString(),
                Pre: a.PreImageName.Length == 0 ? "" : $"{a.PreImageName}:{Columns(a.PreImageAttributes)}",
                Post: a.PostImageName.Length == 0 ? "" : $"{a.PostImageName}:{Columns(a.PostImageAttributes)}")))
            .OrderBy(s => s.ToString(), StringComparer.Ordinal).ToList();

        var packed = Customizations.Element("SdkMessageProcessingSteps")!.Elements("SdkMessageProcessingStep").Select(s =>
        {
            var typeName = s.Element("PluginTypeName")!.Value;
            var name = (string)s.Attribute("Name")!;
            var images = s.Element("SdkMessageProcessingStepImages")?.Elements("SdkMessageProcessingStepImage").ToList() ?? [];
            string Image(string type) => images.Where(i => i.Element("ImageType")!.Value == type)
                .Select(i => $"{i.Attribute("Name")!.Value}:{i.Element("Attributes")!.Value}").SingleOrDefault() ?? "";
            return (Type: typeName[..typeName.IndexOf(',')], Message: name[(name.IndexOf(": ", StringComparison.Ordinal) + 2)..name.IndexOf(" of ", StringComparison.Ordinal)],
                Table: s.Element("PrimaryEntity")!.Value, Stage: s.Element("Stage")!.Value, Mode: s.Element("Mode")!.Value,
                Filter: s.Element("FilteringAttributes")!.Value, Rank: s.Element("Rank")!.Value, Pre: Image("0"), Post: Image("1"));
        }).OrderBy(s => s.ToString(), StringComparer.Ordinal).ToList();

        Assert.NotEmpty(declared);
        Assert.Equal(declared, packed);

        static string Columns(string list) => string.Join(",", list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [Fact]
    public void EveryStep_Should_HaveTheNameTheLocalOrganizationShows()
    {
        var org = new LocalOrganization(new LocalOrganizationOptions { PluginAssemblies = [typeof(PluginBase).Assembly] });

        var packed = Customizations.Element("SdkMessageProcessingSteps")!.Elements("SdkMessageProcessingStep")
            .Select(s => (string)s.Attribute("Name")!).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(org.Steps.Select(s => s.Name).Order(StringComparer.Ordinal), packed);
        // The rule that used to differ: a step on any table (Associate).
        Assert.Contains(packed, n => n.EndsWith($": {MessageNames.Associate} of any Entity", StringComparison.Ordinal));
    }

    [Fact]
    public void EveryWorkflowActivity_Should_HaveTheNameAndGroupTheLocalOrganizationShows()
    {
        var org = new LocalOrganization(new LocalOrganizationOptions { WorkflowAssemblies = [typeof(ApplyCallbackProfile).Assembly] });

        var packed = Customizations.Descendants("PluginType").Where(t => t.Element("WorkflowActivityGroupName") is not null)
            .Select(t => ((string)t.Attribute("Name")!, t.Element("FriendlyName")!.Value, t.Element("WorkflowActivityGroupName")!.Value))
            .Order().ToList();

        Assert.NotEmpty(packed);
        Assert.Equal(org.WorkflowActivities.Select(a => (a.Name, a.Name, a.Group)).Order(), packed);
    }

    [Fact]
    public void EveryPluginType_Should_BeAPublicPluginOrWorkflowActivityOfItsAssembly()
    {
        foreach (var assembly in Customizations.Element("SolutionPluginAssemblies")!.Elements("PluginAssembly"))
        {
            var types = assembly.Element("PluginTypes")!.Elements("PluginType").ToList();
            Assert.NotEmpty(types);
            var defined = PackedSolution.TypesDefinedIn(_packed.Unmanaged.File(assembly.Element("FileName")!.Value)!);
            Assert.All(types, t =>
            {
                var qualified = (string)t.Attribute("AssemblyQualifiedName")!;
                Assert.Contains(qualified[..qualified.IndexOf(',')], defined);
                Assert.EndsWith(", " + (string)assembly.Attribute("FullName")!, qualified, StringComparison.Ordinal);
            });
        }
        var activities = Customizations.Descendants("PluginType").Where(t => t.Element("WorkflowActivityGroupName") is not null).ToList();
        Assert.Contains(activities, a => a.Element("WorkflowActivityGroupName")!.Value == WorkflowActivityGroups.VoiceForD365 && (string)a.Attribute("Name")! == "Apply Callback Profile");
    }

    [Fact]
    public void CustomApi_Should_BeTheDeclarationWithEveryResponseProperty()
    {
        var zip = _packed.Unmanaged;
        var type = typeof(VoiceForD365.Plugins.Users.UpdateEnreachUserIdsApi);
        var declaration = type.GetCustomAttribute<CustomApiAttribute>()!;
        var folder = $"customapis/{declaration.UniqueName}";

        var api = XDocument.Parse(zip.Text($"{folder}/customapi.xml")).Root!;
        Assert.Equal(declaration.UniqueName, (string)api.Attribute("uniquename")!);
        Assert.Equal(declaration.UniqueName, api.Element("name")!.Value);
        Assert.Equal(declaration.DisplayName, (string)api.Element("displayname")!.Attribute("default")!);
        Assert.Equal(declaration.IsFunction ? "1" : "0", api.Element("isfunction")!.Value);
        var pluginTypeId = Guid.Parse(api.Element("plugintypeid")!.Element("plugintypeid")!.Value);
        var pluginType = Customizations.Descendants("PluginType").Single(t => Guid.Parse((string)t.Attribute("PluginTypeId")!) == pluginTypeId);
        Assert.StartsWith(type.FullName + ", ", (string)pluginType.Attribute("AssemblyQualifiedName")!, StringComparison.Ordinal);

        var declared = type.GetCustomAttributes<CustomApiResponsePropertyAttribute>().ToList();
        Assert.NotEmpty(declared);
        foreach (var property in declared)
        {
            var file = XDocument.Parse(zip.Text($"{folder}/customapiresponseproperties/{property.UniqueName}/customapiresponseproperty.xml")).Root!;
            Assert.Equal(property.UniqueName, (string)file.Attribute("uniquename")!);
            Assert.Equal($"{declaration.UniqueName}.{property.UniqueName}", file.Element("name")!.Value);
            Assert.Equal(((int)property.Type).ToString(), file.Element("type")!.Value);
            Assert.Null(file.Element("isoptional"));
        }
        Assert.Equal(declared.Count, zip.Entries.Keys.Count(k => k.StartsWith($"{folder}/customapiresponseproperties/", StringComparison.Ordinal)));
    }

    [Fact]
    public void Process_Should_RunAnActivityOfTheEmbeddedWorkflowAssemblyAndBeActivated()
    {
        var zip = _packed.Unmanaged;
        var process = SolutionProcesses.ApplyCallbackProfileOnCreate;
        var workflow = Customizations.Element("Workflows")!.Elements("Workflow").Single(w => Guid.Parse((string)w.Attribute("WorkflowId")!) == process.Id);

        Assert.Equal(process.PrimaryEntity, workflow.Element("PrimaryEntity")!.Value);
        Assert.Equal("1", workflow.Element("TriggerOnCreate")!.Value);
        Assert.Equal(("1", "2"), (workflow.Element("StateCode")!.Value, workflow.Element("StatusCode")!.Value));
        var xaml = XDocument.Parse(zip.Text(workflow.Element("XamlFileName")!.Value.TrimStart('/'))).Root!;
        var custom = xaml.Descendants().Where(e => e.Name.LocalName == "ActivityReference")
            .Select(e => (string)e.Attribute("AssemblyQualifiedName")!)
            .Where(n => !n.StartsWith("Microsoft.Crm.Workflow.Activities.", StringComparison.Ordinal)).ToList();
        Assert.Equal([$"{SolutionProcesses.ApplyCallbackProfileActivity}, "], custom.Select(n => n[..(n.IndexOf(',') + 2)]));
        var workflows = Customizations.Element("SolutionPluginAssemblies")!.Elements("PluginAssembly")
            .Single(a => ((string)a.Attribute("FullName")!).StartsWith(SolutionProcesses.WorkflowAssembly + ",", StringComparison.Ordinal));
        Assert.EndsWith(", " + (string)workflows.Attribute("FullName")!, custom[0], StringComparison.Ordinal);
        Assert.Contains(SolutionProcesses.ApplyCallbackProfileActivity, PackedSolution.TypesDefinedIn(zip.File(workflows.Element("FileName")!.Value)!));
        // The condition reads the declared column and the step passes both declared inputs.
        Assert.Contains(xaml.Descendants().Where(e => e.Name.LocalName == "GetEntityProperty"), g => (string)g.Attribute("Attribute")! == VoiceForD365.Core.Schema.PhoneCall.CallbackProfileId);
        var arguments = xaml.Descendants().Where(e => e.Name.LocalName == "InArgument" && e.Parent?.Name.LocalName == "ActivityReference.Arguments")
            .Select(e => (string?)e.Attribute(XName.Get("Key", "http://schemas.microsoft.com/winfx/2006/xaml"))).ToList();
        Assert.Contains("PhoneCall", arguments);
        Assert.Contains("CallbackProfile", arguments);
    }
}
