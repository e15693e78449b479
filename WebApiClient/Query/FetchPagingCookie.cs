using System.Xml;
using System.Xml.Linq;

namespace VoiceForD365.WebApiClient.Query;

/// <summary>
/// The Web API's <c>@Microsoft.Dynamics.CRM.fetchxmlpagingcookie</c> annotation,
/// <c>&lt;cookie pagenumber="2" pagingcookie="%253ccookie…" /&gt;</c>, whose <c>pagingcookie</c> attribute is the SDK's
/// paging cookie URL-encoded twice.
/// </summary>
internal static class FetchPagingCookie
{
    /// <summary>The SDK paging cookie (what EntityCollection.PagingCookie holds), or null.</summary>
    public static string? Read(string? annotation)
    {
        if (string.IsNullOrWhiteSpace(annotation)) return null;
        try
        {
            var cookie = (string?)XElement.Parse(annotation).Attribute("pagingcookie");
            return cookie == null ? null : Uri.UnescapeDataString(Uri.UnescapeDataString(cookie));
        }
        catch (XmlException)
        {
            return null;
        }
    }
}
