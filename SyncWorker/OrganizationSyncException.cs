namespace VoiceForD365.SyncWorker;

/// <summary>
/// A run could not start for a reason outside the sync itself: the organization can't be reached or signed in to, or
/// its Enreach environment variables are not usable. The message says what to fix (never a secret).
/// </summary>
public sealed class OrganizationSyncException(string message, Exception? inner = null) : Exception(message, inner);
