using VoiceForD365.Core.Schema;
using VoiceForD365.Core.Settings;
using static VoiceForD365.Solution.Package.ConfigurationMigrationWriter;

namespace VoiceForD365.Solution.Package;

/// <summary>
/// The configuration data of the package (SPEC C1, C4): every setting of <see cref="SettingCatalog"/> with its default
/// and description, the CIF 1.0 channel provider (<c>msdyn_ciprovider</c>) and the CIF 2.0 channel provider
/// (<c>msdyn_channelprovider</c>) with a session template and an incoming call notification template and its fields.
/// Record ids are fixed, so every version of the package updates the same records.
/// <para>
/// Only product-owned columns are exported: a re-import (upgrade) updates them, and leaves alone what administrators
/// own — the CIF 1.0 provider's apps and roles (msdyn_appselector, msdyn_roleselector; configuration guide 1.5.1.1),
/// the CIF 2.0 app profiles the provider is added to (1.5.1.2). Setting values are updated by the import too; the
/// package puts an administrator's values back after an upgrade (VoiceForD365.PackageDeployer).
/// </para>
/// </summary>
public static class VoiceForD365Data
{
    /// <summary>
    /// The phone widget's address. The configuration guide gives none: Enreach hosts the widget and gives its address
    /// per customer (guide 1.1: "send your Microsoft Dynamics 365 environment URL-information to your Enreach contact").
    /// A package built without <see cref="PackageOptions.WidgetUrl"/> carries this placeholder (reserved .invalid
    /// domain, so it can never reach anyone); an administrator replaces it on both channel provider records.
    /// </summary>
    public const string WidgetUrlPlaceholder = "https://voice-for-d365-widget.enreach.invalid/";

    /// <summary>Name of both channel providers, as the configuration guide shows it (1.5.1.2: "Voice for Dynamics 365 by Enreach").</summary>
    public const string ChannelProviderName = "Voice for Dynamics 365 by Enreach";

    public const string ChannelProviderLabel = "Voice for Dynamics 365";

    // Microsoft's tables and columns (Channel Integration Framework 1.0 and 2.0, Omnichannel/Customer Service workspace).
    public const string SessionTemplate = "msdyn_sessiontemplate";
    public const string NotificationTemplate = "msdyn_notificationtemplate";
    public const string NotificationField = "msdyn_notificationfield";
    public const string NotificationTemplateFields = "msdyn_notificationtemplate_notificationfield";

    public static readonly Guid CiProviderId = new("37b4c7fb-fbfe-4b6e-bd72-ec685f5b796b");
    public static readonly Guid ChannelProviderId = new("1c2b58c7-c202-42ac-a51d-427ff4962670");
    public static readonly Guid SessionTemplateId = new("1200ff3c-e21c-4076-ba60-3849d12fbed0");
    public static readonly Guid NotificationTemplateId = new("01d528f7-f9a0-4817-9801-62c68382193c");

    /// <summary>Fields of the incoming call notification: title, value (a slug the widget fills in with templateParameters), id.</summary>
    public static readonly IReadOnlyList<(string UniqueName, string Title, string Value, Guid Id)> IncomingCallFields =
    [
        ("vfd_incomingcall_caller", "Caller", "{customerName}", new Guid("b679c97d-2597-407f-8a54-8639d6bfb66a")),
        ("vfd_incomingcall_number", "Number", "{phoneNumber}", new Guid("e40ac19f-3940-4e52-89e4-30bc7c536da8")),
        ("vfd_incomingcall_queue", "Queue", "{queueName}", new Guid("a5c1ceb9-5dbb-4fcc-8397-f6be7a811b3e")),
    ];

    /// <summary>msdyn_ciprovider.msdyn_ciproviderapiversion: 0 is API version 1.0.</summary>
    public const int CiProviderApiVersion10 = 0;

    /// <summary>msdyn_channelprovider.msdyn_apiversion (choice msdyn_apiversionoptions): its one option, API version 2.</summary>
    public const int ChannelProviderApiVersion20 = 162450000;

    /// <summary>msdyn_sessiontemplate.msdyn_sessiontype: Generic (0), Entity (1).</summary>
    public const int SessionTypeGeneric = 0;

    /// <summary>msdyn_sessiontemplate.msdyn_panelstate: Collapsed 162450000, Hidden 162450001, Docked 162450002.</summary>
    public const int PanelStateDocked = 162450002;

    /// <summary>Every table of the data, in import order (notification fields before the template that links them).</summary>
    public static IReadOnlyList<CmtTable> Tables(string widgetUrl = WidgetUrlPlaceholder)
    {
        if (!Uri.TryCreate(widgetUrl, UriKind.Absolute, out var widget) || widget.Scheme != Uri.UriSchemeHttps)
            throw new ArgumentException($"The widget URL must be an absolute https address; '{widgetUrl}' is not.", nameof(widgetUrl));
        var trustedDomain = widget.GetLeftPart(UriPartial.Authority);
        return [Settings(), CiProviders(widget.AbsoluteUri, trustedDomain), ChannelProviders(widget.AbsoluteUri, trustedDomain), SessionTemplates(), NotificationFields(), NotificationTemplates()];
    }

    /// <summary>The configuration data zip (VoiceForD365Data.zip).</summary>
    public static byte[] Zip(string widgetUrl = WidgetUrlPlaceholder) => ConfigurationMigrationWriter.Zip(Tables(widgetUrl));

    public static CmtTable Settings() => new(
        VoiceSetting.EntityName, "Voice for D365 Setting", VoiceSetting.PrimaryId, VoiceSetting.Name,
        [
            new(VoiceSetting.PrimaryId, "Voice for D365 Setting", CmtFieldType.Guid, PrimaryKey: true),
            new(VoiceSetting.Name, "Name", CmtFieldType.String, UpdateCompare: true, CustomField: true),
            new(VoiceSetting.GroupName, "Group Name", CmtFieldType.String, CustomField: true),
            new(VoiceSetting.Value, "Value", CmtFieldType.String, CustomField: true),
            new(VoiceSetting.Description, "Description", CmtFieldType.String, CustomField: true),
        ],
        SettingCatalog.All.Select(s => new CmtRecord(s.Id,
        [
            new(VoiceSetting.PrimaryId, Format(s.Id)),
            new(VoiceSetting.Name, s.Name),
            new(VoiceSetting.GroupName, s.Group),
            // No value is no field: a setting without a default (DefaultCrmAssignee) is created empty.
            .. s.DefaultValue.Length == 0 ? Array.Empty<CmtValue>() : [new CmtValue(VoiceSetting.Value, s.DefaultValue)],
            new(VoiceSetting.Description, s.Description),
        ])).ToList());

    public static CmtTable CiProviders(string widgetUrl, string trustedDomain) => new(
        CiProvider.EntityName, "Channel Integration Framework v1.0 Provider", CiProvider.PrimaryId, CiProvider.Name,
        [
            new(CiProvider.PrimaryId, "Channel Integration Framework v1.0 Provider", CmtFieldType.Guid, PrimaryKey: true),
            new(CiProvider.Name, "Name", CmtFieldType.String, UpdateCompare: true),
            new(CiProvider.Label, "Label", CmtFieldType.String),
            new(CiProvider.LandingUrl, "Channel URL", CmtFieldType.String),
            new(CiProvider.TrustedDomain, "Trusted Domain", CmtFieldType.String),
            new(CiProvider.ClickToAct, "Enable Outbound Communication", CmtFieldType.Bool),
            new(CiProvider.SortOrder, "Channel Order", CmtFieldType.Number),
            new(CiProvider.ApiVersion, "API Version", CmtFieldType.OptionSetValue),
            new(CiProvider.EnableAnalytics, "Enable Analytics", CmtFieldType.Bool),
        ],
        [
            new(CiProviderId,
            [
                new(CiProvider.PrimaryId, Format(CiProviderId)),
                new(CiProvider.Name, ChannelProviderName),
                new(CiProvider.Label, ChannelProviderLabel),
                new(CiProvider.LandingUrl, widgetUrl),
                new(CiProvider.TrustedDomain, trustedDomain),
                new(CiProvider.ClickToAct, Format(true)),
                new(CiProvider.SortOrder, Format(1)),
                new(CiProvider.ApiVersion, Format(CiProviderApiVersion10)),
                new(CiProvider.EnableAnalytics, Format(false)),
            ]),
        ]);

    public static CmtTable ChannelProviders(string widgetUrl, string trustedDomain) => new(
        ChannelProvider.EntityName, "Channel Provider", ChannelProvider.PrimaryId, ChannelProvider.Name,
        [
            new(ChannelProvider.PrimaryId, "Channel Provider", CmtFieldType.Guid, PrimaryKey: true),
            new(ChannelProvider.Name, "Name", CmtFieldType.String),
            new(ChannelProvider.UniqueName, "Unique Name", CmtFieldType.String, UpdateCompare: true),
            new(ChannelProvider.Label, "Label", CmtFieldType.String),
            new(ChannelProvider.ChannelUrl, "Channel URL", CmtFieldType.String),
            new(ChannelProvider.TrustedDomain, "Trusted Domain", CmtFieldType.String),
            new(ChannelProvider.EnableOutbound, "Enable Outbound Communication", CmtFieldType.Bool),
            new(ChannelProvider.SortOrder, "Channel Order", CmtFieldType.Number),
            new(ChannelProvider.ApiVersion, "API Version", CmtFieldType.OptionSetValue),
            new(ChannelProvider.EnableAnalytics, "Enable Analytics", CmtFieldType.Bool),
        ],
        [
            new(ChannelProviderId,
            [
                new(ChannelProvider.PrimaryId, Format(ChannelProviderId)),
                new(ChannelProvider.Name, ChannelProviderName),
                new(ChannelProvider.UniqueName, "vfd_voicefordynamics365"),
                new(ChannelProvider.Label, ChannelProviderLabel),
                new(ChannelProvider.ChannelUrl, widgetUrl),
                new(ChannelProvider.TrustedDomain, trustedDomain),
                new(ChannelProvider.EnableOutbound, Format(true)),
                new(ChannelProvider.SortOrder, Format(1)),
                new(ChannelProvider.ApiVersion, Format(ChannelProviderApiVersion20)),
                new(ChannelProvider.EnableAnalytics, Format(false)),
            ]),
        ]);

    public static CmtTable SessionTemplates() => new(
        SessionTemplate, "Session Template", "msdyn_sessiontemplateid", "msdyn_name",
        [
            new("msdyn_sessiontemplateid", "Session Template", CmtFieldType.Guid, PrimaryKey: true),
            new("msdyn_name", "Name", CmtFieldType.String),
            new("msdyn_uniquename", "Unique Name", CmtFieldType.String, UpdateCompare: true),
            new("msdyn_title", "Title", CmtFieldType.String),
            new("msdyn_description", "Description", CmtFieldType.String),
            new("msdyn_sessiontype", "Type", CmtFieldType.OptionSetValue),
            new("msdyn_panelstate", "Communication panel mode", CmtFieldType.OptionSetValue),
        ],
        [
            new(SessionTemplateId,
            [
                new("msdyn_sessiontemplateid", Format(SessionTemplateId)),
                new("msdyn_name", "Voice for D365 call"),
                new("msdyn_uniquename", "vfd_voicecallsession"),
                new("msdyn_title", "{customerName}"),
                new("msdyn_description", "The session a Voice for D365 call opens in a multisession app (CIF 2.0), titled with the caller."),
                new("msdyn_sessiontype", Format(SessionTypeGeneric)),
                new("msdyn_panelstate", Format(PanelStateDocked)),
            ]),
        ]);

    public static CmtTable NotificationFields() => new(
        NotificationField, "Notification Field", "msdyn_notificationfieldid", "msdyn_name",
        [
            new("msdyn_notificationfieldid", "Notification Field", CmtFieldType.Guid, PrimaryKey: true),
            new("msdyn_name", "Name", CmtFieldType.String),
            new("msdyn_uniquename", "Unique Name", CmtFieldType.String, UpdateCompare: true),
            new("msdyn_title", "Field header", CmtFieldType.String),
            new("msdyn_value", "Value", CmtFieldType.String),
            new("msdyn_order", "Order", CmtFieldType.Number),
        ],
        IncomingCallFields.Select((f, i) => new CmtRecord(f.Id,
        [
            new("msdyn_notificationfieldid", Format(f.Id)),
            new("msdyn_name", "Voice for D365 incoming call: " + f.Title),
            new("msdyn_uniquename", f.UniqueName),
            new("msdyn_title", f.Title),
            new("msdyn_value", f.Value),
            new("msdyn_order", Format(i + 1)),
        ])).ToList());

    public static CmtTable NotificationTemplates() => new(
        NotificationTemplate, "Notification Template", "msdyn_notificationtemplateid", "msdyn_name",
        [
            new("msdyn_notificationtemplateid", "Notification Template", CmtFieldType.Guid, PrimaryKey: true),
            new("msdyn_name", "Name", CmtFieldType.String),
            new("msdyn_uniquename", "Unique Name", CmtFieldType.String, UpdateCompare: true),
            new("msdyn_title", "Title", CmtFieldType.String),
            new("msdyn_description", "Description", CmtFieldType.String),
            new("msdyn_showtimeout", "Show timeout", CmtFieldType.Bool),
            new("msdyn_timeout", "Timeout (seconds)", CmtFieldType.Number),
            new("msdyn_acceptbuttontext", "Accept button", CmtFieldType.String),
            new("msdyn_showrejectbutton", "Show reject button", CmtFieldType.Bool),
            new("msdyn_rejectbuttontext", "Reject button", CmtFieldType.String),
            new("msdyn_autoacceptnotification", "Auto-accept", CmtFieldType.Bool),
        ],
        [
            new(NotificationTemplateId,
            [
                new("msdyn_notificationtemplateid", Format(NotificationTemplateId)),
                new("msdyn_name", "Voice for D365 incoming call"),
                new("msdyn_uniquename", "vfd_incomingcall"),
                new("msdyn_title", "Incoming call"),
                new("msdyn_description", "Shown to the agent when a call rings in a multisession app (CIF 2.0): caller, number, queue."),
                new("msdyn_showtimeout", Format(true)),
                new("msdyn_timeout", Format(30)),
                new("msdyn_acceptbuttontext", "Accept"),
                new("msdyn_showrejectbutton", Format(true)),
                new("msdyn_rejectbuttontext", "Reject"),
                new("msdyn_autoacceptnotification", Format(false)),
            ])
            {
                Related = new Dictionary<string, IReadOnlyList<Guid>> { [NotificationTemplateFields] = IncomingCallFields.Select(f => f.Id).ToList() },
            },
        ])
    {
        ManyToMany = [new CmtManyToMany(NotificationTemplateFields, NotificationField, "msdyn_notificationfieldid")],
    };
}
