namespace VoiceForD365.Solution.Model;

/// <summary>
/// A step that runs a custom workflow activity: the activity class (full name, and the assembly it ships in) and
/// the value of each input argument (by property name; an input not bound here is empty).
/// </summary>
public sealed record ProcessStep(string Name, string Description, string ActivityType, string ActivityAssembly, IReadOnlyList<ProcessArgumentBinding> Inputs);
