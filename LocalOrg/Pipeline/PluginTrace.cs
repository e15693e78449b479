namespace VoiceForD365.LocalOrg.Pipeline;

/// <summary>One line of a plug-in's trace, kept like Dataverse's plug-in trace log.</summary>
public sealed record PluginTrace(string Step, string MessageName, string PrimaryEntityName, int Depth, string Text);
