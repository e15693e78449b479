using VoiceForD365.Core.Schema;
using VoiceForD365.Solution.Model;
using static VoiceForD365.Solution.Model.Columns;

namespace VoiceForD365.LocalOrg.Metadata;

/// <summary>
/// The platform's own tables that describe the organization and what is installed in it: the organization, its
/// solutions, and the registered plug-in types, steps and processes. The local organization fills them from what it
/// imported and registered (<see cref="LocalOrganization"/>); they are read-only but for the state of a step or a
/// process, which an administrator changes to disable a step or deactivate a process (<see cref="StateChangeOnly"/>).
/// </summary>
public static class PlatformTables
{
    public static readonly IReadOnlyList<TableDefinition> All =
    [
        new(Organization.EntityName, "Organization", Organization.PrimaryId, Organization.Name)
        {
            Ownership = TableOwnership.OrganizationOwned,
            Columns = [PrimaryKey(Organization.PrimaryId, "Organization"), Text(Organization.Name, "Name", 160), .. Columns.System(userOwned: false)],
        },
        new(SolutionRecord.EntityName, "Solution", SolutionRecord.PrimaryId, SolutionRecord.FriendlyName)
        {
            Ownership = TableOwnership.OrganizationOwned,
            Columns =
            [
                PrimaryKey(SolutionRecord.PrimaryId, "Solution"),
                Text(SolutionRecord.UniqueName, "Name", 65),
                Text(SolutionRecord.FriendlyName, "Display Name", 256),
                Memo(SolutionRecord.Description, "Description", 2000),
                Text(SolutionRecord.Version, "Version", 256),
                YesNo(SolutionRecord.IsManaged, "Package Type"),
                Date(SolutionRecord.InstalledOn, "Installed On"),
                .. Columns.System(userOwned: false),
            ],
        },
        new(PluginType.EntityName, "Plug-in Type", PluginType.PrimaryId, PluginType.Name)
        {
            Ownership = TableOwnership.OrganizationOwned,
            Columns =
            [
                PrimaryKey(PluginType.PrimaryId, "Plug-in Type"),
                Text(PluginType.TypeName, "Type Name", 256),
                Text(PluginType.Name, "Display Name", 256),
                Text(PluginType.FriendlyName, "Display Name", 256),
                Text(PluginType.AssemblyName, "Assembly Name", 100),
                YesNo(PluginType.IsWorkflowActivity, "Workflow Activity"),
                Text(PluginType.WorkflowActivityGroupName, "Workflow Activity Group Name", 256),
                .. Columns.System(userOwned: false),
            ],
        },
        new(SdkMessageProcessingStep.EntityName, "Sdk Message Processing Step", SdkMessageProcessingStep.PrimaryId, SdkMessageProcessingStep.Name)
        {
            Ownership = TableOwnership.OrganizationOwned,
            Columns =
            [
                PrimaryKey(SdkMessageProcessingStep.PrimaryId, "Sdk Message Processing Step"),
                Text(SdkMessageProcessingStep.Name, "Name", 256),
                Memo(SdkMessageProcessingStep.Description, "Description", 256),
                Lookup(SdkMessageProcessingStep.PluginTypeId, "Plug-in Type", PluginType.EntityName),
                Choice(SdkMessageProcessingStep.Stage, "Execution Stage", new(10, "Pre-validation"), new(20, "Pre-operation"), new(30, "Main Operation"), new(40, "Post-operation")),
                Choice(SdkMessageProcessingStep.Mode, "Execution Mode", new(0, "Synchronous"), new(1, "Asynchronous")),
                WholeNumber(SdkMessageProcessingStep.Rank, "Execution Order", 0, int.MaxValue),
                Text(SdkMessageProcessingStep.FilteringAttributes, "Filtering Attributes", 100000),
                YesNo(SdkMessageProcessingStep.AsyncAutoDelete, "Asynchronous Automatic Delete"),
                new ColumnDefinition(SdkMessageProcessingStep.StateCode, ColumnType.State, "Status")
                {
                    Options = [new(SdkMessageProcessingStep.StateEnabled, "Enabled"), new(SdkMessageProcessingStep.StateDisabled, "Disabled")],
                },
                new ColumnDefinition(SdkMessageProcessingStep.StatusCode, ColumnType.Status, "Status Reason")
                {
                    Options = [new(SdkMessageProcessingStep.StatusEnabled, "Enabled"), new(SdkMessageProcessingStep.StatusDisabled, "Disabled")],
                },
                .. Columns.System(userOwned: false),
            ],
        },
        new(Workflow.EntityName, "Process", Workflow.PrimaryId, Workflow.Name)
        {
            Columns =
            [
                PrimaryKey(Workflow.PrimaryId, "Process"),
                Text(Workflow.Name, "Process Name", 100),
                Text(Workflow.UniqueName, "Unique Name", 256),
                Memo(Workflow.Description, "Description", 100000),
                EntityName(Workflow.PrimaryEntity, "Primary Entity"),
                Choice(Workflow.Type, "Type", new(Workflow.TypeDefinition, "Definition"), new(Workflow.TypeActivation, "Activation"), new(Workflow.TypeTemplate, "Template")),
                Choice(Workflow.Category, "Category", new(0, "Workflow"), new(1, "Dialog"), new(2, "Business Rule"), new(3, "Action"), new(4, "Business Process Flow"), new(5, "Modern Flow")),
                Choice(Workflow.Mode, "Execute As", new(0, "Background"), new(1, "Real-time")),
                new ColumnDefinition(Workflow.StateCode, ColumnType.State, "Status")
                {
                    Options = [new(Workflow.StateDraft, "Draft"), new(Workflow.StateActivated, "Activated"), new(Workflow.StateSuspended, "Suspended")],
                },
                new ColumnDefinition(Workflow.StatusCode, ColumnType.Status, "Status Reason")
                {
                    Options = [new(Workflow.StatusDraft, "Draft"), new(Workflow.StatusActivated, "Activated"), new(3, "Company DLP Violation")],
                },
                .. Columns.System(userOwned: true),
            ],
        },
    ];

    /// <summary>The tables whose rows only the organization writes: creates and deletes are refused, and updates but of <see cref="StateChangeOnly"/>.</summary>
    public static readonly IReadOnlySet<string> ReadOnly = All.Select(t => t.LogicalName).ToHashSet(StringComparer.Ordinal);

    /// <summary>The read-only tables whose state (statecode, statuscode) an administrator may change: a step is disabled, a process deactivated.</summary>
    public static readonly IReadOnlySet<string> StateChangeOnly = new HashSet<string>(StringComparer.Ordinal) { SdkMessageProcessingStep.EntityName, Workflow.EntityName };
}
