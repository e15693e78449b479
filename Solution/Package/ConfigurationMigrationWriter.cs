using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace VoiceForD365.Solution.Package;

/// <summary>
/// Writes configuration data in the format of Microsoft's Configuration Migration tool, which PackageDeployer.exe
/// imports (the <c>crmmigdataimportfile</c> of ImportConfig.xml): a zip of <c>data_schema.xml</c> (tables, fields and
/// their types, relationships), <c>data.xml</c> (records) and <c>[Content_Types].xml</c>. Tables are imported in the
/// order given; many-to-many relationships after all records. Existing records are matched by id, then by the fields
/// marked <see cref="CmtField.UpdateCompare"/>, and updated; others are created. Output is deterministic (fixed
/// timestamp and entry times), so the same sources give the same bytes.
/// </summary>
public static class ConfigurationMigrationWriter
{
    public const string SchemaEntry = "data_schema.xml";
    public const string DataEntry = "data.xml";
    public const string ContentTypesEntry = "[Content_Types].xml";

    /// <summary>The data.xml timestamp and the zip entry times: fixed, for reproducible packages.</summary>
    public static readonly DateTimeOffset Timestamp = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";
    private static readonly XNamespace Xsd = "http://www.w3.org/2001/XMLSchema";

    public static XDocument Schema(IEnumerable<CmtTable> tables) =>
        new(new XDeclaration("1.0", "utf-8", null),
            new XElement("entities",
                tables.Select(t => new XElement("entity",
                    new XAttribute("name", t.Name),
                    new XAttribute("displayname", t.DisplayName),
                    new XAttribute("primaryidfield", t.PrimaryIdField),
                    new XAttribute("primarynamefield", t.PrimaryNameField),
                    new XAttribute("disableplugins", "false"),
                    new XElement("fields", t.Fields.Select(FieldElement)),
                    new XElement("relationships", t.ManyToMany.Select(r => new XElement("relationship",
                        new XAttribute("name", r.Name),
                        new XAttribute("manyToMany", "true"),
                        new XAttribute("isreflexive", "false"),
                        new XAttribute("relatedEntityName", r.Name),
                        new XAttribute("m2mTargetEntity", r.TargetTable),
                        new XAttribute("m2mTargetEntityPrimaryKey", r.TargetPrimaryKey))))))));

    public static XDocument Data(IEnumerable<CmtTable> tables) =>
        new(new XDeclaration("1.0", "utf-8", null),
            new XElement("entities",
                new XAttribute(XNamespace.Xmlns + "xsd", Xsd),
                new XAttribute(XNamespace.Xmlns + "xsi", Xsi),
                new XAttribute("timestamp", Timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture)),
                tables.Select(t => new XElement("entity",
                    new XAttribute("name", t.Name),
                    new XAttribute("displayname", t.DisplayName),
                    new XElement("records", t.Records.Select(r => new XElement("record",
                        new XAttribute("id", Format(r.Id)),
                        r.Values.Select(ValueElement)))),
                    new XElement("m2mrelationships", t.ManyToMany.SelectMany(m => t.Records
                        .Where(r => r.Related.TryGetValue(m.Name, out var ids) && ids.Count > 0)
                        .Select(r => new XElement("m2mrelationship",
                            new XAttribute("sourceid", Format(r.Id)),
                            new XAttribute("targetentityname", m.TargetTable),
                            new XAttribute("targetentitynameidfield", m.TargetPrimaryKey),
                            new XAttribute("m2mrelationshipname", m.Name),
                            new XElement("targetids", r.Related[m.Name].Select(id => new XElement("targetid", Format(id))))))))))));

    public static XDocument ContentTypes() =>
        new(new XDeclaration("1.0", "utf-8", null),
            new XElement(XName.Get("Types", "http://schemas.openxmlformats.org/package/2006/content-types"),
                new XElement(XName.Get("Default", "http://schemas.openxmlformats.org/package/2006/content-types"),
                    new XAttribute("Extension", "xml"),
                    new XAttribute("ContentType", "application/octet-stream"))));

    /// <summary>The configuration data zip.</summary>
    public static byte[] Zip(IReadOnlyList<CmtTable> tables)
    {
        Check(tables);
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, ContentTypesEntry, ContentTypes());
            Add(zip, SchemaEntry, Schema(tables));
            Add(zip, DataEntry, Data(tables));
        }
        return buffer.ToArray();
    }

    /// <summary>Adds a file with the fixed entry time.</summary>
    public static void Add(ZipArchive zip, string name, byte[] content)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = Timestamp;
        using var stream = entry.Open();
        stream.Write(content);
    }

    private static void Add(ZipArchive zip, string name, XDocument document) => Add(zip, name, Bytes(document));

    /// <summary>UTF-8 without a byte order mark, indented.</summary>
    public static byte[] Bytes(XDocument document)
    {
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
            document.Save(writer);
        return buffer.ToArray();
    }

    /// <summary>Each record's values are declared fields, each record has its primary key, ids are unique.</summary>
    private static void Check(IReadOnlyList<CmtTable> tables)
    {
        foreach (var table in tables)
        {
            var fields = table.Fields.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
            if (!fields.Contains(table.PrimaryIdField) || !fields.Contains(table.PrimaryNameField))
                throw new InvalidOperationException($"Configuration data: {table.Name} must declare its primary id and name fields.");
            foreach (var record in table.Records)
            {
                var undeclared = record.Values.Select(v => v.Name).Where(n => !fields.Contains(n)).ToList();
                if (undeclared.Count > 0)
                    throw new InvalidOperationException($"Configuration data: record {record.Id} of {table.Name} has values for undeclared fields {string.Join(", ", undeclared)}.");
                if (record.Values.All(v => v.Name != table.PrimaryIdField))
                    throw new InvalidOperationException($"Configuration data: record {record.Id} of {table.Name} has no {table.PrimaryIdField}.");
            }
            var duplicate = table.Records.GroupBy(r => r.Id).FirstOrDefault(g => g.Count() > 1);
            if (duplicate != null) throw new InvalidOperationException($"Configuration data: {table.Name} has two records with the id {duplicate.Key}.");
        }
    }

    private static XElement FieldElement(CmtField field)
    {
        var element = new XElement("field",
            new XAttribute("displayname", field.DisplayName),
            new XAttribute("name", field.Name),
            new XAttribute("type", field.Type));
        if (field.LookupType != null) element.Add(new XAttribute("lookupType", field.LookupType));
        if (field.CustomField) element.Add(new XAttribute("customfield", "true"));
        if (field.PrimaryKey) element.Add(new XAttribute("primaryKey", "true"));
        if (field.UpdateCompare) element.Add(new XAttribute("updateCompare", "true"));
        return element;
    }

    private static XElement ValueElement(CmtValue value)
    {
        var element = new XElement("field", new XAttribute("name", value.Name), new XAttribute("value", value.Value));
        if (value.LookupTable != null) element.Add(new XAttribute("lookupentity", value.LookupTable));
        return element;
    }

    public static string Format(Guid id) => id.ToString("D");

    public static string Format(bool value) => value ? "True" : "False";

    public static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);
}
