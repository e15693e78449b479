using VoiceForD365.Core.Schema;
using VoiceForD365.Core.Settings;

namespace VoiceForD365.Solution.Packing;

/// <summary>
/// The views of the solution: the settings views per group (Phone Call Sync, Callback Sync, General) that the
/// Configurator shows, the callback profile, callback list and routing rule views (active rules in the order they are evaluated), the Voice users view and the Voice phone calls view, plus the
/// quick find, advanced find, associated and lookup views every table of ours needs.
/// </summary>
public static class SolutionViews
{
    public const string GeneralSettings = "General Settings";
    public const string PhoneCallSyncSettings = "Phone Call Sync Settings";
    public const string CallbackSyncSettings = "Callback Sync Settings";
    public const string VoiceUsers = "Voice for D365 Users";
    public const string VoicePhoneCalls = "Voice for D365 Phone Calls";
    public const string RecentSyncRuns = "Recent Sync Runs";

    private static readonly ViewColumn[] SettingColumns =
        [new(VoiceSetting.Name, 250), new(VoiceSetting.GroupName, 150), new(VoiceSetting.Value, 250), new(VoiceSetting.Description, 400)];

    private static readonly ViewColumn[] ProfileColumns =
    [
        new(CallbackProfile.Name, 200), new(CallbackProfile.CallbackListName, 200), new(CallbackProfile.QueueId, 150),
        new(CallbackProfile.AgeTimeUnit, 120), new(CallbackProfile.CallbackAge, 100), new(CallbackProfile.OwnershipRule, 150),
    ];

    private static readonly ViewColumn[] RoutingRuleColumns =
    [
        new(RoutingRule.Order, 70), new(RoutingRule.Name, 200), new(RoutingRule.CallerKind, 130), new(RoutingRule.ConditionColumn, 180),
        new(RoutingRule.ConditionOperator, 120), new(RoutingRule.ConditionValue, 120), new(RoutingRule.OpenCasePriority, 110),
        new(RoutingRule.CalledNumbers, 150), new(RoutingRule.InitialTarget, 150), new(RoutingRule.FailTarget, 150),
    ];

    private static readonly ViewColumn[] SyncRunColumns =
    [
        new(SyncRun.Started, 150), new(SyncRun.Kind, 100), new(SyncRun.Status, 120), new(SyncRun.Created, 80), new(SyncRun.Merged, 80),
        new(SyncRun.AlreadyLogged, 90), new(SyncRun.Skipped, 80), new(SyncRun.Failed, 70), new(SyncRun.Message, 300), new(SyncRun.Worker, 150),
    ];

    private static readonly ViewColumn[] SyncStateColumns =
        [new(SyncState.Name, 150), new(SyncState.LeaseOwner, 200), new(SyncState.LeaseExpires, 150), new(SyncState.Checkpoint, 150), new(SyncState.NextRetro, 150)];

    private static readonly ViewCondition Active = new(StandardColumns.StateCode, "eq", "0");
    private static readonly ViewCondition Inactive = new(StandardColumns.StateCode, "eq", "1");

    public static IReadOnlyList<ViewDefinition> All { get; } =
    [
        .. Standard(VoiceSetting.EntityName, "Voice for D365 Settings", VoiceSetting.Name, SettingColumns,
            [VoiceSetting.Name, VoiceSetting.GroupName, VoiceSetting.Value], [(VoiceSetting.GroupName, false), (VoiceSetting.Name, false)]),
        SettingsGroup(GeneralSettings, SettingGroups.General),
        SettingsGroup(PhoneCallSyncSettings, SettingGroups.PhoneCallSync),
        SettingsGroup(CallbackSyncSettings, SettingGroups.CallbackSync),
        .. Standard(CallbackProfile.EntityName, "Callback Profiles", CallbackProfile.Name, ProfileColumns,
            [CallbackProfile.Name, CallbackProfile.CallbackListName, CallbackProfile.CallbackListId], [(CallbackProfile.Name, false)]),
        .. Virtual(CallbackList.EntityName, "Callback Lists", CallbackList.Name,
            [new(CallbackList.Name, 250), new(CallbackList.QueueName, 200), new(CallbackList.Description, 400)], [new(CallbackList.Name, 250), new(CallbackList.QueueName, 200)]),
        .. Standard(RoutingRule.EntityName, "Routing Rules", RoutingRule.Name, RoutingRuleColumns,
            [RoutingRule.Name, RoutingRule.InitialTarget, RoutingRule.CalledNumbers], [(RoutingRule.Order, false), (RoutingRule.Name, false)]),
        .. Standard(SyncRun.EntityName, "Sync Runs", SyncRun.Name, SyncRunColumns, [SyncRun.Name, SyncRun.Job, SyncRun.Worker], [(SyncRun.Started, true)]),
        new ViewDefinition(SyncRun.EntityName, RecentSyncRuns, QueryType.Public, SyncRunColumns)
        {
            Description = "Runs of the sync worker started in the last 7 days, newest first: how each ended and what it did with the calls.",
            Filter = [new(SyncRun.Started, "last-x-days", "7")],
            Order = [(SyncRun.Started, true)],
        },
        .. Standard(SyncState.EntityName, "Sync States", SyncState.Name, SyncStateColumns, [SyncState.Name, SyncState.LeaseOwner], [(SyncState.Name, false)]),
        new ViewDefinition(SystemUser.EntityName, VoiceUsers, QueryType.Public,
            [
                new(SystemUser.FullName, 200), new(SystemUser.InternalEmailAddress, 250), new(SystemUser.EnreachUserEmail, 250),
                new(SystemUser.EnreachUserId, 300), new(SystemUser.BusinessUnitId, 150),
            ])
        {
            Description = "Enabled users with their Enreach User Id and Enreach User Email override (the Configurator's User Settings).",
            Filter = [new(SystemUser.IsDisabled, "eq", "0")],
            Order = [(SystemUser.FullName, false)],
        },
        new ViewDefinition(PhoneCall.EntityName, VoicePhoneCalls, QueryType.Public,
            [
                new(PhoneCall.Subject, 250), new(PhoneCall.CallType, 100), new(PhoneCall.PhoneNumber, 150), new(PhoneCall.DirectionCode, 100),
                new(PhoneCall.QueueName, 150), new(PhoneCall.OwnerId, 150), new(PhoneCall.ActualStart, 150),
            ])
        {
            Description = "Phone calls logged by Voice for D365 (calls and callback requests).",
            Filter = [new(PhoneCall.CallType, "not-null")],
            Order = [(PhoneCall.ActualStart, true)],
        },
    ];

    public static IEnumerable<ViewDefinition> Of(string table) => All.Where(v => v.Table == table);

    private static ViewDefinition SettingsGroup(string name, string group) =>
        new(VoiceSetting.EntityName, name, QueryType.Public, SettingColumns)
        {
            Description = $"Active settings of the {group} group.",
            Filter = [Active, new(VoiceSetting.GroupName, "eq", group)],
            Order = [(VoiceSetting.Name, false)],
        };

    /// <summary>
    /// The views of a virtual table: no state to filter on and no created on, sorted by name (the data provider orders
    /// in memory). The lookup searches the quick find view's find column, by name.
    /// </summary>
    private static IEnumerable<ViewDefinition> Virtual(string table, string plural, string primaryName, ViewColumn[] columns, ViewColumn[] brief)
    {
        (string, bool)[] order = [(primaryName, false)];
        yield return new(table, plural, QueryType.Public, columns) { IsDefault = true, Order = order };
        yield return new(table, "Quick Find " + plural, QueryType.QuickFind, columns) { IsDefault = true, Order = order, FindColumns = [primaryName] };
        yield return new(table, plural + " Advanced Find View", QueryType.AdvancedFind, columns) { IsDefault = true, Order = order };
        yield return new(table, plural + " Lookup View", QueryType.Lookup, brief) { IsDefault = true, Order = order };
    }

    /// <summary>Active (default), inactive, quick find, advanced find, associated and lookup views of one of our tables.</summary>
    private static IEnumerable<ViewDefinition> Standard(string table, string plural, string primaryName, ViewColumn[] columns,
        string[] findColumns, (string, bool)[] order)
    {
        ViewColumn[] brief = [new(primaryName, 300), new(StandardColumns.CreatedOn, 125)];
        yield return new(table, "Active " + plural, QueryType.Public, columns) { IsDefault = true, Filter = [Active], Order = order };
        yield return new(table, "Inactive " + plural, QueryType.Public, columns) { Filter = [Inactive], Order = order };
        yield return new(table, "Quick Find Active " + plural, QueryType.QuickFind, columns)
            { IsDefault = true, Filter = [Active], Order = order, FindColumns = findColumns };
        yield return new(table, plural + " Advanced Find View", QueryType.AdvancedFind, columns) { IsDefault = true, Order = order };
        yield return new(table, plural + " Associated View", QueryType.Associated, brief) { IsDefault = true, Filter = [Active], Order = order };
        yield return new(table, plural + " Lookup View", QueryType.Lookup, brief) { IsDefault = true, Filter = [Active], Order = order };
    }
}
