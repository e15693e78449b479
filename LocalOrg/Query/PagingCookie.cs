using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace VoiceForD365.LocalOrg.Query;

/// <summary>
/// The paging cookie in Dataverse's QueryExpression format:
/// <c>&lt;cookie page="N"&gt;&lt;accountid last="{GUID}" first="{GUID}" /&gt;&lt;/cookie&gt;</c>.
/// </summary>
internal sealed record PagingCookie(int Page, Guid? First, Guid? Last)
{
    public static string Format(int page, string primaryIdColumn, Guid first, Guid last) =>
        $"<cookie page=\"{page.ToString(CultureInfo.InvariantCulture)}\"><{primaryIdColumn} last=\"{FormatId(last)}\" first=\"{FormatId(first)}\" /></cookie>";

    /// <summary>The cookie of an empty page.</summary>
    public static string Format(int page) => $"<cookie page=\"{page.ToString(CultureInfo.InvariantCulture)}\" />";

    /// <summary>Null when the text isn't a cookie of this format for that primary id column.</summary>
    public static PagingCookie? TryParse(string? text, string primaryIdColumn)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        XElement root;
        try
        {
            root = XElement.Parse(text);
        }
        catch (XmlException)
        {
            return null;
        }
        if (root.Name.LocalName != "cookie") return null;
        if (!int.TryParse((string?)root.Attribute("page"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var page)) return null;
        var id = root.Element(primaryIdColumn);
        return new PagingCookie(page, ParseId((string?)id?.Attribute("first")), ParseId((string?)id?.Attribute("last")));
    }

    private static string FormatId(Guid id) => id.ToString("B").ToUpperInvariant();

    private static Guid? ParseId(string? text) => Guid.TryParse(text, out var id) ? id : null;
}
