using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Xrm.Sdk;
using VoiceForD365.Core.Numbers;
using VoiceForD365.Core.Routing;

namespace VoiceForD365.RoutingService;

/// <summary>Finds who a number is: the seam where Core's caller matching plugs in.</summary>
internal delegate CallerIdentity CallerIdentifier(IOrganizationService service, string number, RoutingSettings settings);

/// <summary>What routing knows of one caller: who they are and what the rules read of them.</summary>
internal sealed record RoutingCaller(CallerIdentity Identity, CallerFacts Facts);

/// <summary>
/// Callers by normalised number, for both endpoints: kept for <see cref="RoutingServiceOptions.CallerCacheSeconds"/>
/// (at most <see cref="RoutingServiceOptions.CallerCacheSize"/>), so a repeated caller costs no Dataverse request;
/// unknown callers are kept too. Calls of one number that arrive while it is being looked up wait for that one lookup.
/// A lookup has the budget from its start; each call waits for it within its own budget.
/// </summary>
internal sealed class CallerDirectory(DataverseGate gate, IMemoryCache cache, RoutingServiceOptions options, CallerIdentifier identify)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<object>>> _inFlight = new(StringComparer.Ordinal);
    private readonly TimeSpan _keep = TimeSpan.FromSeconds(options.CallerCacheSeconds);

    /// <summary>The number as callers are kept by: normalised (+digits), or null when it holds no digit (an unknown caller, never looked up).</summary>
    public static string? KeyOf(string number) => PhoneNumber.Parse(number)?.ToString();

    /// <summary>The caller of <paramref name="number"/> (a normalised one, see <see cref="KeyOf"/>) with what the snapshot's rules read of them.</summary>
    /// <exception cref="DataverseUnavailableException">Dynamics did not answer within the budget, or is not asked now.</exception>
    public Task<RoutingCaller> ForRoutingAsync(string number, RoutingSnapshot snapshot, CancellationToken budget) =>
        CachedAsync("route|" + snapshot.CallerKey + "|" + number, service =>
        {
            var identity = identify(service, number, snapshot.Settings);
            var facts = identity.Status == CallerStatus.Known ? CallerFacts.Read(service, identity.Record!, snapshot.Rules) : CallerFacts.None;
            return new RoutingCaller(identity, facts);
        }, budget);

    /// <summary>The Webex answer for <paramref name="number"/> (normalised).</summary>
    /// <exception cref="DataverseUnavailableException">Dynamics did not answer within the budget, or is not asked now.</exception>
    public Task<WebexCaller> ForWebexAsync(string number, RoutingSnapshot snapshot, QueuePriorityMap priorities, ScreenPopLinks screenPops, CancellationToken budget) =>
        CachedAsync("webex|" + snapshot.SettingsKey + "|" + number,
            service => WebexCaller.Find(service, identify(service, number, snapshot.Settings), priorities, screenPops), budget);

    private async Task<T> CachedAsync<T>(string key, Func<IOrganizationService, T> lookup, CancellationToken budget) where T : class
    {
        if (cache.TryGetValue(key, out T? known) && known is not null) return known;
        var flight = _inFlight.GetOrAdd(key, k => new Lazy<Task<object>>(() => LookUpAsync(k, service => lookup(service)), LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return (T)await flight.Value.WaitAsync(budget).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested)
        {
            throw new DataverseUnavailableException("Dynamics did not answer within the budget");
        }
    }

    private async Task<object> LookUpAsync(string key, Func<IOrganizationService, object> lookup)
    {
        using var budget = new CancellationTokenSource(options.Budget);
        try
        {
            var value = await gate.RunAsync(lookup, budget.Token).ConfigureAwait(false);
            if (_keep > TimeSpan.Zero) cache.Set(key, value, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = _keep });
            return value;
        }
        finally
        {
            _inFlight.TryRemove(key, out _);
        }
    }
}
