using System;

namespace VoiceForD365.RoutingService;

/// <summary>Dynamics was not asked, or gave no usable answer in time: the circuit is open, too many lookups wait, or the budget ran out.</summary>
public sealed class DataverseUnavailableException(string reason, Exception? inner = null) : Exception(reason, inner);
