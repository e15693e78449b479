using System.IO.Compression;
using System.Xml;

namespace VoiceForD365.Solution.Package;

/// <summary>One record (a <c>record</c> of <c>data.xml</c>) and, for its table's many-to-many relationships, the related ids.</summary>
public sealed record CmtRecord(Guid Id, IReadOnlyList<CmtValue> Values)
{
    public IReadOnlyDictionary<string, IReadOnlyList<Guid>> Related { get; init; } = new Dictionary<string, IReadOnlyList<Guid>>();
}
