using System.Reflection;
using Microsoft.Xrm.Sdk;
using VoiceForD365.Core.Registration;
using VoiceForD365.Solution.Packing;

namespace VoiceForD365.LocalOrg.Pipeline;

/// <summary>
/// A plug-in step as the local organization runs it: Core's <see cref="StepDeclaration"/> of a [PluginStep] on the
/// plug-in class (the same model the packer writes the solution's step from, so both show the same step name).
/// </summary>
public sealed class StepRegistration
{
    private readonly Lazy<IPlugin> _instance;

    public StepRegistration(Type pluginType, StepDeclaration declaration, int sequence)
    {
        PluginType = pluginType;
        Declaration = declaration;
        Sequence = sequence;
        // One instance per step, shared by every execution: as in Dataverse, a plug-in must not keep state in fields.
        _instance = new Lazy<IPlugin>(() => CreateInstance(pluginType));
    }

    public Type PluginType { get; }

    public StepDeclaration Declaration { get; }

    /// <summary>Registration order, the tie-break after stage and rank.</summary>
    public int Sequence { get; }

    public string Name => Declaration.Name;

    /// <summary>The id of the step's sdkmessageprocessingstep row: the one the solution gives it (<see cref="ComponentIds.Step"/>).</summary>
    public Guid Id => ComponentIds.Step(Declaration);

    public IPlugin Instance => _instance.Value;

    public bool Matches(string message, string? table) =>
        string.Equals(Declaration.Message, message, StringComparison.OrdinalIgnoreCase)
        && (Declaration.Table.Length == 0 || string.Equals(Declaration.Table, table, StringComparison.Ordinal));

    public static IEnumerable<StepRegistration> FromTypes(IEnumerable<Type> pluginTypes, int firstSequence = 0)
    {
        var sequence = firstSequence;
        foreach (var type in pluginTypes)
            foreach (var declaration in DeclaredSteps.On(type))
                yield return new StepRegistration(type, declaration, sequence++);
    }

    /// <summary>The concrete plug-in classes of an assembly, in a stable order.</summary>
    public static IEnumerable<Type> PluginTypesOf(Assembly assembly) => DeclaredSteps.PluginTypesIn(assembly);

    private static IPlugin CreateInstance(Type type)
    {
        // Dataverse passes the step's unsecure and secure configuration when the plug-in has that constructor.
        var withConfig = type.GetConstructor([typeof(string), typeof(string)]);
        return (IPlugin)(withConfig != null ? withConfig.Invoke([null, null]) : Activator.CreateInstance(type)!);
    }
}
