namespace VoiceForD365.LocalOrg.Pipeline;

/// <summary>Who is calling, and from where: a person or app (no parent), or a plug-in inside a pipeline (parent context).</summary>
internal sealed record Caller(Guid UserId, Guid InitiatingUserId, PluginExecutionContext? Parent, bool InTransaction, bool FromPlugin);
