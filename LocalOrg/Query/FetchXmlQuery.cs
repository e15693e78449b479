using System.Globalization;
using System.Reflection;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Microsoft.Xrm.Sdk.Query;
using VoiceForD365.Solution.Model;

namespace VoiceForD365.LocalOrg.Query;

/// <summary>
/// FetchXML as the local organization's QueryExpression: validated against Microsoft's Fetch.xsd (as Dataverse
/// refuses a query that does not fit it), then columns, filters, orders, links with their aliases, top, distinct and
/// paging (count, page, paging-cookie, returntotalrecordcount). Condition values are text in FetchXML; they are read
/// as the column's type (a GUID for a lookup, a number for a choice). Aggregates are not evaluated.
/// </summary>
internal static class FetchXmlQuery
{
    private static readonly Lazy<XmlSchemaSet> Schema = new(LoadSchema);

    private static readonly Dictionary<string, ConditionOperator> Operators = new(StringComparer.Ordinal)
    {
        ["eq"] = ConditionOperator.Equal,
        ["ne"] = ConditionOperator.NotEqual,
        ["neq"] = ConditionOperator.NotEqual,
        ["gt"] = ConditionOperator.GreaterThan,
        ["lt"] = ConditionOperator.LessThan,
        ["ge"] = ConditionOperator.GreaterEqual,
        ["le"] = ConditionOperator.LessEqual,
        ["like"] = ConditionOperator.Like,
        ["not-like"] = ConditionOperator.NotLike,
        ["in"] = ConditionOperator.In,
        ["not-in"] = ConditionOperator.NotIn,
        ["between"] = ConditionOperator.Between,
        ["not-between"] = ConditionOperator.NotBetween,
        ["null"] = ConditionOperator.Null,
        ["not-null"] = ConditionOperator.NotNull,
        ["yesterday"] = ConditionOperator.Yesterday,
        ["today"] = ConditionOperator.Today,
        ["tomorrow"] = ConditionOperator.Tomorrow,
        ["last-x-hours"] = ConditionOperator.LastXHours,
        ["next-x-hours"] = ConditionOperator.NextXHours,
        ["last-x-days"] = ConditionOperator.LastXDays,
        ["next-x-days"] = ConditionOperator.NextXDays,
        ["on"] = ConditionOperator.On,
        ["on-or-before"] = ConditionOperator.OnOrBefore,
        ["on-or-after"] = ConditionOperator.OnOrAfter,
        ["begins-with"] = ConditionOperator.BeginsWith,
        ["not-begin-with"] = ConditionOperator.DoesNotBeginWith,
        ["ends-with"] = ConditionOperator.EndsWith,
        ["not-end-with"] = ConditionOperator.DoesNotEndWith,
        ["olderthan-x-minutes"] = ConditionOperator.OlderThanXMinutes,
        ["olderthan-x-hours"] = ConditionOperator.OlderThanXHours,
        ["olderthan-x-days"] = ConditionOperator.OlderThanXDays,
    };

    /// <summary>The table a FetchXML query reads (null when it names none: the query's validation says why).</summary>
    public static string? EntityNameOf(string? fetchXml)
    {
        try
        {
            return (string?)XElement.Parse(fetchXml ?? "").Element("entity")?.Attribute("name");
        }
        catch (XmlException)
        {
            return null;
        }
    }

    /// <param name="tableOf">The metadata of a table (throws the unknown-table fault).</param>
    public static QueryExpression ToQueryExpression(string fetchXml, Func<string, TableDefinition> tableOf)
    {
        var fetch = Validate(fetchXml);
        if (Flag(fetch, "aggregate"))
            throw Faults.Create(Faults.RequestNotSupported, "The local organization doesn't evaluate aggregate FetchXML queries.");
        var entity = fetch.Element("entity")!;
        var table = tableOf(Required(entity, "name"));
        var query = new QueryExpression(table.LogicalName)
        {
            Distinct = Flag(fetch, "distinct"),
            NoLock = Flag(fetch, "no-lock"),
            ColumnSet = Columns(entity),
        };
        if (Number(fetch, "top") is { } top) query.TopCount = top;
        if (Number(fetch, "count") is { } count) query.PageInfo.Count = count;
        if (Number(fetch, "page") is { } page) query.PageInfo.PageNumber = page;
        query.PageInfo.PagingCookie = (string?)fetch.Attribute("paging-cookie");
        query.PageInfo.ReturnTotalRecordCount = Flag(fetch, "returntotalrecordcount");

        // The aliases of the links, so that conditions and orders naming one find its table.
        var tables = new Dictionary<string, TableDefinition>(StringComparer.Ordinal) { [table.LogicalName] = table };
        foreach (var link in entity.Descendants("link-entity"))
            if ((string?)link.Attribute("alias") is { Length: > 0 } alias) tables[alias] = tableOf(Required(link, "name"));

        foreach (var order in entity.Elements("order")) query.Orders.Add(Order(order));
        foreach (var filter in entity.Elements("filter")) query.Criteria.AddFilter(Filter(filter, table, tables));
        foreach (var link in entity.Elements("link-entity")) query.LinkEntities.Add(Link(link, table.LogicalName, tableOf, tables));
        return query;
    }

    private static XElement Validate(string fetchXml)
    {
        XDocument document;
        var problems = new List<string>();
        try
        {
            var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = Schema.Value, DtdProcessing = DtdProcessing.Prohibit };
            settings.ValidationEventHandler += (_, e) => problems.Add($"{e.Message} (line {e.Exception.LineNumber}, position {e.Exception.LinePosition})");
            using var reader = XmlReader.Create(new StringReader(fetchXml ?? ""), settings);
            document = XDocument.Load(reader);
        }
        catch (XmlException e)
        {
            throw Faults.InvalidArgumentFault($"The FetchXML is not well-formed XML: {e.Message}");
        }
        if (problems.Count > 0) throw Faults.InvalidArgumentFault("The FetchXML does not match the fetch schema: " + string.Join("; ", problems));
        return document.Root!;
    }

    private static XmlSchemaSet LoadSchema()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Fetch.xsd")
            ?? throw new InvalidOperationException("The local organization's assembly lacks its embedded Fetch.xsd.");
        var set = new XmlSchemaSet();
        set.Add(XmlSchema.Read(stream, null)!);
        set.Compile();
        return set;
    }

    private static ColumnSet Columns(XElement element)
    {
        if (element.Element("all-attributes") != null) return new ColumnSet(true);
        return new ColumnSet(element.Elements("attribute").Select(a => Required(a, "name")).ToArray());
    }

    private static OrderExpression Order(XElement order) =>
        new(Required(order, "attribute"), Flag(order, "descending") ? OrderType.Descending : OrderType.Ascending)
        {
            EntityName = (string?)order.Attribute("entityname"),
        };

    private static LinkEntity Link(XElement element, string parent, Func<string, TableDefinition> tableOf, Dictionary<string, TableDefinition> tables)
    {
        var table = tableOf(Required(element, "name"));
        var type = (string?)element.Attribute("link-type") ?? "inner";
        var link = new LinkEntity(parent, table.LogicalName, Required(element, "to"), Required(element, "from"), type switch
        {
            "inner" => JoinOperator.Inner,
            "outer" => JoinOperator.LeftOuter,
            _ => throw Faults.Create(Faults.RequestNotSupported, $"The link-type '{type}' of the link to '{table.LogicalName}' is not evaluated by the local organization: use inner or outer."),
        })
        {
            EntityAlias = (string?)element.Attribute("alias"),
            Columns = Columns(element),
        };
        foreach (var order in element.Elements("order")) link.Orders.Add(Order(order));
        foreach (var filter in element.Elements("filter")) link.LinkCriteria.AddFilter(Filter(filter, table, tables));
        foreach (var child in element.Elements("link-entity")) link.LinkEntities.Add(Link(child, table.LogicalName, tableOf, tables));
        return link;
    }

    private static FilterExpression Filter(XElement element, TableDefinition table, Dictionary<string, TableDefinition> tables)
    {
        var filter = new FilterExpression((string?)element.Attribute("type") == "or" ? LogicalOperator.Or : LogicalOperator.And);
        foreach (var child in element.Elements())
        {
            if (child.Name.LocalName == "filter") filter.AddFilter(Filter(child, table, tables));
            else if (child.Name.LocalName == "condition") filter.AddCondition(Condition(child, table, tables));
        }
        return filter;
    }

    private static ConditionExpression Condition(XElement element, TableDefinition table, Dictionary<string, TableDefinition> tables)
    {
        var entityName = (string?)element.Attribute("entityname");
        var owner = entityName == null ? table
            : tables.TryGetValue(entityName, out var named) ? named
            : throw Faults.InvalidArgumentFault($"The condition names '{entityName}', which is no link alias of the query.");
        var attribute = Required(element, "attribute");
        var text = Required(element, "operator");
        var op = Operators.TryGetValue(text, out var known) ? known
            : throw Faults.Create(Faults.RequestNotSupported, $"The condition operator '{text}' is not evaluated by the local organization.");
        var column = owner.FindColumn(attribute) ?? (attribute == owner.PrimaryIdColumn ? Solution.Model.Columns.PrimaryKey(attribute, attribute) : throw Faults.UnknownColumn(owner.LogicalName, attribute));
        var texts = element.Attribute("value") is { } single ? [single.Value] : element.Elements("value").Select(v => v.Value).ToList();
        var condition = new ConditionExpression { EntityName = entityName, AttributeName = attribute, Operator = op };
        var isCount = op is ConditionOperator.LastXHours or ConditionOperator.NextXHours or ConditionOperator.LastXDays or ConditionOperator.NextXDays
            or ConditionOperator.OlderThanXMinutes or ConditionOperator.OlderThanXHours or ConditionOperator.OlderThanXDays;
        foreach (var value in texts) condition.Values.Add(isCount ? ParseInt(value, attribute) : ValueOf(value, column, owner.LogicalName));
        return condition;
    }

    /// <summary>A condition's text value as the query engine compares it with the column.</summary>
    private static object ValueOf(string text, ColumnDefinition column, string table)
    {
        try
        {
            return column.Type switch
            {
                ColumnType.PrimaryKey or ColumnType.Uniqueidentifier or ColumnType.Lookup or ColumnType.Customer or ColumnType.Owner => Guid.Parse(text),
                ColumnType.Integer or ColumnType.Picklist or ColumnType.State or ColumnType.Status => int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture),
                ColumnType.Decimal or ColumnType.Money => decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture),
                ColumnType.Double => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
                ColumnType.Boolean => text is "1" or "true" or "True" ? true : text is "0" or "false" or "False" ? false : throw new FormatException(),
                ColumnType.DateTime => DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
                _ => text,
            };
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            throw Faults.InvalidArgumentFault($"The value '{text}' of the condition on '{table}.{column.LogicalName}' is not a {column.Type}.");
        }
    }

    private static int ParseInt(string text, string attribute) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value
            : throw Faults.InvalidArgumentFault($"The condition on '{attribute}' needs a whole number, not '{text}'.");

    private static string Required(XElement element, string attribute) =>
        (string?)element.Attribute(attribute) is { Length: > 0 } value ? value
            : throw Faults.InvalidArgumentFault($"The FetchXML element <{element.Name.LocalName}> has no {attribute}.");

    private static bool Flag(XElement element, string attribute) =>
        (string?)element.Attribute(attribute) is { } value && (value == "1" || value.Equals("true", StringComparison.OrdinalIgnoreCase));

    private static int? Number(XElement element, string attribute) =>
        (string?)element.Attribute(attribute) is { } value ? ParseInt(value, attribute) : null;
}
