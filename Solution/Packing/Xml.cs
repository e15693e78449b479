using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace VoiceForD365.Solution.Packing;

/// <summary>Small builders for the recurring shapes of solution XML.</summary>
internal static class Xml
{
    public static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    public static string Lcid => SolutionIdentity.LanguageCode.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary><c>&lt;name description="text" languagecode="1033" /&gt;</c></summary>
    public static XElement Label(string name, string text) =>
        new(name, new XAttribute("description", text), new XAttribute("languagecode", Lcid));

    /// <summary>A container of one label: <c>&lt;LocalizedNames&gt;&lt;LocalizedName description=... /&gt;&lt;/LocalizedNames&gt;</c>.</summary>
    public static XElement Labels(string container, string item, string text) => new(container, Label(item, text));

    /// <summary>The <c>default=</c> + label form of custom API and environment variable files.</summary>
    public static XElement DefaultLabel(string name, string text) =>
        new(name, new XAttribute("default", text), Label("label", text));

    public static string Bit(bool value) => value ? "1" : "0";

    public static string Braced(Guid id) => id.ToString("B");

    public static string Int(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>UTF-8 (no byte order mark), indented, with an XML declaration.</summary>
    public static byte[] ToBytes(XElement root, bool declaration = true)
    {
        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(false),
            Indent = true,
            IndentChars = "  ",
            OmitXmlDeclaration = !declaration,
            NewLineChars = "\r\n",
        };
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, settings))
        {
            root.Save(writer);
        }
        return stream.ToArray();
    }
}
