using System.IO.Compression;
using System.Xml;

namespace VoiceForD365.Solution.Package;

/// <summary>One value of a record (a <c>field</c> of <c>data.xml</c>); <paramref name="LookupTable"/> for lookups.</summary>
public sealed record CmtValue(string Name, string Value, string? LookupTable = null);
