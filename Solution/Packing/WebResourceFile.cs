namespace VoiceForD365.Solution.Packing;

/// <summary>A web resource: its name (the path below Solution/WebResources/) and content.</summary>
public sealed record WebResourceFile(string Name, byte[] Content)
{
    public Guid Id => StableGuid.For("webresource", Name);

    public string DisplayName => Name[(Name.LastIndexOf('/') + 1)..];

    /// <summary>Dataverse's web resource type: 1 HTML, 2 CSS, 3 JavaScript, 4 XML, 5 PNG, 6 JPG, 7 GIF, 9 XSL, 10 ICO, 11 SVG, 12 RESX.</summary>
    public int Type => Path.GetExtension(Name).ToLowerInvariant() switch
    {
        ".htm" or ".html" => 1,
        ".css" => 2,
        ".js" => 3,
        ".xml" => 4,
        ".png" => 5,
        ".jpg" or ".jpeg" => 6,
        ".gif" => 7,
        ".xsl" or ".xslt" => 9,
        ".ico" => 10,
        ".svg" => 11,
        ".resx" => 12,
        var other => throw new NotSupportedException($"Web resource {Name}: {other} is not a web resource type Dataverse knows."),
    };

    /// <summary>Where Dataverse exports it: WebResources/&lt;name without separators and dots&gt;&lt;ID&gt; (no extension).</summary>
    public string FileName => "WebResources/" + new string(Name.Where(c => char.IsLetterOrDigit(c) || c == '_').ToArray()) + Id.ToString("D").ToUpperInvariant();
}
