using System;
using System.Text;
using Microsoft.Xrm.Sdk;
using VoiceForD365.Core.Schema;

namespace VoiceForD365.Core.Routing
{
    /// <summary>
    /// The model-driven app URLs an agent's screen pop opens: a case's form
    /// (<c>main.aspx?appid=…&amp;pagetype=entityrecord&amp;etn=incident&amp;id=…</c>) or a new case form, which for a
    /// known contact or account caller comes with the customer filled in (<c>extraqs</c>).
    /// </summary>
    public sealed class ScreenPopLinks
    {
        private readonly string _main;

        /// <param name="organizationUrl">The organization's root (https://contoso.crm4.dynamics.com/).</param>
        /// <param name="appId">The app the form opens in (the Customer Service Hub's id, say); null: the user's default app.</param>
        public ScreenPopLinks(Uri organizationUrl, Guid? appId)
        {
            if (organizationUrl == null) throw new ArgumentNullException(nameof(organizationUrl));
            if (!organizationUrl.IsAbsoluteUri) throw new ArgumentException("The organization URL must be absolute.", nameof(organizationUrl));
            var root = organizationUrl.GetLeftPart(UriPartial.Path).TrimEnd('/');
            _main = root + "/main.aspx?" + (appId is { } id && id != Guid.Empty ? "appid=" + id.ToString("D") + "&" : "") + "pagetype=entityrecord&etn=" + Incident.EntityName;
        }

        public string ForCase(Guid caseId) => _main + "&id=" + caseId.ToString("D");

        /// <summary>A new case form; with <paramref name="customer"/> a contact or an account, its Customer is filled in.</summary>
        public string ForNewCase(EntityReference? customer)
        {
            if (customer == null || (customer.LogicalName != Contact.EntityName && customer.LogicalName != Account.EntityName)) return _main;
            var extra = new StringBuilder()
                .Append(Incident.CustomerId).Append('=').Append(customer.Id.ToString("D"))
                .Append('&').Append(Incident.CustomerId).Append("name=").Append(customer.Name ?? "")
                .Append('&').Append(Incident.CustomerId).Append("type=").Append(customer.LogicalName);
            return _main + "&extraqs=" + Uri.EscapeDataString(extra.ToString());
        }
    }
}
