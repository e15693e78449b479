using VoiceForD365.Core.Enreach;
using VoiceForD365.Core.Numbers;
using VoiceForD365.Core.Schema;
using VoiceForD365.Solution.Model;
using static VoiceForD365.Solution.Model.Columns;

namespace VoiceForD365.Solution;

/// <summary>Tables, columns, keys and choices of the Voice for D365 solution (SPEC C1).</summary>
public static class SolutionSchema
{
    public static readonly TableDefinition VoiceSettingTable = new(VoiceSetting.EntityName, "Voice for D365 Setting", VoiceSetting.PrimaryId, VoiceSetting.Name)
    {
        DisplayCollectionName = "Voice for D365 Settings",
        Description = "A named setting of Voice for D365, grouped by the feature it configures.",
        Ownership = TableOwnership.OrganizationOwned,
        Columns =
        [
            PrimaryKey(VoiceSetting.PrimaryId, "Voice for D365 Setting"),
            Text(VoiceSetting.Name, VoiceSetting.NameLabel, 100, RequiredLevel.ApplicationRequired),
            Text(VoiceSetting.GroupName, "Group Name", 100),
            Text(VoiceSetting.Value, VoiceSetting.ValueLabel, 4000),
            Memo(VoiceSetting.LongValue, VoiceSetting.LongValueLabel, 1048576),
            Memo(VoiceSetting.Description, "Description", 2000),
            .. ActiveInactiveState(),
            .. Columns.System(userOwned: false),
        ],
        Keys = [new AlternateKeyDefinition(VoiceSetting.NameKey, "Setting Name", [VoiceSetting.Name])],
    };

    public static readonly TableDefinition CallbackProfileTable = new(CallbackProfile.EntityName, "Callback Profile", CallbackProfile.PrimaryId, CallbackProfile.Name)
    {
        DisplayCollectionName = "Callback Profiles",
        Description = "Which Enreach callback list is synced into which queue, how far back, and who owns the phone calls.",
        Ownership = TableOwnership.OrganizationOwned,
        Columns =
        [
            PrimaryKey(CallbackProfile.PrimaryId, "Callback Profile"),
            Text(CallbackProfile.Name, "Name", 100, RequiredLevel.ApplicationRequired),
            Lookup(CallbackProfile.CallbackList, "Callback List", CallbackList.EntityName) with
            {
                RequiredLevel = RequiredLevel.ApplicationRequired,
                Description = "The Enreach callback list the profile syncs, picked by name from Enreach's lists.",
            },
            Text(CallbackProfile.CallbackListId, "Callback List Id", 100) with { Description = "The list's Enreach id, kept in step with Callback List." },
            Text(CallbackProfile.CallbackListName, "Callback List Name", 200) with { Description = "The list's name, kept in step with Callback List." },
            Lookup(CallbackProfile.QueueId, "Queue", Queue.EntityName) with { RequiredLevel = RequiredLevel.ApplicationRequired },
            Choice(CallbackProfile.AgeTimeUnit, "Age Time Unit", new(AgeTimeUnit.Days, "Days"), new(AgeTimeUnit.Hours, "Hours"), new(AgeTimeUnit.Minutes, "Minutes")) with { RequiredLevel = RequiredLevel.ApplicationRequired },
            WholeNumber(CallbackProfile.CallbackAge, "Callback Age", 1, int.MaxValue) with { RequiredLevel = RequiredLevel.ApplicationRequired },
            Choice(CallbackProfile.OwnershipRule, "Ownership Rule", new(OwnershipRule.ApiUser, "API User"), new(OwnershipRule.OwnerOfQueue, "Owner of Queue")) with { RequiredLevel = RequiredLevel.ApplicationRequired },
            Text(CallbackProfile.PhoneCallSubject, "Phone Call Subject", 200),
            .. ActiveInactiveState(),
            .. Columns.System(userOwned: false),
        ],
    };

    // The data source table of the Enreach data provider: Dataverse keeps its one record (the data source the Callback
    // List table names); the provider reads the connection from the Enreach environment variables, never from here.
    public static readonly TableDefinition EnreachDataSourceTable = new(EnreachDataSource.EntityName, "Enreach Data Source", EnreachDataSource.PrimaryId, EnreachDataSource.Name)
    {
        DisplayCollectionName = "Enreach Data Sources",
        Description = "The data source of the Voice for D365 Enreach data provider. The connection is in the Enreach environment variables.",
        Ownership = TableOwnership.OrganizationOwned,
        Columns =
        [
            PrimaryKey(EnreachDataSource.PrimaryId, "Enreach Data Source"),
            Text(EnreachDataSource.Name, "Name", 100, RequiredLevel.ApplicationRequired),
        ],
    };

    // A virtual table: its rows are Enreach's callback lists, answered by the data provider's plug-ins (the main-operation
    // [PluginStep]s on the table); each column's external name is the Enreach field (Core/Enreach/EnreachAssumptions).
    public static readonly TableDefinition CallbackListTable = new(CallbackList.EntityName, "Callback List", CallbackList.PrimaryId, CallbackList.Name)
    {
        DisplayCollectionName = "Callback Lists",
        Description = "Enreach's callback lists, read from the Enreach API when they are shown: a virtual table, nothing is stored in Dynamics 365.",
        Ownership = TableOwnership.OrganizationOwned,
        Virtual = new(CallbackList.DataProviderName, EnreachDataSourceTable, EnreachDataSource.RecordName, "CallbackList", EnreachAssumptions.CallbackListsPath),
        Columns =
        [
            PrimaryKey(CallbackList.PrimaryId, "Callback List") with { ExternalName = EnreachAssumptions.CallbackListId },
            Text(CallbackList.Name, "Name", 200, RequiredLevel.ApplicationRequired) with { ExternalName = EnreachAssumptions.CallbackListName },
            Memo(CallbackList.Description, "Description", 2000) with { ExternalName = EnreachAssumptions.CallbackListDescription },
            Text(CallbackList.EnreachQueueId, "Enreach Queue Id", 100) with { ExternalName = EnreachAssumptions.CallbackListQueueId },
            Text(CallbackList.QueueName, "Enreach Queue", 200) with { ExternalName = EnreachAssumptions.CallbackListQueueName },
        ],
    };

    public static readonly TableDefinition RoutingRuleTable = new(RoutingRule.EntityName, "Routing Rule", RoutingRule.PrimaryId, RoutingRule.Name)
    {
        DisplayCollectionName = "Routing Rules",
        Description = "Smart routing: which callers, calling which numbers, Enreach sends where. Active rules are evaluated by order, lowest first; the first that applies wins.",
        Ownership = TableOwnership.OrganizationOwned,
        Columns =
        [
            PrimaryKey(RoutingRule.PrimaryId, "Routing Rule"),
            Text(RoutingRule.Name, "Name", 100, RequiredLevel.ApplicationRequired),
            WholeNumber(RoutingRule.Order, "Order", 0, 1000000) with
                { RequiredLevel = RequiredLevel.ApplicationRequired, Description = "Rules are evaluated by order, lowest first (ties by name); the first rule that applies routes the call." },
            Choice(RoutingRule.CallerKind, "Caller",
                new(RoutingCallerKind.Contact, "Contact"), new(RoutingCallerKind.Account, "Account"), new(RoutingCallerKind.Lead, "Lead"),
                new(RoutingCallerKind.AnyKnown, "Any known caller"), new(RoutingCallerKind.Unknown, "Unknown caller"), new(RoutingCallerKind.AnyCaller, "Any caller")) with
                { RequiredLevel = RequiredLevel.ApplicationRequired, Description = "Whom the rule is for: a caller found as a contact, an account or a lead, any of them, a number no record has, or every caller." },
            Text(RoutingRule.ConditionColumn, "Condition Column", 100) with
                { Description = "Optional: a column of the caller (accountcategorycode) or of its parent account (parentaccount.accountcategorycode), by logical name." },
            Choice(RoutingRule.ConditionOperator, "Condition Operator",
                new(RoutingConditionOperator.EqualTo, "Equals"), new(RoutingConditionOperator.NotEqualTo, "Does not equal"), new(RoutingConditionOperator.Contains, "Contains"),
                new(RoutingConditionOperator.HasValue, "Contains data"), new(RoutingConditionOperator.HasNoValue, "Does not contain data")) with
                { Description = "How the condition column is compared with the condition value." },
            Text(RoutingRule.ConditionValue, "Condition Value", 400) with
                { Description = "The value to compare with: text, a number, true/false, a choice's value (1) or a record's id." },
            Choice(RoutingRule.OpenCasePriority, "Open Case Priority",
                new(RoutingOpenCasePriority.Any, "Any priority"), new(RoutingOpenCasePriority.High, "High"), new(RoutingOpenCasePriority.Normal, "Normal"), new(RoutingOpenCasePriority.Low, "Low")) with
                { Description = "Optional: the rule applies only to callers with an active case of this priority." },
            Text(RoutingRule.CalledNumbers, "Called Numbers", 1000) with
                { Description = "The numbers called (Enreach's bnum: the service pool) the rule is for, in international form, comma separated. Empty: every number." },
            Text(RoutingRule.InitialTarget, "Initial Target", 200, RequiredLevel.ApplicationRequired) with
                { Description = "Where Enreach sends the call: a queue's or an agent's number, or DISCONNECT: to end the call." },
            Text(RoutingRule.FailTarget, "Fail Target", 200) with
                { Description = "Optional: where the call goes when it would overflow from the initial target." },
            Memo(RoutingRule.Description, "Description", 2000),
            .. ActiveInactiveState(),
            .. Columns.System(userOwned: false),
        ],
    };

    public static readonly TableExtension SystemUserExtension = new(SystemUser.EntityName,
    [
        // Text, not uniqueidentifier: Dataverse has no custom GUID columns. Core reads and writes it through EnreachUserIdColumn.
        Text(SystemUser.EnreachUserId, "Enreach User Id", 100) with { Description = "The user's id in Enreach Voice, kept current from their email." },
        Text(SystemUser.EnreachUserEmail, "Enreach User Email", 100) with { Description = "Overrides the primary email when matching the user in Enreach." },
    ], []);

    public static readonly TableExtension PhoneCallExtension = new(PhoneCall.EntityName,
    [
        Text(PhoneCall.EnreachCallId, "Enreach Call Id", 100) with { Description = "The Enreach CallId of the whole call (shared by its agents' events)." },
        Text(PhoneCall.EnreachAgentId, "Enreach Agent Id", 100) with
        {
            Description = "The Enreach user id of the agent whose call event this is, or the queue id of a queue call no agent took: with the Enreach Call Id it names one call event.",
        },
        Memo(PhoneCall.EnreachApiAudit, "Enreach API Audit", 1048576),
        Choice(PhoneCall.CallType, "Call Type", new(CallType.Direct, "Direct"), new(CallType.Service, "Service"), new(CallType.Callback, "Callback")),
        Text(PhoneCall.QueueName, "Queue Name", 200),
        Lookup(PhoneCall.CallbackProfileId, "Callback Profile", CallbackProfile.EntityName),
        Text(PhoneCall.CallbackRequestId, "Callback Request Id", 100),
        Text(PhoneCall.RecordingUrl, "Recording", 2000),
    ],
    // GUID text in both columns: Dataverse key values may not contain characters such as '+', so the key is on Enreach ids, not numbers.
    [
        new AlternateKeyDefinition(PhoneCall.EnreachCallEventKey, "Enreach Call Event", [PhoneCall.EnreachCallId, PhoneCall.EnreachAgentId]),
        // The callback sync writes the request id with every phone call it creates: the unique index makes the create create-only.
        new AlternateKeyDefinition(PhoneCall.CallbackRequestKey, "Enreach Callback Request", [PhoneCall.CallbackRequestId]),
    ]);

    public static readonly TableDefinition SyncStateTable = new(SyncState.EntityName, "Sync State", SyncState.PrimaryId, SyncState.Name)
    {
        DisplayCollectionName = "Sync States",
        Description = "The lease and checkpoints of a Voice for D365 sync job (one row per job), written by the sync worker with optimistic concurrency.",
        Ownership = TableOwnership.OrganizationOwned,
        Columns =
        [
            PrimaryKey(SyncState.PrimaryId, "Sync State"),
            Text(SyncState.Name, "Job", 100, RequiredLevel.ApplicationRequired),
            Text(SyncState.LeaseOwner, "Lease Owner", 200) with { Description = "The worker that holds the lease; empty: nobody." },
            Date(SyncState.LeaseExpires, "Lease Expires"),
            Date(SyncState.Checkpoint, "Checkpoint") with { Description = "The end of the last window whose every call event was written or decided." },
            Date(SyncState.NextRetro, "Next Retro Run") with { Description = "When the nightly re-read of the past 24 hours runs (picked once per night between 22:00 and 23:30 UTC)." },
            Date(SyncState.RetroFrom, "Retro From"),
            Date(SyncState.RetroTo, "Retro To"),
            Date(SyncState.RetroProgress, "Retro Progress") with { Description = "How far (by call start) the retro run under way has written." },
            Text(SyncState.LastRunId, "Last Run Id", 100),
            Date(SyncState.LastRunStarted, "Last Run Started"),
            Date(SyncState.RefreshRequested, "Refresh Requested") with { Description = "When vfd sync --refresh asked the workers to read the callback profiles and settings again." },
            .. ActiveInactiveState(),
            .. Columns.System(userOwned: false),
        ],
        Keys = [new AlternateKeyDefinition(SyncState.NameKey, "Job", [SyncState.Name])],
    };

    public static readonly TableDefinition SyncRunTable = new(SyncRun.EntityName, "Sync Run", SyncRun.PrimaryId, SyncRun.Name)
    {
        DisplayCollectionName = "Sync Runs",
        Description = "The summary of one run of a Voice for D365 sync: its window, what it decided for each call event, the requests it made and how it ended.",
        Ownership = TableOwnership.OrganizationOwned,
        Columns =
        [
            PrimaryKey(SyncRun.PrimaryId, "Sync Run"),
            Text(SyncRun.Name, "Name", 200, RequiredLevel.ApplicationRequired),
            Text(SyncRun.Job, "Job", 100),
            Text(SyncRun.Worker, "Worker", 200),
            Choice(SyncRun.Kind, "Kind", new(SyncRunKind.Continuous, "Continuous"), new(SyncRunKind.Retro, "Retro"), new(SyncRunKind.Debug, "Debug (45 days)"), new(SyncRunKind.Callback, "Callback")),
            Choice(SyncRun.Status, "Result",
                new(SyncRunStatus.Succeeded, "Succeeded"), new(SyncRunStatus.CallsFailed, "Some calls failed"), new(SyncRunStatus.Failed, "Failed"),
                new(SyncRunStatus.Stopped, "Stopped"), new(SyncRunStatus.NotConfigured, "Not configured")),
            Memo(SyncRun.Message, "Message", SyncRun.MessageMaxLength),
            Date(SyncRun.WindowFrom, "Window From"),
            Date(SyncRun.WindowTo, "Window To"),
            Date(SyncRun.Started, "Started"),
            WholeNumber(SyncRun.Duration, "Duration (ms)", 0),
            WholeNumber(SyncRun.Created, "Created", 0),
            WholeNumber(SyncRun.Merged, "Merged with the widget's call", 0),
            WholeNumber(SyncRun.AlreadyLogged, "Already logged", 0),
            WholeNumber(SyncRun.Skipped, "Skipped", 0),
            WholeNumber(SyncRun.SkippedNotWork, "Skipped: not Work", 0),
            WholeNumber(SyncRun.SkippedTooShort, "Skipped: too short", 0),
            WholeNumber(SyncRun.SkippedNotAnswered, "Skipped: not answered", 0),
            WholeNumber(SyncRun.SkippedTurnedOff, "Skipped: turned off", 0),
            WholeNumber(SyncRun.SkippedMultipleMatches, "Skipped: several matches", 0),
            WholeNumber(SyncRun.Closed, "Callback requests closed", 0),
            WholeNumber(SyncRun.CloseFailed, "Callback closes failed", 0),
            WholeNumber(SyncRun.Failed, "Failed", 0),
            WholeNumber(SyncRun.EnreachRequests, "Enreach requests", 0),
            WholeNumber(SyncRun.DataverseRequests, "Dataverse requests", 0),
            Memo(SyncRun.Decisions, "Decisions", SyncRun.DecisionsMaxLength),
            .. ActiveInactiveState(),
            .. Columns.System(userOwned: false),
        ],
    };

    // The number keys of the customer tables' phone columns (Core/Numbers): text, on no form, searchable; written by
    // the key plug-in and the rebuild, read by the caller matcher.
    public static readonly TableExtension ContactExtension = NumberKeyColumns(CustomerTables.Contact, new(StringComparer.Ordinal)
    {
        [Contact.Telephone1] = "Business Phone", [Contact.Telephone2] = "Home Phone", [Contact.Telephone3] = "Telephone 3",
        [Contact.MobilePhone] = "Mobile Phone", [Contact.Business2] = "Business Phone 2", [Contact.Home2] = "Home Phone 2",
    });

    public static readonly TableExtension AccountExtension = NumberKeyColumns(CustomerTables.Account, new(StringComparer.Ordinal)
    {
        [Account.Telephone1] = "Main Phone", [Account.Telephone2] = "Other Phone", [Account.Telephone3] = "Telephone 3",
    });

    public static readonly TableExtension LeadExtension = NumberKeyColumns(CustomerTables.Lead, new(StringComparer.Ordinal)
    {
        [Lead.Telephone1] = "Business Phone", [Lead.Telephone2] = "Home Phone", [Lead.Telephone3] = "Other Phone", [Lead.MobilePhone] = "Mobile Phone",
    });

    /// <summary>One key column per phone column of the catalogue, labelled after the phone column's display name in Dataverse.</summary>
    private static TableExtension NumberKeyColumns(CustomerTable table, Dictionary<string, string> phoneLabels) =>
        new(table.LogicalName, table.PhoneColumns.Select(c =>
        {
            if (!phoneLabels.TryGetValue(c.Column, out var label))
                throw new InvalidOperationException($"The number key of {table.LogicalName}.{c.Column} has no label: add the phone column's display name to SolutionSchema.");
            return Text(c.KeyColumn, label + " Key", PhoneNumber.KeyLength) with
            {
                Description = $"Last {PhoneNumber.KeyLength} digits of {label}, kept by Voice for D365 to find callers by their number. Set automatically; not for editing.",
            };
        }).ToList(), []);

    public static IReadOnlyList<EnvironmentVariableDefinitionModel> EnvironmentVariables { get; } =
    [
        new(EnreachEnvironmentVariables.ApiUserName, "Enreach API User Name", EnvironmentVariableType.String,
            "Email of the Enreach API user that Voice for D365 signs in with.") { IsRequired = true },
        new(EnreachEnvironmentVariables.ApiSecret, "Enreach API Secret", EnvironmentVariableType.Secret,
            "Secret key of the Enreach API user (kept in Azure Key Vault).") { IsRequired = true },
        new(EnreachEnvironmentVariables.ApiEndpoint, "Enreach API Endpoint", EnvironmentVariableType.String,
            "Optional base URL of the Enreach API. Empty: discovered from the API user's email."),
        new(EnreachEnvironmentVariables.TimeBudgetSeconds, "Enreach API Time Budget (seconds)", EnvironmentVariableType.Number,
            $"Longest time one Enreach operation may take, retries included (default 60; at most {EnreachSettings.MaxTotalBudgetSeconds}, below the 2-minute plug-in limit)."),
    ];

    /// <summary>The three roles with their least privileges (see <see cref="Solution.SecurityRoles"/>).</summary>
    public static IReadOnlyList<SecurityRoleDefinition> SecurityRoles => Solution.SecurityRoles.All;

    public static IReadOnlyList<TableDefinition> Tables { get; } = [VoiceSettingTable, CallbackProfileTable, CallbackListTable, RoutingRuleTable, SyncStateTable, SyncRunTable];

    public static IReadOnlyList<TableExtension> Extensions { get; } = [SystemUserExtension, PhoneCallExtension, ContactExtension, AccountExtension, LeadExtension];
}
