using System;
using System.Collections.Generic;
using System.Linq;
using VoiceForD365.Core.Routing;

namespace VoiceForD365.RoutingService;

/// <summary>
/// How the routing service behaves (configuration section <c>Routing</c>: appsettings.json, or environment variables
/// such as <c>Routing__BudgetMilliseconds=1500</c>). The API keys are not here: they come from the environment or a
/// secrets file only (<see cref="ApiKeySource"/>).
/// </summary>
public sealed class RoutingServiceOptions
{
    public const string Section = "Routing";

    /// <summary>
    /// Longest time a SmartRouting decision or a Webex lookup may take, Dynamics included (Enreach waits 5 s). Past it
    /// the answer is 204 (SmartRouting) or an unknown caller (Webex), and a log line says why.
    /// </summary>
    public int BudgetMilliseconds { get; set; } = 2000;

    /// <summary>How often the routing rules and the caller-matching settings are read again.</summary>
    public int RuleRefreshSeconds { get; set; } = 60;

    /// <summary>How long who a number is (and what the rules read of them) is kept.</summary>
    public int CallerCacheSeconds { get; set; } = 60;

    /// <summary>The most callers kept (beyond it, the least recently added make room).</summary>
    public int CallerCacheSize { get; set; } = 10_000;

    /// <summary>The largest SmartRouting request body accepted (413 beyond).</summary>
    public int MaxBodyBytes { get; set; } = 16 * 1024;

    /// <summary>Dataverse lookups run at once at most (Dataverse limits concurrent requests per user; 52 by default).</summary>
    public int LookupConcurrency { get; set; } = 8;

    /// <summary>Lookups that may wait for one of those; a decision that would wait beyond gets 204 at once.</summary>
    public int LookupQueueLength { get; set; } = 64;

    /// <summary>Circuit breaker: the share of failed lookups (errors, time-outs) in the sampling window that opens it.</summary>
    public double BreakerFailureRatio { get; set; } = 0.5;

    /// <summary>Circuit breaker: the lookups the sampling window must hold before it can open.</summary>
    public int BreakerMinimumThroughput { get; set; } = 4;

    public int BreakerSamplingSeconds { get; set; } = 10;

    /// <summary>How long an open circuit asks Dynamics nothing before it tries again.</summary>
    public int BreakerBreakSeconds { get; set; } = 15;

    public WebexOptions Webex { get; set; } = new();

    internal TimeSpan Budget => TimeSpan.FromMilliseconds(BudgetMilliseconds);

    /// <summary>Refuses values the service can't run with, naming the setting.</summary>
    public void Validate()
    {
        Check(BudgetMilliseconds is >= 100 and <= 4500, nameof(BudgetMilliseconds), "from 100 to 4500 (Enreach gives up after 5 s)");
        Check(RuleRefreshSeconds is >= 5 and <= 3600, nameof(RuleRefreshSeconds), "from 5 to 3600");
        Check(CallerCacheSeconds is >= 0 and <= 3600, nameof(CallerCacheSeconds), "from 0 (no cache) to 3600");
        Check(CallerCacheSize is >= 1 and <= 10_000_000, nameof(CallerCacheSize), "from 1 to 10,000,000");
        Check(MaxBodyBytes is >= 256 and <= 1024 * 1024, nameof(MaxBodyBytes), "from 256 to 1048576");
        Check(LookupConcurrency is >= 1 and <= 52, nameof(LookupConcurrency), "from 1 to 52");
        Check(LookupQueueLength is >= 0 and <= 100_000, nameof(LookupQueueLength), "from 0 to 100,000");
        Check(BreakerFailureRatio is > 0 and <= 1, nameof(BreakerFailureRatio), "above 0 and at most 1");
        Check(BreakerMinimumThroughput >= 2, nameof(BreakerMinimumThroughput), "2 or more");
        Check(BreakerSamplingSeconds is >= 1 and <= 3600, nameof(BreakerSamplingSeconds), "from 1 to 3600");
        Check(BreakerBreakSeconds is >= 1 and <= 3600, nameof(BreakerBreakSeconds), "from 1 to 3600");
        Webex.Validate();
    }

    internal static void Check(bool valid, string name, string expected)
    {
        if (!valid) throw new InvalidOperationException($"{Section}:{name} must be {expected}.");
    }
}

/// <summary>The Webex IVR lookup: where screen pops open and the queue priority table (section <c>Routing:Webex</c>).</summary>
public sealed class WebexOptions
{
    /// <summary>The model-driven app screen pops open in (e.g. Customer Service Hub's app id); empty: the user's default app.</summary>
    public Guid? AppId { get; set; }

    /// <summary>The organization URL in screen pops; empty: the connection string's Url.</summary>
    public Uri? OrganizationUrl { get; set; }

    /// <summary>The queue priority table; empty: High 2, Normal 4, Low 5 (see <see cref="QueuePriorityMap.Default"/>).</summary>
    public List<QueuePriorityOption> QueuePriorities { get; set; } = new();

    /// <summary>The queue priority of a known caller without an active case (or whose case no entry names).</summary>
    public int WithoutCasePriority { get; set; } = QueuePriorityMap.Default.WithoutCase;

    /// <summary>The queue priority of an unknown caller (and of every caller while Dynamics can't be asked).</summary>
    public int UnknownCallerPriority { get; set; } = QueuePriorityMap.Default.UnknownCaller;

    internal QueuePriorityMap Map() => QueuePriorities.Count == 0
        ? new QueuePriorityMap(QueuePriorityMap.Default.Entries, WithoutCasePriority, UnknownCallerPriority)
        : new QueuePriorityMap(QueuePriorities.Select(e => e.ToEntry()), WithoutCasePriority, UnknownCallerPriority);

    internal void Validate()
    {
        try
        {
            Map();
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException($"{RoutingServiceOptions.Section}:Webex: {e.Message}", e);
        }
        RoutingServiceOptions.Check(OrganizationUrl == null || OrganizationUrl.IsAbsoluteUri, "Webex:OrganizationUrl", "an absolute URL (https://contoso.crm4.dynamics.com/)");
    }
}

/// <summary>One line of the queue priority table in configuration: a case priority and/or severity, and the queue priority.</summary>
public sealed class QueuePriorityOption
{
    /// <summary>The case's prioritycode (1 High, 2 Normal, 3 Low); empty: any.</summary>
    public int? CasePriority { get; set; }

    /// <summary>The case's severitycode; empty: any.</summary>
    public int? Severity { get; set; }

    public int QueuePriority { get; set; }

    internal QueuePriorityEntry ToEntry() => new(CasePriority, Severity, QueuePriority);
}
