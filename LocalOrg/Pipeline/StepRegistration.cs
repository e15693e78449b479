using System.Reflection;
using Microsoft.Xrm.Sdk;
using VoiceForD365.Core.Registration;

namespace VoiceForD365.LocalOrg.Pipeline;

/// <summary>A plug-in step as the local organization runs it, read from the [PluginStep] declaration on the plug-in class.</summary>
public sealed class StepRegistration
{
    private readonly Lazy<IPlugin> _instance;

    public StepRegistration(Type pluginType, PluginStepAttribute declaration, int sequence)
    {
        PluginType = pluginType;
        Declaration = declaration;
        Sequence = sequence;
        FilteringAttributes = Split(declaration.FilteringAttributes);
        // One instance per step, shared by every execution: as in Dataverse, a plug-in must not keep state in fields.
        _instance = new Lazy<IPlugin>(() => CreateInstance(pluginType));
    }

    public Type PluginType { get; }

    public PluginStepAttribute Declaration { get; }

    /// <summary>Registration order, the tie-break after stage and rank.</summary>
    public int Sequence { get; }

    public IReadOnlyList<string> FilteringAttributes { get; }

    public string Name => $"{PluginType.FullName}: {Declaration.Message} of {(Declaration.Table.Length == 0 ? "any table" : Declaration.Table)}";

    public IPlugin Instance => _instance.Value;

    public bool Matches(string message, string? table) =>
        string.Equals(Declaration.Message, message, StringComparison.OrdinalIgnoreCase)
        && (Declaration.Table.Length == 0 || string.Equals(Declaration.Table, table, StringComparison.Ordinal));

    internal static IReadOnlyList<string> Split(string columns) =>
        columns.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static IEnumerable<StepRegistration> FromTypes(IEnumerable<Type> pluginTypes, int firstSequence = 0)
    {
        var sequence = firstSequence;
        foreach (var type in pluginTypes)
            foreach (var declaration in type.GetCustomAttributes<PluginStepAttribute>())
                yield return new StepRegistration(type, declaration, sequence++);
    }

    /// <summary>The concrete plug-in classes of an assembly, in a stable order.</summary>
    public static IEnumerable<Type> PluginTypesOf(Assembly assembly) =>
        assembly.GetTypes().Where(t => typeof(IPlugin).IsAssignableFrom(t) && !t.IsAbstract).OrderBy(t => t.FullName, StringComparer.Ordinal);

    private static IPlugin CreateInstance(Type type)
    {
        // Dataverse passes the step's unsecure and secure configuration when the plug-in has that constructor.
        var withConfig = type.GetConstructor([typeof(string), typeof(string)]);
        return (IPlugin)(withConfig != null ? withConfig.Invoke([null, null]) : Activator.CreateInstance(type)!);
    }
}

/// <summary>A custom API as the local organization runs it, read from [CustomApi] and its parameter declarations.</summary>
public sealed class CustomApiRegistration
{
    public CustomApiRegistration(Type pluginType, CustomApiAttribute declaration)
    {
        PluginType = pluginType;
        Declaration = declaration;
        RequestParameters = pluginType.GetCustomAttributes<CustomApiRequestParameterAttribute>().ToList();
        ResponseProperties = pluginType.GetCustomAttributes<CustomApiResponsePropertyAttribute>().ToList();
        Step = new StepRegistration(pluginType, new PluginStepAttribute(declaration.UniqueName, "", PipelineStage.MainOperation, ExecutionMode.Synchronous), -1);
    }

    public Type PluginType { get; }

    public CustomApiAttribute Declaration { get; }

    public IReadOnlyList<CustomApiRequestParameterAttribute> RequestParameters { get; }

    public IReadOnlyList<CustomApiResponsePropertyAttribute> ResponseProperties { get; }

    /// <summary>The main-operation step that runs the custom API's plug-in.</summary>
    public StepRegistration Step { get; }

    public static IEnumerable<CustomApiRegistration> FromTypes(IEnumerable<Type> pluginTypes) =>
        pluginTypes
            .Select(t => (Type: t, Api: t.GetCustomAttribute<CustomApiAttribute>()))
            .Where(x => x.Api != null)
            .Select(x => new CustomApiRegistration(x.Type, x.Api!));
}
