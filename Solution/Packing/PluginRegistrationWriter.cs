using System.Xml.Linq;
using VoiceForD365.Core.Registration;

namespace VoiceForD365.Solution.Packing;

/// <summary>Plug-in assemblies, plug-in types, steps and images (customizations.xml), and custom API files.</summary>
internal static class PluginRegistrationWriter
{
    public static Guid AssemblyId(ShippedAssembly assembly) => StableGuid.For("pluginassembly", assembly.Name);

    public static Guid TypeId(ShippedType type) => ComponentIds.PluginType(type.FullName);

    /// <summary>Where Dataverse exports an assembly: PluginAssemblies/&lt;name without dots&gt;-&lt;ID&gt;/&lt;name without dots&gt;.dll.</summary>
    public static string FileName(ShippedAssembly assembly)
    {
        var name = new string(assembly.Name.Where(char.IsLetterOrDigit).ToArray());
        return $"PluginAssemblies/{name}-{AssemblyId(assembly).ToString("D").ToUpperInvariant()}/{name}.dll";
    }

    public static XElement PluginAssembly(ShippedAssembly assembly, string version) =>
        new("PluginAssembly",
            new XAttribute("FullName", assembly.FullName),
            new XAttribute("PluginAssemblyId", AssemblyId(assembly).ToString("D")),
            new XAttribute("CustomizationLevel", "1"),
            new XElement("IsolationMode", "2"), // sandbox
            new XElement("SourceType", "0"), // database
            new XElement("IntroducedVersion", version),
            new XElement("FileName", "/" + FileName(assembly)),
            new XElement("PluginTypes", assembly.Types.Select(t => PluginType(assembly, t))));

    private static XElement PluginType(ShippedAssembly assembly, ShippedType type)
    {
        var activity = type.Activity;
        var name = activity?.Name ?? type.FullName;
        var element = new XElement("PluginType",
            new XAttribute("AssemblyQualifiedName", $"{type.FullName}, {assembly.FullName}"),
            new XAttribute("PluginTypeId", TypeId(type).ToString("D")),
            new XAttribute("Name", name));
        if (activity is { Description.Length: > 0 }) element.Add(new XElement("Description", activity.Description));
        element.Add(new XElement("FriendlyName", name));
        if (type.Kind == ShippedTypeKind.WorkflowActivity) element.Add(new XElement("WorkflowActivityGroupName", activity!.Group));
        return element;
    }

    public static XElement Step(StepRegistration step, string version)
    {
        var declaration = step.Declaration;
        var element = new XElement("SdkMessageProcessingStep",
            new XAttribute("Name", step.Name),
            new XAttribute("SdkMessageProcessingStepId", Xml.Braced(step.Id)),
            new XElement("PluginTypeName", $"{step.Type.FullName}, {step.Assembly.FullName}"),
            new XElement("PluginTypeId", TypeId(step.Type).ToString("D")),
            new XElement("PrimaryEntity", step.Table),
            new XElement("AsyncAutoDelete", Xml.Bit(declaration.Mode == ExecutionMode.Asynchronous)),
            new XElement("Description", declaration.Description.Length > 0 ? declaration.Description : step.Name),
            new XElement("FilteringAttributes", string.Join(",", declaration.FilteringAttributes)),
            new XElement("InvocationSource", "0"),
            new XElement("Mode", Xml.Int((int)declaration.Mode)),
            new XElement("Rank", Xml.Int(declaration.Order)));
        if (SdkMessages.IdOf(declaration.Message) is { } messageId) element.Add(new XElement("SdkMessageId", messageId.ToString("D")));
        element.Add(
            new XElement("EventHandlerTypeCode", "4602"), // plug-in type
            new XElement("Stage", Xml.Int((int)declaration.Stage)),
            new XElement("IsCustomizable", "1"),
            new XElement("IsHidden", "0"),
            new XElement("SupportedDeployment", "0"), // server only
            new XElement("IntroducedVersion", version));
        if (declaration.Images.Count > 0)
            element.Add(new XElement("SdkMessageProcessingStepImages", declaration.Images.Select(i => Image(step, i, version))));
        return element;
    }

    private static Guid ImageId(StepRegistration step, StepImage image) => StableGuid.For("stepimage", $"{step.Id:D}/{(int)image.Type}/{image.Name}");

    private static XElement Image(StepRegistration step, StepImage image, string version) =>
        new("SdkMessageProcessingStepImage", new XAttribute("Name", image.Name),
            new XElement("SdkMessageProcessingStepImageId", Xml.Braced(ImageId(step, image))),
            new XElement("Attributes", string.Join(",", image.Columns)),
            new XElement("EntityAlias", image.Name),
            new XElement("ImageType", Xml.Int((int)image.Type)),
            new XElement("MessagePropertyName", image.MessagePropertyName),
            new XElement("IsCustomizable", "1"),
            new XElement("IntroducedVersion", version));

    /// <summary>
    /// The files of one custom API: customapis/&lt;uniquename&gt;/customapi.xml, and one folder per request parameter
    /// and response property, named by its unique name.
    /// </summary>
    public static IEnumerable<(string Path, XElement Content)> CustomApiFiles(ShippedType type, CustomApiDeclaration api)
    {
        var folder = $"customapis/{api.UniqueName}";
        yield return ($"{folder}/customapi.xml", new XElement("customapi", new XAttribute("uniquename", api.UniqueName),
            new XElement("allowedcustomprocessingsteptype", "0"), // no other steps on this message
            new XElement("bindingtype", "0"), // global
            new XElement("boundentitylogicalname"),
            Xml.DefaultLabel("description", api.Description.Length > 0 ? api.Description : api.DisplayName),
            Xml.DefaultLabel("displayname", api.DisplayName.Length > 0 ? api.DisplayName : api.UniqueName),
            new XElement("executeprivilegename"),
            new XElement("iscustomizable", "0"),
            new XElement("isfunction", Xml.Bit(api.IsFunction)),
            new XElement("isprivate", "0"),
            new XElement("name", api.UniqueName),
            new XElement("plugintypeid", new XElement("plugintypeid", Xml.Braced(TypeId(type)))),
            new XElement("workflowsdkstepenabled", "0")));
        foreach (var parameter in api.RequestParameters)
        {
            yield return ($"{folder}/customapirequestparameters/{parameter.UniqueName}/customapirequestparameter.xml",
                new XElement("customapirequestparameter", new XAttribute("uniquename", parameter.UniqueName),
                    Xml.DefaultLabel("description", parameter.Description.Length > 0 ? parameter.Description : parameter.UniqueName),
                    Xml.DefaultLabel("displayname", parameter.UniqueName),
                    new XElement("iscustomizable", "0"),
                    new XElement("isoptional", Xml.Bit(parameter.IsOptional)),
                    new XElement("logicalentityname"),
                    new XElement("name", $"{api.UniqueName}.{parameter.UniqueName}"),
                    new XElement("type", Xml.Int((int)parameter.Type))));
        }
        foreach (var property in api.ResponseProperties)
        {
            // isoptional is not valid on a response property (the import refuses it).
            yield return ($"{folder}/customapiresponseproperties/{property.UniqueName}/customapiresponseproperty.xml",
                new XElement("customapiresponseproperty", new XAttribute("uniquename", property.UniqueName),
                    Xml.DefaultLabel("description", property.Description.Length > 0 ? property.Description : property.UniqueName),
                    Xml.DefaultLabel("displayname", property.UniqueName),
                    new XElement("iscustomizable", "0"),
                    new XElement("logicalentityname"),
                    new XElement("name", $"{api.UniqueName}.{property.UniqueName}"),
                    new XElement("type", Xml.Int((int)property.Type))));
        }
    }

    /// <summary>Every step of every plug-in type, each checked against the others (one step per type, message, table and stage).</summary>
    public static IReadOnlyList<StepRegistration> Steps(IEnumerable<ShippedAssembly> assemblies)
    {
        var steps = assemblies.SelectMany(a => a.Plugins.SelectMany(t => t.Steps.Select(s => new StepRegistration(a, t, s))))
            .OrderBy(s => s.Type.FullName, StringComparer.Ordinal).ThenBy(s => s.Declaration.Message, StringComparer.Ordinal)
            .ThenBy(s => s.Table, StringComparer.Ordinal).ThenBy(s => (int)s.Declaration.Stage).ToList();
        var duplicate = steps.GroupBy(s => s.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new InvalidOperationException($"{duplicate.First().Type.FullName} declares two steps on {duplicate.First().Declaration.Message} of {duplicate.First().Table} at stage {duplicate.First().Declaration.Stage}.");
        return steps;
    }
}
