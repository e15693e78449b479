using System.Activities;
using System.Reflection;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;
using VoiceForD365.Core.Registration;

namespace VoiceForD365.LocalOrg.Workflows;

/// <summary>
/// A custom workflow activity registered in the local organization (in Dataverse: a plug-in type of a registered
/// assembly, with its workflow activity group), read from the class: [WorkflowActivity] for the name and group, and the
/// argument properties with [Input], [Output], [ReferenceTarget] and [RequiredArgument]. Registration refuses what
/// Dataverse refuses: an argument without [Input]/[Output], an argument type processes can't hold, an EntityReference
/// argument without [ReferenceTarget].
/// </summary>
public sealed class WorkflowActivityRegistration
{
    /// <summary>The argument types a Dataverse process can pass to or take from a custom activity.</summary>
    public static readonly IReadOnlyList<Type> SupportedTypes =
        [typeof(bool), typeof(DateTime), typeof(decimal), typeof(double), typeof(int), typeof(Money), typeof(OptionSetValue), typeof(string), typeof(EntityReference)];

    private readonly Lazy<CodeActivity> _instance;

    public WorkflowActivityRegistration(Type activityType)
    {
        if (!typeof(CodeActivity).IsAssignableFrom(activityType) || activityType.IsAbstract || activityType.GetConstructor(Type.EmptyTypes) == null)
            throw new ArgumentException($"{activityType.FullName} is not a custom workflow activity: a public, concrete CodeActivity with a public parameterless constructor.", nameof(activityType));
        ActivityType = activityType;
        var assembly = activityType.Assembly.GetName();
        Declaration = WorkflowActivityDeclaration.Of(activityType.FullName!, assembly.Name ?? "", assembly.Version ?? new Version(0, 0, 0, 0),
            activityType.GetCustomAttribute<WorkflowActivityAttribute>());
        var arguments = activityType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => typeof(Argument).IsAssignableFrom(p.PropertyType))
            .OrderBy(p => p.MetadataToken)
            .SelectMany(ArgumentsOf)
            .ToList();
        Inputs = arguments.Where(a => a.Direction == ArgumentDirection.In).ToList();
        Outputs = arguments.Where(a => a.Direction == ArgumentDirection.Out).ToList();
        // One instance per activity, shared by every execution, as Dataverse caches workflow definitions.
        _instance = new Lazy<CodeActivity>(() => (CodeActivity)Activator.CreateInstance(activityType)!);
    }

    public Type ActivityType { get; }

    /// <summary>Name, group and description, by the same rule as the packer's (Core's model of [WorkflowActivity]).</summary>
    public WorkflowActivityDeclaration Declaration { get; }

    /// <summary>The name in the designer's Add Step menu (the class name when undeclared).</summary>
    public string Name => Declaration.Name;

    /// <summary>The activity group (submenu); "Assembly (version)" when undeclared, as the Plug-in Registration Tool does.</summary>
    public string Group => Declaration.Group;

    public IReadOnlyList<WorkflowArgumentRegistration> Inputs { get; }

    public IReadOnlyList<WorkflowArgumentRegistration> Outputs { get; }

    public CodeActivity Instance => _instance.Value;

    public WorkflowArgumentRegistration? Input(string name) => Inputs.FirstOrDefault(i => i.Name == name);

    /// <summary>The custom workflow activity classes of an assembly, in a stable order.</summary>
    public static IEnumerable<Type> ActivityTypesOf(Assembly assembly) =>
        assembly.GetTypes().Where(t => t.IsPublic && typeof(CodeActivity).IsAssignableFrom(t) && !t.IsAbstract).OrderBy(t => t.FullName, StringComparer.Ordinal);

    private IEnumerable<WorkflowArgumentRegistration> ArgumentsOf(PropertyInfo property)
    {
        var where = $"{ActivityType.FullName}.{property.Name}";
        if (!property.PropertyType.IsGenericType || property.GetMethod == null || property.SetMethod == null)
            throw new InvalidOperationException($"{where}: a workflow argument is a public read-write InArgument<T>, OutArgument<T> or InOutArgument<T> property.");
        var valueType = property.PropertyType.GetGenericArguments()[0];
        var definition = property.PropertyType.GetGenericTypeDefinition();
        var input = property.GetCustomAttribute<InputAttribute>();
        var output = property.GetCustomAttribute<OutputAttribute>();
        var target = property.GetCustomAttribute<ReferenceTargetAttribute>()?.EntityName;
        if (!SupportedTypes.Contains(valueType))
            throw new InvalidOperationException($"{where}: processes can't pass a {valueType.FullName}; use one of {string.Join(", ", SupportedTypes.Select(t => t.Name))}.");
        if (valueType == typeof(EntityReference) && string.IsNullOrEmpty(target))
            throw new InvalidOperationException($"{where}: an EntityReference argument needs [ReferenceTarget] naming its one table.");
        var required = property.IsDefined(typeof(RequiredArgumentAttribute), inherit: true);

        if (definition == typeof(InArgument<>) || definition == typeof(InOutArgument<>))
        {
            if (input == null) throw new InvalidOperationException($"{where}: an input argument needs [Input(\"display name\")].");
            yield return new WorkflowArgumentRegistration(property.Name, input.Name, ArgumentDirection.In, valueType, required, target);
        }
        if (definition == typeof(OutArgument<>) || definition == typeof(InOutArgument<>))
        {
            if (output == null) throw new InvalidOperationException($"{where}: an output argument needs [Output(\"display name\")].");
            yield return new WorkflowArgumentRegistration(property.Name, output.Name, ArgumentDirection.Out, valueType, false, target);
        }
        if (definition != typeof(InArgument<>) && definition != typeof(OutArgument<>) && definition != typeof(InOutArgument<>))
            throw new InvalidOperationException($"{where}: a workflow argument is an InArgument<T>, OutArgument<T> or InOutArgument<T>.");
    }
}
