using System.Reflection;

namespace VoiceForD365.Solution.Packing;

/// <summary>The solution's name, publisher and version: the facts every other part (package, deployment) refers to.</summary>
public static class SolutionIdentity
{
    public const string UniqueName = Core.Schema.Publisher.SolutionUniqueName;

    public const string DisplayName = "Voice for Dynamics 365";

    public const string Description =
        "Connects Enreach Voice to Dynamics 365: Enreach user ids, phone call and callback logging, callback profiles, the Voice for D365 Configurator.";

    public const string PublisherUniqueName = "VoiceForDynamics365";

    public const string PublisherDisplayName = "Voice for Dynamics 365";

    public const string PublisherPrefix = Core.Schema.Publisher.Prefix;

    /// <summary>Choice values start at prefix × 10000 (100000000: Days, Direct, API User...).</summary>
    public const int OptionValuePrefix = 10000;

    public const int LanguageCode = 1033;

    /// <summary>File name of the unmanaged zip (<c>VoiceForD365.zip</c>).</summary>
    public const string UnmanagedFileName = UniqueName + ".zip";

    /// <summary>File name of the managed zip (<c>VoiceForD365_managed.zip</c>).</summary>
    public const string ManagedFileName = UniqueName + "_managed.zip";

    /// <summary>The product version, set once in Directory.Build.props (VoiceForD365Version) and compiled into this assembly.</summary>
    public static string Version { get; } =
        typeof(SolutionIdentity).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().SingleOrDefault(a => a.Key == "VoiceForD365Version")?.Value
        ?? throw new InvalidOperationException("VoiceForD365.Solution was built without the VoiceForD365Version assembly metadata.");
}
