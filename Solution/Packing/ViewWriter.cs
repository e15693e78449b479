using System.Xml.Linq;

namespace VoiceForD365.Solution.Packing;

/// <summary>Writes <see cref="ViewDefinition"/>s as customizations.xml's <c>savedquery</c> elements.</summary>
internal static class ViewWriter
{
    public static XElement SavedQuery(ViewDefinition view, string primaryIdColumn, string version)
    {
        var jump = view.Columns[0].Name;
        var entity = new XElement("entity", new XAttribute("name", view.Table),
            new XElement("attribute", new XAttribute("name", primaryIdColumn)),
            view.Columns.Select(c => new XElement("attribute", new XAttribute("name", c.Name))),
            view.Order.Select(o => new XElement("order", new XAttribute("attribute", o.Column), new XAttribute("descending", o.Descending ? "true" : "false"))));
        if (view.Filter.Count > 0) entity.Add(new XElement("filter", new XAttribute("type", "and"), view.Filter.Select(Condition)));
        if (view.FindColumns.Count > 0)
        {
            entity.Add(new XElement("filter", new XAttribute("type", "or"), new XAttribute("isquickfindfields", "1"),
                view.FindColumns.Select(c => Condition(new ViewCondition(c, "like", "{0}")))));
        }
        var savedQuery = new XElement("savedquery",
            new XElement("IsCustomizable", "1"),
            new XElement("CanBeDeleted", Xml.Bit(view.QueryType == QueryType.Public && !view.IsDefault)),
            new XElement("isquickfindquery", Xml.Bit(view.QueryType == QueryType.QuickFind)),
            new XElement("isprivate", "0"),
            new XElement("isdefault", Xml.Bit(view.IsDefault)),
            new XElement("savedqueryid", Xml.Braced(view.Id)),
            new XElement("layoutxml", new XElement("grid",
                new XAttribute("name", "resultset"), new XAttribute("jump", jump), new XAttribute("select", "1"),
                new XAttribute("icon", "1"), new XAttribute("preview", "1"),
                new XElement("row", new XAttribute("name", "result"), new XAttribute("id", primaryIdColumn),
                    view.Columns.Select(c => new XElement("cell", new XAttribute("name", c.Name), new XAttribute("width", c.Width)))))),
            new XElement("querytype", Xml.Int(view.QueryType)),
            new XElement("fetchxml", new XElement("fetch", new XAttribute("version", "1.0"), new XAttribute("mapping", "logical"), entity)),
            new XElement("IntroducedVersion", version),
            Xml.Labels("LocalizedNames", "LocalizedName", view.Name));
        if (view.Description.Length > 0) savedQuery.Add(Xml.Labels("Descriptions", "Description", view.Description));
        return savedQuery;
    }

    private static XElement Condition(ViewCondition condition)
    {
        var element = new XElement("condition", new XAttribute("attribute", condition.Attribute), new XAttribute("operator", condition.Operator));
        if (condition.Value is not null) element.Add(new XAttribute("value", condition.Value));
        return element;
    }
}
