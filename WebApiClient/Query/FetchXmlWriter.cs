using System.Globalization;
using System.Xml.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using VoiceForD365.Core.Schema;
using VoiceForD365.WebApiClient.Faults;

namespace VoiceForD365.WebApiClient.Query;

/// <summary>
/// QueryExpression and QueryByAttribute as FetchXML, the way the SDK sends them to Dataverse: columns, filters
/// (every condition operator the product uses), orders, links with aliases, TopCount, Distinct and paging (count,
/// page, paging-cookie, returntotalrecordcount).
/// </summary>
internal static class FetchXmlWriter
{
    private static readonly Dictionary<ConditionOperator, string> Operators = new()
    {
        [ConditionOperator.Equal] = "eq",
        [ConditionOperator.NotEqual] = "ne",
        [ConditionOperator.GreaterThan] = "gt",
        [ConditionOperator.LessThan] = "lt",
        [ConditionOperator.GreaterEqual] = "ge",
        [ConditionOperator.LessEqual] = "le",
        [ConditionOperator.Like] = "like",
        [ConditionOperator.NotLike] = "not-like",
        [ConditionOperator.In] = "in",
        [ConditionOperator.NotIn] = "not-in",
        [ConditionOperator.Between] = "between",
        [ConditionOperator.NotBetween] = "not-between",
        [ConditionOperator.Null] = "null",
        [ConditionOperator.NotNull] = "not-null",
        [ConditionOperator.Yesterday] = "yesterday",
        [ConditionOperator.Today] = "today",
        [ConditionOperator.Tomorrow] = "tomorrow",
        [ConditionOperator.LastXHours] = "last-x-hours",
        [ConditionOperator.NextXHours] = "next-x-hours",
        [ConditionOperator.LastXDays] = "last-x-days",
        [ConditionOperator.NextXDays] = "next-x-days",
        [ConditionOperator.On] = "on",
        [ConditionOperator.OnOrBefore] = "on-or-before",
        [ConditionOperator.OnOrAfter] = "on-or-after",
        [ConditionOperator.BeginsWith] = "begins-with",
        [ConditionOperator.DoesNotBeginWith] = "not-begin-with",
        [ConditionOperator.EndsWith] = "ends-with",
        [ConditionOperator.DoesNotEndWith] = "not-end-with",
        [ConditionOperator.OlderThanXMinutes] = "olderthan-x-minutes",
        [ConditionOperator.OlderThanXHours] = "olderthan-x-hours",
        [ConditionOperator.OlderThanXDays] = "olderthan-x-days",
    };

    /// <summary>The FetchXML and the link aliases it declares (alias → table), which the answer's <c>alias.column</c> values use.</summary>
    public static (string FetchXml, string EntityName, IReadOnlyDictionary<string, string> Links) Write(QueryBase query) => query switch
    {
        QueryExpression expression => WriteExpression(expression),
        QueryByAttribute byAttribute => WriteExpression(ToExpression(byAttribute)),
        _ => throw WebApiErrors.Fault(ErrorCodes.RequestNotSupported, $"The Web API client doesn't send {query?.GetType().Name ?? "null"} queries: use QueryExpression, QueryByAttribute or FetchExpression."),
    };

    private static QueryExpression ToExpression(QueryByAttribute query)
    {
        if (query.Attributes.Count != query.Values.Count)
            throw WebApiErrors.Fault(ErrorCodes.InvalidArgument, $"QueryByAttribute on '{query.EntityName}' has {query.Attributes.Count} attribute(s) but {query.Values.Count} value(s): they must pair up.");
        var expression = new QueryExpression(query.EntityName) { ColumnSet = query.ColumnSet, PageInfo = query.PageInfo, TopCount = query.TopCount };
        for (var i = 0; i < query.Attributes.Count; i++) expression.Criteria.AddCondition(query.Attributes[i], ConditionOperator.Equal, query.Values[i]);
        expression.Orders.AddRange(query.Orders);
        return expression;
    }

    private static (string, string, IReadOnlyDictionary<string, string>) WriteExpression(QueryExpression query)
    {
        if (string.IsNullOrEmpty(query.EntityName)) throw WebApiErrors.Fault(ErrorCodes.InvalidArgument, "The query has no EntityName.");
        var fetch = new XElement("fetch", new XAttribute("version", "1.0"), new XAttribute("mapping", "logical"));
        if (query.TopCount is { } top) fetch.Add(new XAttribute("top", Number(top)));
        var page = query.PageInfo;
        if (page.Count > 0) fetch.Add(new XAttribute("count", Number(page.Count)));
        if (page.PageNumber > 0) fetch.Add(new XAttribute("page", Number(page.PageNumber)));
        if (!string.IsNullOrEmpty(page.PagingCookie)) fetch.Add(new XAttribute("paging-cookie", page.PagingCookie));
        if (page.ReturnTotalRecordCount) fetch.Add(new XAttribute("returntotalrecordcount", "true"));
        if (query.Distinct) fetch.Add(new XAttribute("distinct", "true"));
        if (query.NoLock) fetch.Add(new XAttribute("no-lock", "true"));

        var entity = new XElement("entity", new XAttribute("name", query.EntityName));
        AddColumns(entity, query.ColumnSet);
        foreach (var order in query.Orders) entity.Add(Order(order));
        if (Filter(query.Criteria) is { } filter) entity.Add(filter);
        var links = new Dictionary<string, string>(StringComparer.Ordinal);
        var counter = 0;
        foreach (var link in query.LinkEntities) entity.Add(Link(link, links, ref counter));
        fetch.Add(entity);
        return (fetch.ToString(SaveOptions.DisableFormatting), query.EntityName, links);
    }

    private static void AddColumns(XElement element, ColumnSet? columns)
    {
        if (columns == null) return;
        if (columns.AllColumns)
        {
            element.Add(new XElement("all-attributes"));
            return;
        }
        foreach (var column in columns.Columns) element.Add(new XElement("attribute", new XAttribute("name", column)));
    }

    private static XElement Order(OrderExpression order)
    {
        var element = new XElement("order", new XAttribute("attribute", order.AttributeName), new XAttribute("descending", order.OrderType == OrderType.Descending ? "true" : "false"));
        if (!string.IsNullOrEmpty(order.EntityName)) element.Add(new XAttribute("entityname", order.EntityName));
        return element;
    }

    /// <summary>Links get Dataverse's generated alias <c>{table}{N}</c> when they have none, so their columns can be read back.</summary>
    private static XElement Link(LinkEntity link, Dictionary<string, string> links, ref int counter)
    {
        counter++;
        var alias = string.IsNullOrEmpty(link.EntityAlias) ? link.LinkToEntityName + counter.ToString(CultureInfo.InvariantCulture) : link.EntityAlias;
        links[alias] = link.LinkToEntityName;
        var element = new XElement("link-entity",
            new XAttribute("name", link.LinkToEntityName),
            new XAttribute("from", link.LinkToAttributeName),
            new XAttribute("to", link.LinkFromAttributeName),
            new XAttribute("link-type", link.JoinOperator == JoinOperator.LeftOuter ? "outer" : "inner"),
            new XAttribute("alias", alias));
        AddColumns(element, link.Columns);
        foreach (var order in link.Orders) element.Add(Order(order));
        if (Filter(link.LinkCriteria) is { } filter) element.Add(filter);
        foreach (var child in link.LinkEntities) element.Add(Link(child, links, ref counter));
        return element;
    }

    private static XElement? Filter(FilterExpression? filter)
    {
        if (filter == null || (filter.Conditions.Count == 0 && filter.Filters.Count == 0)) return null;
        var element = new XElement("filter", new XAttribute("type", filter.FilterOperator == LogicalOperator.Or ? "or" : "and"));
        foreach (var condition in filter.Conditions) element.Add(Condition(condition));
        foreach (var child in filter.Filters)
            if (Filter(child) is { } nested) element.Add(nested);
        return element.HasElements ? element : null;
    }

    private static XElement Condition(ConditionExpression condition)
    {
        if (!Operators.TryGetValue(condition.Operator, out var op))
            throw WebApiErrors.Fault(ErrorCodes.RequestNotSupported, $"The condition operator {condition.Operator} has no FetchXML form in the Web API client.");
        var element = new XElement("condition", new XAttribute("attribute", condition.AttributeName), new XAttribute("operator", op));
        if (!string.IsNullOrEmpty(condition.EntityName)) element.Add(new XAttribute("entityname", condition.EntityName));
        var values = condition.Values;
        if (condition.Operator is ConditionOperator.In or ConditionOperator.NotIn or ConditionOperator.Between or ConditionOperator.NotBetween)
        {
            foreach (var value in values) element.Add(new XElement("value", Value(value)));
        }
        else if (values.Count == 1)
        {
            element.Add(new XAttribute("value", Value(values[0])));
        }
        else if (values.Count > 1)
        {
            throw WebApiErrors.Fault(ErrorCodes.InvalidArgument, $"The condition on '{condition.AttributeName}' with operator {condition.Operator} has {values.Count} values; it takes one.");
        }
        return element;
    }

    private static string Value(object? value) => value switch
    {
        null => "",
        string text => text,
        Guid id => id.ToString("D"),
        EntityReference reference => reference.Id.ToString("D"),
        OptionSetValue option => Number(option.Value),
        Money money => money.Value.ToString(CultureInfo.InvariantCulture),
        bool flag => flag ? "1" : "0",
        DateTime date => Json.EntityJson.FormatDate(date),
        Enum enumValue => Convert.ToInt32(enumValue, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
