using VoiceForD365.Core.Enreach;
using VoiceForD365.Core.Registration;
using VoiceForD365.Plugins;
using VoiceForD365.Solution;
using VoiceForD365.Solution.Model;
using VoiceForD365.Solution.Packing;

namespace VoiceForD365.Doctor;

/// <summary>What an organization is checked against; by default this build of the product.</summary>
public sealed class DoctorOptions
{
    /// <summary>The plug-in steps that must be registered and enabled: those the shipped plug-in assembly declares.</summary>
    public IReadOnlyList<StepDeclaration> Steps { get; init; } = DeclaredSteps.In(typeof(PluginBase).Assembly).ToList();

    /// <summary>The processes that must be activated: the solution's.</summary>
    public IReadOnlyList<ProcessDefinition> Processes { get; init; } = SolutionProcesses.All;

    /// <summary>The solution version the installed one is compared with: this build's.</summary>
    public string SolutionVersion { get; init; } = SolutionIdentity.Version;

    /// <summary>Where the Enreach API endpoint is discovered when no endpoint override is set (tests give the emulator's).</summary>
    public Uri EnreachDiscoveryUrl { get; init; } = EnreachSettings.DefaultDiscoveryUrl;
}
