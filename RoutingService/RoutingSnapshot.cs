using System;
using VoiceForD365.Core.Routing;

namespace VoiceForD365.RoutingService;

/// <summary>The routing rules and caller-matching settings as last read from Dynamics; replaced whole at each refresh.</summary>
internal sealed class RoutingSnapshot(RoutingRuleSet rules, RoutingSettings settings, DateTimeOffset loadedAt)
{
    public RoutingRuleSet Rules { get; } = rules;

    public RoutingSettings Settings { get; } = settings;

    public DateTimeOffset LoadedAt { get; } = loadedAt;

    /// <summary>What callers' cached data depends on: two snapshots with the same key find and read callers alike.</summary>
    public string CallerKey { get; } = settings + "|" + rules.Fingerprint;

    /// <summary>What a Webex lookup depends on (the settings only).</summary>
    public string SettingsKey { get; } = settings.ToString();
}
