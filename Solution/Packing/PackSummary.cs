namespace VoiceForD365.Solution.Packing;

/// <summary>Counts of what the zips contain (for `vfd pack` to print).</summary>
public sealed record PackSummary(
    int Tables, int ExtendedTables, int Columns, int Keys, int Forms, int Views, int Roles, int EnvironmentVariables,
    int CustomApis, int Assemblies, int PluginTypes, int WorkflowActivities, int Steps, int StepImages, int WebResources,
    int Processes, int Apps, int RootComponents, int Files);
