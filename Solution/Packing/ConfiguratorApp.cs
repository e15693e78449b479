using System.Xml.Linq;
using VoiceForD365.Core.Schema;

namespace VoiceForD365.Solution.Packing;

/// <summary>
/// The model-driven app <i>Voice for D365 Configurator</i> (SPEC C1): General Settings (the settings with a view per
/// group), User Settings (users with their Enreach columns and the Update Enreach User Ids button), Callback
/// Profiles, Callback Lists (Enreach's, through the virtual table) and Routing Rules, and the phone call sync's Sync Runs
/// (what each run did and why) and Sync State (lease and checkpoints). Given to the Voice Admin User role.
/// </summary>
public static class ConfiguratorApp
{
    public const string UniqueName = Publisher.Prefix + "_VoiceForD365Configurator";

    public const string DisplayName = "Voice for D365 Configurator";

    public const string Description = "Configure Voice for D365: general settings, users' Enreach settings, callback profiles and routing rules; see what the sync did.";

    /// <summary>Dataverse's default app icon (web resource msdyn_/Images/AppModule_Default_Icon.png, in every organization).</summary>
    public const string DefaultIconWebResourceId = "953b9fac-1e5e-e611-80d6-00155ded156f";

    public static Guid Id => StableGuid.For("appmodule", UniqueName);

    public static IReadOnlyList<SiteMapSubArea> SubAreas { get; } =
    [
        new(Publisher.Prefix + "_generalsettings", "General Settings", VoiceSetting.EntityName),
        new(Publisher.Prefix + "_usersettings", "User Settings", SystemUser.EntityName),
        new(Publisher.Prefix + "_callbackprofiles", "Callback Profiles", CallbackProfile.EntityName),
        new(Publisher.Prefix + "_callbacklists", "Callback Lists", CallbackList.EntityName),
        new(Publisher.Prefix + "_routingrules", "Routing Rules", RoutingRule.EntityName),
        new(Publisher.Prefix + "_syncruns", "Sync Runs", SyncRun.EntityName),
        new(Publisher.Prefix + "_syncstates", "Sync State", SyncState.EntityName),
    ];

    /// <summary>The roles the app is given to.</summary>
    public static IReadOnlyList<string> Roles { get; } = [Role.VoiceAdminUser];

    /// <summary>The site map, as SiteMap.xsd's root element <c>SiteMap</c>.</summary>
    public static XElement SiteMap() =>
        new("SiteMap", new XAttribute("IntroducedVersion", "7.0.0.0"),
            new XElement("Area",
                new XAttribute("Id", Publisher.Prefix + "_configurator"),
                new XAttribute("ShowGroups", "true"),
                new XAttribute("IntroducedVersion", "7.0.0.0"),
                new XElement("Titles", new XElement("Title", new XAttribute("LCID", Xml.Lcid), new XAttribute("Title", "Voice for D365"))),
                new XElement("Group",
                    new XAttribute("Id", Publisher.Prefix + "_configuration"),
                    new XAttribute("IsProfile", "false"),
                    new XAttribute("IntroducedVersion", "7.0.0.0"),
                    new XElement("Titles", new XElement("Title", new XAttribute("LCID", Xml.Lcid), new XAttribute("Title", "Configuration"))),
                    SubAreas.Select(s => new XElement("SubArea",
                        new XAttribute("Id", s.Id),
                        new XAttribute("Entity", s.Table),
                        new XAttribute("Icon", "/_imgs/imagestrips/transparent_spacer.gif"),
                        new XAttribute("Client", "All,Outlook,OutlookLaptopClient,OutlookWorkstationClient,Web"),
                        new XAttribute("AvailableOffline", "true"),
                        new XAttribute("PassParams", "false"),
                        new XAttribute("Sku", "All,OnPremise,Live,SPLA"),
                        new XElement("Titles", new XElement("Title", new XAttribute("LCID", Xml.Lcid), new XAttribute("Title", s.Title))))))));

    internal static XElement AppModuleSiteMap() =>
        new("AppModuleSiteMap",
            new XElement("SiteMapUniqueName", UniqueName),
            SiteMap(),
            Xml.Labels("LocalizedNames", "LocalizedName", DisplayName));

    /// <summary>
    /// The app: its tables, the site map, and on Microsoft's user table only our user form and Voice users view (our
    /// own tables bring all their forms and views).
    /// </summary>
    internal static XElement AppModule(string version, Func<string, Guid> roleId) =>
        new("AppModule",
            new XElement("UniqueName", UniqueName),
            new XElement("IntroducedVersion", version),
            new XElement("WebResourceId", DefaultIconWebResourceId),
            new XElement("FormFactor", "1"),
            new XElement("ClientType", "4"),
            new XElement("AppModuleComponents",
                SubAreas.Select(s => Component(1, schemaName: s.Table)),
                SolutionForms.Of(SystemUser.EntityName).Select(f => Component(60, id: f.Id)),
                SolutionViews.Of(SystemUser.EntityName).Select(v => Component(26, id: v.Id)),
                Component(62, schemaName: UniqueName)),
            new XElement("AppModuleRoleMaps", Roles.Select(r => new XElement("Role", new XAttribute("id", Xml.Braced(roleId(r)))))),
            Xml.Labels("LocalizedNames", "LocalizedName", DisplayName),
            Xml.Labels("Descriptions", "Description", Description));

    private static XElement Component(int type, string? schemaName = null, Guid? id = null)
    {
        var element = new XElement("AppModuleComponent", new XAttribute("type", type));
        if (schemaName is not null) element.Add(new XAttribute("schemaName", schemaName));
        if (id is { } value) element.Add(new XAttribute("id", Xml.Braced(value)));
        return element;
    }
}
