using System.IO.Compression;
using System.Xml;

namespace VoiceForD365.Solution.Package;

/// <summary>Field types of the Configuration Migration format (the <c>type</c> of a <c>data_schema.xml</c> field).</summary>
public static class CmtFieldType
{
    public const string Guid = "guid";
    public const string String = "string";
    public const string Number = "number";
    public const string Bool = "bool";
    public const string OptionSetValue = "optionsetvalue";
    public const string EntityReference = "entityreference";
}
