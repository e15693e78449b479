using System.Xml.Linq;

namespace VoiceForD365.Solution.Packing;

/// <summary>The files of the solution source that travel as embedded resources: web resources and ribbon diffs.</summary>
public static class SolutionResources
{
    private const string WebResourcePrefix = "WebResources/";
    private const string RibbonPrefix = "Ribbon/";
    private const string RibbonSuffix = ".RibbonDiffXml.xml";

    /// <summary>Every file under Solution/WebResources/, named by its path below it (e.g. vfd_/Scripts/UpdateEnreachUserIds.js).</summary>
    public static IReadOnlyList<WebResourceFile> WebResources() =>
        ResourceNames(WebResourcePrefix)
            .Select(n => new WebResourceFile(n[WebResourcePrefix.Length..], Read(n)))
            .OrderBy(w => w.Name, StringComparer.Ordinal)
            .ToList();

    /// <summary>The ribbon diffs of Solution/Ribbon/&lt;table&gt;.RibbonDiffXml.xml, by table logical name.</summary>
    public static IReadOnlyDictionary<string, XElement> RibbonDiffs() =>
        ResourceNames(RibbonPrefix)
            .Where(n => n.EndsWith(RibbonSuffix, StringComparison.Ordinal))
            .ToDictionary(n => n[RibbonPrefix.Length..^RibbonSuffix.Length], n =>
            {
                using var stream = new MemoryStream(Read(n));
                var root = XDocument.Load(stream).Root!;
                if (root.Name.LocalName != "RibbonDiffXml") throw new InvalidDataException($"{n}: the root element must be RibbonDiffXml, not {root.Name}.");
                return new XElement(root);
            }, StringComparer.Ordinal);

    private static IEnumerable<string> ResourceNames(string prefix) =>
        typeof(SolutionResources).Assembly.GetManifestResourceNames()
            .Select(n => n.Replace('\\', '/'))
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal))
            .OrderBy(n => n, StringComparer.Ordinal);

    private static byte[] Read(string name)
    {
        var assembly = typeof(SolutionResources).Assembly;
        using var stream = assembly.GetManifestResourceStream(name) ?? assembly.GetManifestResourceStream(name.Replace('/', '\\'))
            ?? throw new FileNotFoundException($"Embedded resource {name} is missing.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
