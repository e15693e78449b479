namespace VoiceForD365.LocalOrg;

/// <summary>A background (asynchronous) plug-in execution or process run, like a Dataverse system job.</summary>
public sealed record SystemJob(string Step, string MessageName, string PrimaryEntityName, Guid PrimaryEntityId, bool Succeeded, string? Message);
