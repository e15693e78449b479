namespace VoiceForD365.SyncWorker;

/// <summary>The worker's configuration can't be used; the message names every problem (never a secret).</summary>
public sealed class SyncWorkerConfigurationException(string message) : Exception(message);
