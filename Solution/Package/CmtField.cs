using System.IO.Compression;
using System.Xml;

namespace VoiceForD365.Solution.Package;

/// <summary>A column exported for a table (a <c>field</c> of <c>data_schema.xml</c>).</summary>
/// <param name="UpdateCompare">Part of the uniqueness condition the import matches existing records on.</param>
public sealed record CmtField(string Name, string DisplayName, string Type, bool PrimaryKey = false, bool UpdateCompare = false, bool CustomField = false, string? LookupType = null);
