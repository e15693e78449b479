using System.Xml.Linq;

namespace VoiceForD365.Solution.Packing;

/// <summary>Writes <see cref="FormDefinition"/>s as FormXml (valid against FormXml.xsd).</summary>
internal static class FormWriter
{
    private static readonly Dictionary<ControlKind, string> ClassIds = new()
    {
        [ControlKind.Text] = "{4273EDBD-AC1D-40d3-9FB2-095C621B552D}",
        [ControlKind.Memo] = "{E0DECE4B-6FC8-4a8f-A065-082708572369}",
        [ControlKind.WholeNumber] = "{C6D124CA-7EDA-4a60-AEA9-7FB8D318B68F}",
        [ControlKind.Lookup] = "{270BD3DB-D9AF-4782-9025-509E298DEC0A}",
        [ControlKind.Choice] = "{3EF39988-22BB-4f0b-BBBE-64B5A3748AEE}",
        [ControlKind.Status] = "{5D68B988-0661-4db2-BC3E-17598AD3BE6C}",
        [ControlKind.DateTime] = "{5B773807-9FB2-42DB-97C3-7A91EFF8ADFF}",
        [ControlKind.TwoOptions] = "{67FAC785-CD58-4f9f-ABB3-4B7DDC6ED5ED}",
        [ControlKind.Email] = "{ADA2203E-B4CD-49be-9DDF-234642B43B52}",
        [ControlKind.Url] = "{71716B6C-711E-476c-8AB8-5D11542BFB47}",
        [ControlKind.Phone] = "{8C10015A-B339-4982-9474-A95FE05631A5}",
        [ControlKind.PartyList] = "{CBFB742C-14E7-4a17-96BB-1A13F7F64AA2}",
        [ControlKind.Duration] = "{AA987274-CE4E-4271-A803-66164311A958}",
    };

    /// <summary><c>&lt;systemform&gt;</c> of customizations.xml: id, flags, names and the form itself.</summary>
    public static XElement SystemForm(FormDefinition form, string version) =>
        new("systemform",
            new XElement("formid", Xml.Braced(form.Id)),
            new XElement("IntroducedVersion", version),
            new XElement("FormPresentation", "1"),
            new XElement("FormActivationState", "1"),
            Form(form),
            new XElement("IsCustomizable", "1"),
            new XElement("CanBeDeleted", "1"),
            Xml.Labels("LocalizedNames", "LocalizedName", form.Name),
            Xml.Labels("Descriptions", "Description", form.Description));

    /// <summary>The <c>&lt;form&gt;</c> element (the root of FormXml.xsd).</summary>
    public static XElement Form(FormDefinition form)
    {
        var key = $"{form.Table}/{form.Type}/{form.Name}";
        var element = new XElement("form",
            new XElement("tabs", form.Tabs.Select(tab => new XElement("tab",
                new XAttribute("name", tab.Name),
                new XAttribute("id", Xml.Braced(StableGuid.For("formtab", $"{key}/{tab.Name}"))),
                new XAttribute("IsUserDefined", "0"),
                new XAttribute("verticallayout", "true"),
                new XAttribute("expanded", "true"),
                new XAttribute("showlabel", form.Type == "main" ? "true" : "false"),
                Xml.Labels("labels", "label", tab.Label),
                new XElement("columns", new XElement("column", new XAttribute("width", "100%"),
                    new XElement("sections", tab.Sections.Select(section => Section(key, tab, section)))))))));
        if (form.Type == "main")
        {
            element.Add(new XElement("DisplayConditions",
                new XAttribute("Order", form.IsFallback ? "0" : "1"),
                new XAttribute("FallbackForm", form.IsFallback ? "true" : "false"),
                new XElement("Everyone")));
        }
        return element;
    }

    private static XElement Section(string formKey, FormTab tab, FormSection section) =>
        new("section",
            new XAttribute("name", section.Name),
            new XAttribute("showlabel", section.ShowLabel ? "true" : "false"),
            new XAttribute("showbar", "false"),
            new XAttribute("id", Xml.Braced(StableGuid.For("formsection", $"{formKey}/{tab.Name}/{section.Name}"))),
            new XAttribute("IsUserDefined", "0"),
            new XAttribute("columns", "1"),
            Xml.Labels("labels", "label", section.Label),
            new XElement("rows", section.Fields.Select(field => new XElement("row",
                new XElement("cell",
                    new XAttribute("id", Xml.Braced(StableGuid.For("formcell", $"{formKey}/{field.Column}"))),
                    new XAttribute("showlabel", "true"),
                    new XAttribute("locklevel", "0"),
                    Xml.Labels("labels", "label", field.Label),
                    new XElement("control",
                        new XAttribute("id", field.Column),
                        new XAttribute("classid", ClassIds[field.Control]),
                        new XAttribute("datafieldname", field.Column),
                        new XAttribute("disabled", field.ReadOnly ? "true" : "false")))))));
}
