using System.IO.Compression;
using System.Xml;

namespace VoiceForD365.Solution.Package;

/// <summary>A table of the configuration data: its schema and its records.</summary>
public sealed record CmtTable(string Name, string DisplayName, string PrimaryIdField, string PrimaryNameField, IReadOnlyList<CmtField> Fields, IReadOnlyList<CmtRecord> Records)
{
    public IReadOnlyList<CmtManyToMany> ManyToMany { get; init; } = [];
}
