using Microsoft.Xrm.Sdk;
using VoiceForD365.Core.Registration;
using VoiceForD365.Core.Schema;
using VoiceForD365.LocalOrg.Pipeline;
using VoiceForD365.LocalOrg.Workflows;
using VoiceForD365.Solution.Packing;
using StepRegistration = VoiceForD365.LocalOrg.Pipeline.StepRegistration;

namespace VoiceForD365.LocalOrg.Store;

/// <summary>
/// The rows of the platform tables (<see cref="Metadata.PlatformTables"/>) for what the local organization is and has
/// imported and registered, with the columns and ids Dataverse gives them after importing our solution.
/// </summary>
internal static class ComponentRows
{
    public static Entity Organization(Guid id, string name) => new(Core.Schema.Organization.EntityName, id)
    {
        [Core.Schema.Organization.PrimaryId] = id,
        [Core.Schema.Organization.Name] = name,
    };

    /// <summary>Our solution, installed managed as the package installs it, in this build's version.</summary>
    public static Entity VoiceForD365Solution(DateTime installedOn)
    {
        var id = StableGuid.For(SolutionRecord.EntityName, SolutionIdentity.UniqueName);
        return new Entity(SolutionRecord.EntityName, id)
        {
            [SolutionRecord.PrimaryId] = id,
            [SolutionRecord.UniqueName] = SolutionIdentity.UniqueName,
            [SolutionRecord.FriendlyName] = SolutionIdentity.DisplayName,
            [SolutionRecord.Description] = SolutionIdentity.Description,
            [SolutionRecord.Version] = SolutionIdentity.Version,
            [SolutionRecord.IsManaged] = true,
            [SolutionRecord.InstalledOn] = installedOn,
        };
    }

    public static Entity PluginType(Type type, WorkflowActivityDeclaration? activity)
    {
        var id = ComponentIds.PluginType(type.FullName!);
        return new Entity(Core.Schema.PluginType.EntityName, id)
        {
            [Core.Schema.PluginType.PrimaryId] = id,
            [Core.Schema.PluginType.TypeName] = type.FullName,
            [Core.Schema.PluginType.Name] = activity?.Name ?? type.FullName,
            [Core.Schema.PluginType.FriendlyName] = activity?.Name ?? type.FullName,
            [Core.Schema.PluginType.AssemblyName] = type.Assembly.GetName().Name,
            [Core.Schema.PluginType.IsWorkflowActivity] = activity != null,
            [Core.Schema.PluginType.WorkflowActivityGroupName] = activity?.Group,
        };
    }

    /// <summary>A registered step, enabled.</summary>
    public static Entity Step(StepRegistration step)
    {
        var declaration = step.Declaration;
        return new Entity(SdkMessageProcessingStep.EntityName, step.Id)
        {
            [SdkMessageProcessingStep.PrimaryId] = step.Id,
            [SdkMessageProcessingStep.Name] = step.Name,
            [SdkMessageProcessingStep.Description] = declaration.Description.Length > 0 ? declaration.Description : step.Name,
            [SdkMessageProcessingStep.PluginTypeId] = new EntityReference(Core.Schema.PluginType.EntityName, ComponentIds.PluginType(declaration.PluginTypeName)),
            [SdkMessageProcessingStep.Stage] = new OptionSetValue((int)declaration.Stage),
            [SdkMessageProcessingStep.Mode] = new OptionSetValue((int)declaration.Mode),
            [SdkMessageProcessingStep.Rank] = declaration.Order,
            [SdkMessageProcessingStep.FilteringAttributes] = string.Join(",", declaration.FilteringAttributes),
            [SdkMessageProcessingStep.AsyncAutoDelete] = declaration.Mode == ExecutionMode.Asynchronous,
            [SdkMessageProcessingStep.StateCode] = new OptionSetValue(SdkMessageProcessingStep.StateEnabled),
            [SdkMessageProcessingStep.StatusCode] = new OptionSetValue(SdkMessageProcessingStep.StatusEnabled),
        };
    }

    /// <summary>An imported process's definition, activated when the solution activates it on import, owned by who imported it.</summary>
    public static Entity Process(ProcessRegistration process)
    {
        var definition = process.Definition;
        var activated = definition.ActivateOnImport;
        return new Entity(Workflow.EntityName, definition.Id)
        {
            [Workflow.PrimaryId] = definition.Id,
            [Workflow.Name] = definition.Name,
            [Workflow.UniqueName] = definition.UniqueName,
            [Workflow.Description] = definition.Description,
            [Workflow.PrimaryEntity] = definition.PrimaryEntity,
            [Workflow.Type] = new OptionSetValue(Workflow.TypeDefinition),
            [Workflow.Category] = new OptionSetValue((int)definition.Category),
            [Workflow.Mode] = new OptionSetValue((int)definition.Mode),
            [Workflow.StateCode] = new OptionSetValue(activated ? Workflow.StateActivated : Workflow.StateDraft),
            [Workflow.StatusCode] = new OptionSetValue(activated ? Workflow.StatusActivated : Workflow.StatusDraft),
            [StandardColumns.OwnerId] = new EntityReference(SystemUser.EntityName, process.OwnerId),
        };
    }
}
