using System.Xml.Linq;
using VoiceForD365.Core.Schema;
using VoiceForD365.Solution.Model;

namespace VoiceForD365.Solution.Packing;

/// <summary>The control a form cell shows, with the class id Dataverse knows it by.</summary>
public enum ControlKind
{
    Text,
    Memo,
    WholeNumber,
    Lookup,
    Choice,
    Status,
    DateTime,
    TwoOptions,
    Email,
    Url,
    Phone,
    PartyList,
    Duration,
}

/// <summary>A column on a form.</summary>
public sealed record FormField(string Column, string Label, ControlKind Control)
{
    /// <summary>Shown read-only: the product writes it, people only read it.</summary>
    public bool ReadOnly { get; init; }
}

public sealed record FormSection(string Name, string Label, IReadOnlyList<FormField> Fields)
{
    public bool ShowLabel { get; init; } = true;
}

public sealed record FormTab(string Name, string Label, IReadOnlyList<FormSection> Sections);

/// <summary>A system form: <c>main</c>, <c>quick</c> (quick view) or <c>quickCreate</c>.</summary>
public sealed record FormDefinition(string Table, string Type, string Name, string Description, IReadOnlyList<FormTab> Tabs)
{
    /// <summary>Stable across builds: derived from table, type and name.</summary>
    public Guid Id => StableGuid.For("form", $"{Table}/{Type}/{Name}");

    /// <summary>
    /// The table's fallback form (the one shown when no other form is available to the user). Only for our own tables:
    /// on Microsoft's tables their own form stays the fallback.
    /// </summary>
    public bool IsFallback { get; init; }
}

/// <summary>
/// The forms of the solution (SPEC C1): main forms of our two tables, the <i>Voice for D365 – Phone Call</i> main, quick
/// view and quick create forms, and the Voice section of users (a user form of ours, so Microsoft's own User form is
/// never changed by an import or an upgrade).
/// </summary>
public static class SolutionForms
{
    public const string PhoneCallFormName = "Voice for D365 – Phone Call";

    public const string UserFormName = "Voice for D365 – User";

    public static readonly FormDefinition VoiceSettingMain = new(VoiceSetting.EntityName, "main", "Information",
        "A Voice for D365 setting: its group, value and what it does.",
    [
        new("general", "General",
        [
            new("general", "General",
            [
                Ours(SolutionSchema.VoiceSettingTable, VoiceSetting.Name),
                Ours(SolutionSchema.VoiceSettingTable, VoiceSetting.GroupName),
                Ours(SolutionSchema.VoiceSettingTable, VoiceSetting.Value),
                Ours(SolutionSchema.VoiceSettingTable, VoiceSetting.LongValue),
                Ours(SolutionSchema.VoiceSettingTable, VoiceSetting.Description),
            ]) { ShowLabel = false },
        ]),
    ]) { IsFallback = true };

    public static readonly FormDefinition CallbackProfileMain = new(CallbackProfile.EntityName, "main", "Information",
        "A callback profile: which Enreach callback list is synced into which queue, how far back, and who owns the phone calls.",
    [
        new("general", "General",
        [
            new("general", "Callback list",
            [
                Ours(SolutionSchema.CallbackProfileTable, CallbackProfile.Name),
                Ours(SolutionSchema.CallbackProfileTable, CallbackProfile.CallbackListId),
                Ours(SolutionSchema.CallbackProfileTable, CallbackProfile.CallbackListName),
                Ours(SolutionSchema.CallbackProfileTable, CallbackProfile.QueueId),
            ]),
            new("window", "Callback window",
            [
                Ours(SolutionSchema.CallbackProfileTable, CallbackProfile.AgeTimeUnit),
                Ours(SolutionSchema.CallbackProfileTable, CallbackProfile.CallbackAge),
            ]),
            new("phonecalls", "Phone calls",
            [
                Ours(SolutionSchema.CallbackProfileTable, CallbackProfile.OwnershipRule),
                Ours(SolutionSchema.CallbackProfileTable, CallbackProfile.PhoneCallSubject),
                Ours(SolutionSchema.CallbackProfileTable, CallbackProfile.StatusCode),
            ]),
        ]),
    ]) { IsFallback = true };

    public static readonly FormDefinition PhoneCallMain = new(PhoneCall.EntityName, "main", PhoneCallFormName,
        "Phone calls logged by Voice for D365: the call, its Enreach details and the Enreach API audit.",
    [
        new("phonecall", "Phone Call",
        [
            new("call", "Phone Call",
            [
                new(PhoneCall.Subject, "Subject", ControlKind.Text),
                new(PhoneCall.From, "Call From", ControlKind.PartyList),
                new(PhoneCall.To, "Call To", ControlKind.PartyList),
                new(PhoneCall.PhoneNumber, "Phone Number", ControlKind.Phone),
                new(PhoneCall.DirectionCode, "Direction", ControlKind.TwoOptions),
                new(PhoneCall.RegardingObjectId, "Regarding", ControlKind.Lookup),
                new(PhoneCall.ActualStart, "Actual Start", ControlKind.DateTime),
                new(PhoneCall.ActualDurationMinutes, "Duration", ControlKind.Duration),
                new(PhoneCall.OwnerId, "Owner", ControlKind.Lookup),
                new(PhoneCall.Description, "Description", ControlKind.Memo),
            ]),
            new("voice", "Voice",
            [
                Extension(SolutionSchema.PhoneCallExtension, PhoneCall.CallType),
                Extension(SolutionSchema.PhoneCallExtension, PhoneCall.QueueName) with { ReadOnly = true },
                Extension(SolutionSchema.PhoneCallExtension, PhoneCall.CallbackProfileId),
                Extension(SolutionSchema.PhoneCallExtension, PhoneCall.CallbackRequestId) with { ReadOnly = true },
                Extension(SolutionSchema.PhoneCallExtension, PhoneCall.RecordingUrl) with { Control = ControlKind.Url, ReadOnly = true },
                Extension(SolutionSchema.PhoneCallExtension, PhoneCall.EnreachCallId) with { ReadOnly = true },
            ]),
        ]),
        new("audit", "Enreach API Audit",
        [
            new("audit", "Enreach API Audit",
            [
                Extension(SolutionSchema.PhoneCallExtension, PhoneCall.EnreachApiAudit) with { ReadOnly = true },
            ]) { ShowLabel = false },
        ]),
    ]);

    public static readonly FormDefinition PhoneCallQuickView = new(PhoneCall.EntityName, "quick", PhoneCallFormName,
        "The essentials of a Voice for D365 phone call, for other forms to show.",
    [
        new("general", "General",
        [
            new("general", "Phone Call",
            [
                new(PhoneCall.Subject, "Subject", ControlKind.Text),
                new(PhoneCall.PhoneNumber, "Phone Number", ControlKind.Phone),
                Extension(SolutionSchema.PhoneCallExtension, PhoneCall.CallType),
                Extension(SolutionSchema.PhoneCallExtension, PhoneCall.QueueName),
                new(PhoneCall.OwnerId, "Owner", ControlKind.Lookup),
                Extension(SolutionSchema.PhoneCallExtension, PhoneCall.RecordingUrl) with { Control = ControlKind.Url },
            ]) { ShowLabel = false },
        ]),
    ]);

    public static readonly FormDefinition PhoneCallQuickCreate = new(PhoneCall.EntityName, "quickCreate", PhoneCallFormName,
        "Log a phone call by hand, with its Voice for D365 call type and callback profile.",
    [
        new("general", "General",
        [
            new("general", "Phone Call",
            [
                new(PhoneCall.Subject, "Subject", ControlKind.Text),
                new(PhoneCall.PhoneNumber, "Phone Number", ControlKind.Phone),
                new(PhoneCall.DirectionCode, "Direction", ControlKind.TwoOptions),
                new(PhoneCall.RegardingObjectId, "Regarding", ControlKind.Lookup),
                Extension(SolutionSchema.PhoneCallExtension, PhoneCall.CallType),
                Extension(SolutionSchema.PhoneCallExtension, PhoneCall.CallbackProfileId),
                new(PhoneCall.Description, "Description", ControlKind.Memo),
            ]) { ShowLabel = false },
        ]),
    ]);

    public static readonly FormDefinition UserMain = new(SystemUser.EntityName, "main", UserFormName,
        "A user with their Voice section: the Enreach User Id kept by Voice for D365 and the optional Enreach User Email override.",
    [
        new("user", "User",
        [
            new("user", "User",
            [
                new(SystemUser.FirstName, "First Name", ControlKind.Text),
                new(SystemUser.LastName, "Last Name", ControlKind.Text),
                new(SystemUser.DomainName, "User Name", ControlKind.Text) { ReadOnly = true },
                new(SystemUser.InternalEmailAddress, "Primary Email", ControlKind.Email),
                new(SystemUser.BusinessUnitId, "Business Unit", ControlKind.Lookup) { ReadOnly = true },
            ]),
            new("voice", "Voice",
            [
                Extension(SolutionSchema.SystemUserExtension, SystemUser.EnreachUserEmail) with { Control = ControlKind.Email },
                Extension(SolutionSchema.SystemUserExtension, SystemUser.EnreachUserId) with { ReadOnly = true },
            ]),
        ]),
    ]);

    public static IReadOnlyList<FormDefinition> All { get; } =
        [VoiceSettingMain, CallbackProfileMain, PhoneCallMain, PhoneCallQuickView, PhoneCallQuickCreate, UserMain];

    public static IEnumerable<FormDefinition> Of(string table) => All.Where(f => f.Table == table);

    private static FormField Ours(TableDefinition table, string column) => FieldOf(table.FindColumn(column)
        ?? throw new InvalidOperationException($"{table.LogicalName} declares no column {column}."));

    private static FormField Extension(TableExtension extension, string column) => FieldOf(extension.Columns.SingleOrDefault(c => c.LogicalName == column)
        ?? throw new InvalidOperationException($"The {extension.TableLogicalName} extension declares no column {column}."));

    private static FormField FieldOf(ColumnDefinition column) => new(column.LogicalName, column.DisplayName, column.Type switch
    {
        ColumnType.String or ColumnType.EntityName or ColumnType.Uniqueidentifier => ControlKind.Text,
        ColumnType.Memo => ControlKind.Memo,
        ColumnType.Integer => ControlKind.WholeNumber,
        ColumnType.Lookup or ColumnType.Customer or ColumnType.Owner => ControlKind.Lookup,
        ColumnType.Picklist or ColumnType.State => ControlKind.Choice,
        ColumnType.Status => ControlKind.Status,
        ColumnType.DateTime => ControlKind.DateTime,
        ColumnType.Boolean => ControlKind.TwoOptions,
        ColumnType.PartyList => ControlKind.PartyList,
        _ => throw new NotSupportedException($"No form control for {column.LogicalName} ({column.Type})."),
    }) { ReadOnly = column.IsSystemManaged };
}

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
