using System.IO.Compression;
using System.Xml;

namespace VoiceForD365.Solution.Package;

/// <summary>A many-to-many relationship exported with a table (a <c>relationship</c> of <c>data_schema.xml</c>).</summary>
public sealed record CmtManyToMany(string Name, string TargetTable, string TargetPrimaryKey);
