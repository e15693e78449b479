using VoiceForD365.Core.Registration;

namespace VoiceForD365.Solution.Packing;

/// <summary>
/// The ids of registered components, as the solution carries them (Dataverse keeps them on import) and the local
/// organization gives its rows: name-based, so every build and every organization has the same.
/// </summary>
public static class ComponentIds
{
    /// <summary>A plug-in or custom workflow activity class (plugintype), by its full name.</summary>
    public static Guid PluginType(string typeFullName) => StableGuid.For("plugintype", typeFullName);

    /// <summary>
    /// A plug-in step (sdkmessageprocessingstep): its class, message, table, stage and mode (a class may run on the same
    /// message and stage synchronously and asynchronously: two steps).
    /// </summary>
    public static Guid Step(StepDeclaration step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return StableGuid.For("step", $"{step.PluginTypeName}/{step.Message}/{step.PrimaryEntity}/{(int)step.Stage}/{(int)step.Mode}");
    }
}
