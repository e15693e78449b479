namespace VoiceForD365.Solution.Packing;

/// <summary>Counts of what the zips contain (for `vfd pack` to print). Tables counts the virtual ones and their data source tables.</summary>
public sealed record PackSummary(
    int Tables, int VirtualTables, int DataProviders, int ExtendedTables, int Columns, int Keys, int Forms, int Views, int Roles, int EnvironmentVariables,
    int CustomApis, int Assemblies, int PluginTypes, int WorkflowActivities, int Steps, int StepImages, int WebResources,
    int Processes, int Apps, int RootComponents, int Files);
