using System.Reflection;

namespace VoiceForD365.Cli.Demo;

/// <summary>The sections of `vfd demo`: every <see cref="IDemoScenario"/> of this assembly, by order.</summary>
public static class DemoScenarios
{
    public static IReadOnlyList<IDemoScenario> All { get; } = Discover(typeof(DemoScenarios).Assembly);

    /// <summary>The public, concrete scenario classes of <paramref name="assembly"/>, created once each and ordered.</summary>
    public static IReadOnlyList<IDemoScenario> Discover(Assembly assembly) =>
        assembly.GetExportedTypes()
            .Where(t => t.IsClass && !t.IsAbstract && typeof(IDemoScenario).IsAssignableFrom(t))
            .Select(t => (IDemoScenario)Activator.CreateInstance(t)!)
            .OrderBy(s => s.Order)
            .ThenBy(s => s.Name, StringComparer.Ordinal)
            .ToList();
}
