using Microsoft.Xrm.Sdk;
using VoiceForD365.Core.Schema;
using VoiceForD365.LocalOrg.Metadata;
using VoiceForD365.Solution.Model;

namespace VoiceForD365.LocalOrg.Workflows;

/// <summary>
/// A process imported (and activated) in the local organization: its declaration with each step's activity
/// resolved. Importing checks what Dataverse checks when it imports or activates a process: the table and columns
/// exist, each step's activity is registered, every bound argument is an input of that activity with a matching
/// type (and table, for a reference), and every required input is bound.
/// </summary>
public sealed class ProcessRegistration
{
    internal ProcessRegistration(ProcessDefinition definition, IReadOnlyList<(ProcessStep Step, WorkflowActivityRegistration Activity)> steps, Guid ownerId)
    {
        Definition = definition;
        Steps = steps;
        OwnerId = ownerId;
    }

    public ProcessDefinition Definition { get; }

    public IReadOnlyList<(ProcessStep Step, WorkflowActivityRegistration Activity)> Steps { get; }

    /// <summary>The user who owns the process (who imported the solution); a background process runs as its owner.</summary>
    public Guid OwnerId { get; }

    public string Name => Definition.Name;

    internal static ProcessRegistration Import(ProcessDefinition definition, OrganizationMetadata metadata, Func<string, WorkflowActivityRegistration?> activityByTypeName, Guid ownerId)
    {
        InvalidOperationException Refuse(string why) => new($"The process '{definition.Name}' ({definition.UniqueName}) can't be imported: {why}");

        if (definition.Mode != ProcessMode.Background) throw Refuse("the local organization runs background processes only.");
        if (definition.Category != ProcessCategory.Workflow) throw Refuse("only workflows (category 0) are supported.");
        if (definition.Trigger.OnDelete) throw Refuse("the local organization does not run processes on delete.");
        if (!definition.Trigger.OnCreate && !definition.Trigger.OnUpdate && !definition.OnDemand) throw Refuse("it has no trigger (create, update or on demand).");
        if (!metadata.HasTable(definition.PrimaryEntity)) throw Refuse($"its table '{definition.PrimaryEntity}' does not exist.");
        var table = metadata.Table(definition.PrimaryEntity);
        foreach (var column in definition.Trigger.OnUpdateColumns.Concat(definition.Conditions.Select(c => c.Column)))
            if (table.FindColumn(column) == null) throw Refuse($"the table '{table.LogicalName}' has no column '{column}'.");
        if (definition.Steps.Count == 0) throw Refuse("it has no step.");

        var steps = new List<(ProcessStep, WorkflowActivityRegistration)>();
        foreach (var step in definition.Steps)
        {
            var activity = activityByTypeName(step.ActivityType) ?? throw Refuse($"the activity {step.ActivityType} of step '{step.Name}' is not registered (register the assembly {step.ActivityAssembly}).");
            if (activity.ActivityType.Assembly.GetName().Name != step.ActivityAssembly)
                throw Refuse($"the activity {step.ActivityType} of step '{step.Name}' is in {activity.ActivityType.Assembly.GetName().Name}, not {step.ActivityAssembly}.");
            foreach (var binding in step.Inputs)
            {
                var input = activity.Input(binding.Argument) ?? throw Refuse($"step '{step.Name}' binds '{binding.Argument}', which is not an input of {step.ActivityType}.");
                var (type, targets) = binding.Source switch
                {
                    ProcessValueSource.PrimaryRecord => (typeof(EntityReference), new[] { table.LogicalName }),
                    ProcessValueSource.PrimaryColumn => ColumnType(binding.Column, table, Refuse),
                    _ => (binding.Constant?.GetType() ?? input.ValueType, binding.Constant is EntityReference r ? [r.LogicalName] : Array.Empty<string>()),
                };
                if (type != input.ValueType)
                    throw Refuse($"step '{step.Name}' binds a {type.Name} to the input '{binding.Argument}', a {input.ValueType.Name}.");
                if (input.ReferenceTarget != null && targets.Length > 0 && !targets.Contains(input.ReferenceTarget))
                    throw Refuse($"step '{step.Name}' binds a reference to {string.Join(" or ", targets)} to the input '{binding.Argument}', which takes a {input.ReferenceTarget}.");
            }
            foreach (var required in activity.Inputs.Where(i => i.IsRequired))
                if (step.Inputs.All(b => b.Argument != required.Name)) throw Refuse($"step '{step.Name}' leaves the required input '{required.Name}' of {step.ActivityType} unbound.");
            steps.Add((step, activity));
        }
        return new ProcessRegistration(definition, steps, ownerId);
    }

    private static (Type, string[]) ColumnType(string? column, TableDefinition table, Func<string, Exception> refuse)
    {
        var definition = table.FindColumn(column ?? "") ?? throw refuse($"the table '{table.LogicalName}' has no column '{column}'.");
        return (ColumnTypes.ClrTypeOf(definition.Type), definition.Targets.ToArray());
    }

    /// <summary>Whether this request starts the process: its table, and create, or an update of a watched column.</summary>
    internal bool IsTriggeredBy(string message, string table, OrganizationRequest request)
    {
        if (!string.Equals(table, Definition.PrimaryEntity, StringComparison.Ordinal)) return false;
        if (string.Equals(message, MessageNames.Create, StringComparison.OrdinalIgnoreCase)) return Definition.Trigger.OnCreate;
        if (!string.Equals(message, MessageNames.Update, StringComparison.OrdinalIgnoreCase) || !Definition.Trigger.OnUpdate) return false;
        return Definition.Trigger.OnUpdateColumns.Count == 0
            || (request.Parameters.TryGetValue(ParameterNames.Target, out var target) && target is Entity entity && Definition.Trigger.OnUpdateColumns.Any(entity.Contains));
    }

    /// <summary>Whether the record is in the process's scope: a user-scoped process runs on its owner's records only (the local organization has one business unit).</summary>
    internal bool InScope(Entity row) =>
        Definition.Scope != ProcessScope.User || row.GetAttributeValue<EntityReference>(StandardColumns.OwnerId)?.Id == OwnerId;

    /// <summary>The first condition the record fails, or null when all hold.</summary>
    internal ProcessCondition? FailedCondition(Entity row) => Definition.Conditions.FirstOrDefault(c => !Holds(c, row));

    private static bool Holds(ProcessCondition condition, Entity row)
    {
        row.Attributes.TryGetValue(condition.Column, out var value);
        var hasData = value is string text ? text.Length > 0 : value != null;
        return condition.Operator switch
        {
            ProcessConditionOperator.ContainsData => hasData,
            ProcessConditionOperator.DoesNotContainData => !hasData,
            ProcessConditionOperator.EqualTo => Comparable(value)?.Equals(Comparable(condition.Value)) ?? condition.Value == null,
            _ => false,
        };
    }

    private static object? Comparable(object? value) => value switch
    {
        OptionSetValue option => option.Value,
        EntityReference reference => reference.Id,
        Money money => money.Value,
        _ => value,
    };

    /// <summary>The value each bound input gets from the record.</summary>
    internal static Dictionary<string, object?> Inputs(ProcessStep step, Entity row) =>
        step.Inputs.ToDictionary(b => b.Argument, b => b.Source switch
        {
            ProcessValueSource.PrimaryRecord => new EntityReference(row.LogicalName, row.Id),
            ProcessValueSource.PrimaryColumn => row.Attributes.TryGetValue(b.Column!, out var value) ? Store.EntityCopy.CloneValue(value) : null,
            _ => Store.EntityCopy.CloneValue(b.Constant),
        });

    internal static string Describe(ProcessCondition condition) => condition.Operator switch
    {
        ProcessConditionOperator.ContainsData => $"{condition.Column} contains data",
        ProcessConditionOperator.DoesNotContainData => $"{condition.Column} does not contain data",
        _ => $"{condition.Column} equals {condition.Value}",
    };
}
