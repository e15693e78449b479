using System.IO.Compression;
using System.Xml.Linq;
using VoiceForD365.Core.Schema;

namespace VoiceForD365.Solution.Packing;

/// <summary>A root component of solution.xml: its type (Dataverse's componenttype) and its schema name or id.</summary>
public sealed record RootComponent(int Type, string? SchemaName, Guid? Id, int Behavior)
{
    public const int Entity = 1;
    public const int Role = 20;
    public const int Workflow = 29;
    public const int WebResource = 61;
    public const int SiteMap = 62;
    public const int AppModule = 80;
    public const int PluginAssembly = 91;
    public const int SdkMessageProcessingStep = 92;
    /// <summary>A virtual table's data provider (as Dataverse exports one; Microsoft's component type list leaves it out).</summary>
    public const int EntityDataProvider = 181;
    public const int EnvironmentVariableDefinition = 380;

    /// <summary>Root component behavior: 0 include subcomponents; 2 shell only (a table we extend but do not own).</summary>
    public const int IncludeSubcomponents = 0;
    public const int ShellOnly = 2;

    public XElement ToXml()
    {
        var element = new XElement("RootComponent", new XAttribute("type", Type));
        if (SchemaName is not null) element.Add(new XAttribute("schemaName", SchemaName));
        if (Id is { } id) element.Add(new XAttribute("id", Xml.Braced(id)));
        element.Add(new XAttribute("behavior", Behavior));
        return element;
    }
}
