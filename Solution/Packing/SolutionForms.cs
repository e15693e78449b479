using VoiceForD365.Core.Schema;
using VoiceForD365.Solution.Model;

namespace VoiceForD365.Solution.Packing;

/// <summary>
/// The forms of the solution (SPEC C1): main forms of our tables (the Callback List virtual table's read-only), the <i>Voice for D365 – Phone Call</i> main, quick
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
                Ours(SolutionSchema.CallbackProfileTable, CallbackProfile.CallbackList),
                Ours(SolutionSchema.CallbackProfileTable, CallbackProfile.CallbackListId) with { ReadOnly = true },
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

    // Read-only: the rows are Enreach's, and the data provider implements no Update.
    public static readonly FormDefinition CallbackListMain = new(CallbackList.EntityName, "main", "Information",
        "An Enreach callback list, as the Enreach API gives it.",
    [
        new("general", "General",
        [
            new("general", "Callback list",
            [
                Ours(SolutionSchema.CallbackListTable, CallbackList.Name) with { ReadOnly = true },
                Ours(SolutionSchema.CallbackListTable, CallbackList.Description) with { ReadOnly = true },
                Ours(SolutionSchema.CallbackListTable, CallbackList.QueueName) with { ReadOnly = true },
                Ours(SolutionSchema.CallbackListTable, CallbackList.EnreachQueueId) with { ReadOnly = true },
            ]),
        ]),
    ]) { IsFallback = true };

    // Written by the sync worker only: every field is read-only on the forms.
    public static readonly FormDefinition SyncRunMain = new(SyncRun.EntityName, "main", "Information",
        "A sync run: its window, how it ended, what it decided for each call event and the requests it made.",
    [
        new("run", "Run",
        [
            new("run", "Run",
            [
                ReadOnly(SolutionSchema.SyncRunTable, SyncRun.Name),
                ReadOnly(SolutionSchema.SyncRunTable, SyncRun.Job),
                ReadOnly(SolutionSchema.SyncRunTable, SyncRun.Kind),
                ReadOnly(SolutionSchema.SyncRunTable, SyncRun.Status),
                ReadOnly(SolutionSchema.SyncRunTable, SyncRun.Message),
                ReadOnly(SolutionSchema.SyncRunTable, SyncRun.Worker),
            ]),
            new("window", "Window and time",
            [
                ReadOnly(SolutionSchema.SyncRunTable, SyncRun.WindowFrom),
                ReadOnly(SolutionSchema.SyncRunTable, SyncRun.WindowTo),
                ReadOnly(SolutionSchema.SyncRunTable, SyncRun.Started),
                ReadOnly(SolutionSchema.SyncRunTable, SyncRun.Duration),
            ]),
            new("counts", "Calls",
            [
                ReadOnly(SolutionSchema.SyncRunTable, SyncRun.Created),
                ReadOnly(SolutionSchema.SyncRunTable, SyncRun.Merged),
                ReadOnly(SolutionSchema.SyncRunTable, SyncRun.AlreadyLogged),
                ReadOnly(SolutionSchema.SyncRunTable, SyncRun.Skipped),
                ReadOnly(SolutionSchema.SyncRunTable, SyncRun.SkippedNotWork),
                ReadOnly(SolutionSchema.SyncRunTable, SyncRun.SkippedTooShort),
                ReadOnly(SolutionSchema.SyncRunTable, SyncRun.SkippedNotAnswered),
                ReadOnly(SolutionSchema.SyncRunTable, SyncRun.SkippedTurnedOff),
                ReadOnly(SolutionSchema.SyncRunTable, SyncRun.SkippedMultipleMatches),
                ReadOnly(SolutionSchema.SyncRunTable, SyncRun.Failed),
            ]),
            new("requests", "Requests",
            [
                ReadOnly(SolutionSchema.SyncRunTable, SyncRun.EnreachRequests),
                ReadOnly(SolutionSchema.SyncRunTable, SyncRun.DataverseRequests),
            ]),
        ]),
        new("decisions", "Decisions",
        [
            new("decisions", "Decisions", [ReadOnly(SolutionSchema.SyncRunTable, SyncRun.Decisions)]) { ShowLabel = false },
        ]),
    ]) { IsFallback = true };

    public static readonly FormDefinition SyncStateMain = new(SyncState.EntityName, "main", "Information",
        "A sync job's lease and checkpoints, as the sync worker keeps them.",
    [
        new("general", "General",
        [
            new("lease", "Lease",
            [
                ReadOnly(SolutionSchema.SyncStateTable, SyncState.Name),
                ReadOnly(SolutionSchema.SyncStateTable, SyncState.LeaseOwner),
                ReadOnly(SolutionSchema.SyncStateTable, SyncState.LeaseExpires),
                ReadOnly(SolutionSchema.SyncStateTable, SyncState.LastRunId),
                ReadOnly(SolutionSchema.SyncStateTable, SyncState.LastRunStarted),
                ReadOnly(SolutionSchema.SyncStateTable, SyncState.RefreshRequested),
            ]),
            new("checkpoints", "Checkpoints",
            [
                ReadOnly(SolutionSchema.SyncStateTable, SyncState.Checkpoint),
                ReadOnly(SolutionSchema.SyncStateTable, SyncState.NextRetro),
                ReadOnly(SolutionSchema.SyncStateTable, SyncState.RetroFrom),
                ReadOnly(SolutionSchema.SyncStateTable, SyncState.RetroTo),
                ReadOnly(SolutionSchema.SyncStateTable, SyncState.RetroProgress),
            ]),
        ]),
    ]) { IsFallback = true };

    public static readonly FormDefinition RoutingRuleMain = new(RoutingRule.EntityName, "main", "Information",
        "A routing rule: which callers, calling which numbers, Enreach sends where. Rules are evaluated by order; the first that applies wins.",
    [
        new("general", "General",
        [
            new("general", "Rule",
            [
                Ours(SolutionSchema.RoutingRuleTable, RoutingRule.Name),
                Ours(SolutionSchema.RoutingRuleTable, RoutingRule.Order),
                Ours(SolutionSchema.RoutingRuleTable, RoutingRule.StatusCode),
                Ours(SolutionSchema.RoutingRuleTable, RoutingRule.Description),
            ]),
            new("callers", "Callers",
            [
                Ours(SolutionSchema.RoutingRuleTable, RoutingRule.CallerKind),
                Ours(SolutionSchema.RoutingRuleTable, RoutingRule.ConditionColumn),
                Ours(SolutionSchema.RoutingRuleTable, RoutingRule.ConditionOperator),
                Ours(SolutionSchema.RoutingRuleTable, RoutingRule.ConditionValue),
                Ours(SolutionSchema.RoutingRuleTable, RoutingRule.OpenCasePriority),
                Ours(SolutionSchema.RoutingRuleTable, RoutingRule.CalledNumbers),
            ]),
            new("targets", "Route to",
            [
                Ours(SolutionSchema.RoutingRuleTable, RoutingRule.InitialTarget),
                Ours(SolutionSchema.RoutingRuleTable, RoutingRule.FailTarget),
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
                Extension(SolutionSchema.PhoneCallExtension, PhoneCall.EnreachAgentId) with { ReadOnly = true },
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
        [VoiceSettingMain, CallbackProfileMain, CallbackListMain, RoutingRuleMain, SyncRunMain, SyncStateMain, PhoneCallMain, PhoneCallQuickView, PhoneCallQuickCreate, UserMain];

    public static IEnumerable<FormDefinition> Of(string table) => All.Where(f => f.Table == table);

    private static FormField Ours(TableDefinition table, string column) => FieldOf(table.FindColumn(column)
        ?? throw new InvalidOperationException($"{table.LogicalName} declares no column {column}."));

    private static FormField ReadOnly(TableDefinition table, string column) => Ours(table, column) with { ReadOnly = true };

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
