using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Microsoft.OData.UriParser;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using VoiceForD365.Solution.Model;

namespace VoiceForD365.LocalOrgServer;

/// <summary>What a GET of a table asks for, once parsed: the query, the columns shown, the expansions, the paging.</summary>
internal sealed record TableQuery(QueryExpression Query, IReadOnlyList<string>? Selected, IReadOnlyList<Expansion> Expansions, bool Count, bool HasTop);

/// <summary>
/// Turns the query options Microsoft.OData.Core parsed ($select, $filter, $orderby, $top, $count, $expand of
/// single-valued navigation properties and of an activity's parties, $skiptoken) into the local organization's
/// QueryExpression. <c>not</c> is pushed down to the conditions (De Morgan), as QueryExpression has no negation.
/// </summary>
internal static class ODataQuery
{
    /// <summary>The largest page Dataverse returns (and the default without odata.maxpagesize).</summary>
    public const int MaxPageSize = 5000;

    public static TableQuery Parse(ODataUriParser parser, WebApiTable table, WebApiModel model, int? maxPageSize)
    {
        var query = new QueryExpression(table.LogicalName);
        var (selected, expansions) = SelectAndExpand(parser.ParseSelectAndExpand(), table, model);
        query.ColumnSet = selected == null ? new ColumnSet(true) : new ColumnSet([.. selected]);
        foreach (var expansion in expansions) AddExpansion(query, table, expansion, model);

        if (parser.ParseFilter() is { } filter) query.Criteria = Filter(filter.Expression, table, negate: false);
        for (var order = parser.ParseOrderBy(); order != null; order = order.ThenBy)
            query.Orders.Add(new OrderExpression(ColumnOf(PropertyOf(order.Expression) ?? throw WebApiException.BadRequest("$orderby takes properties of the table."), table),
                order.Direction == OrderByDirection.Descending ? OrderType.Descending : OrderType.Ascending));

        var top = parser.ParseTop();
        if (top is < 1 or > MaxPageSize) throw WebApiException.BadRequest($"The $top query option must be between 1 and {MaxPageSize}.");
        var count = parser.ParseCount() == true;
        query.PageInfo = new PagingInfo { Count = (int?)top ?? Math.Min(maxPageSize ?? MaxPageSize, MaxPageSize), PageNumber = 1, ReturnTotalRecordCount = count };
        if (parser.ParseSkipToken() is { } token)
        {
            var (page, cookie) = SkipToken.Read(token);
            query.PageInfo.PageNumber = page;
            query.PageInfo.PagingCookie = cookie;
        }
        return new TableQuery(query, selected, expansions, count, top != null);
    }

    /// <summary>Columns of $select (null: all) and the $expand items, for a table.</summary>
    public static (List<string>? Selected, List<Expansion> Expansions) SelectAndExpand(SelectExpandClause? clause, WebApiTable table, WebApiModel model)
    {
        var expansions = new List<Expansion>();
        if (clause == null) return (null, expansions);
        var selected = new List<string>();
        foreach (var item in clause.SelectedItems)
        {
            switch (item)
            {
                case PathSelectItem { SelectedPath.LastSegment: PropertySegment property }:
                    selected.Add(ColumnOf(property.Property.Name, table));
                    break;
                case ExpandedNavigationSelectItem { PathToNavigationProperty.LastSegment: NavigationPropertySegment segment } expand:
                    var navigation = table.Navigations[segment.NavigationProperty.Name];
                    if (navigation.ManyToMany != null) throw WebApiException.BadRequest($"$expand of the collection '{navigation.Name}' is not supported by the local organization: query {navigation.Target} instead.");
                    var (columns, nested) = SelectAndExpand(expand.SelectAndExpand, model.ByTable(navigation.Target)!, model);
                    if (nested.Count > 0) throw WebApiException.BadRequest("Nested $expand is not supported by the local organization.");
                    expansions.Add(new Expansion(navigation, columns));
                    break;
            }
        }
        return (selected.Count == 0 && clause.AllSelected ? null : selected, expansions);
    }

    /// <summary>A lookup's related row comes with the query as an outer link aliased by the navigation property; parties with their columns.</summary>
    private static void AddExpansion(QueryExpression query, WebApiTable table, Expansion expansion, WebApiModel model)
    {
        var navigation = expansion.Navigation;
        if (navigation.IsActivityParties)
        {
            foreach (var column in table.Definition.Columns.Where(c => c.Type == ColumnType.PartyList))
                if (!query.ColumnSet.AllColumns && !query.ColumnSet.Columns.Contains(column.LogicalName)) query.ColumnSet.AddColumn(column.LogicalName);
            return;
        }
        var target = model.ByTable(navigation.Target)!;
        var link = query.AddLink(target.LogicalName, navigation.Column!, target.Definition.PrimaryIdColumn, JoinOperator.LeftOuter);
        link.EntityAlias = navigation.Name;
        link.Columns = expansion.Columns == null ? new ColumnSet(true) : new ColumnSet([.. expansion.Columns.Append(target.Definition.PrimaryIdColumn).Distinct()]);
    }

    /// <summary>The related rows of a query result's $expand, from the aliased columns of its links.</summary>
    public static Dictionary<string, Entity?> Related(Entity row, IReadOnlyList<Expansion> expansions, WebApiModel model)
    {
        var related = new Dictionary<string, Entity?>(StringComparer.Ordinal);
        foreach (var expansion in expansions.Where(e => !e.Navigation.IsActivityParties))
        {
            var target = model.ByTable(expansion.Navigation.Target)!;
            var prefix = expansion.Navigation.Name + ".";
            var values = row.Attributes.Where(a => a.Key.StartsWith(prefix, StringComparison.Ordinal) && a.Value is AliasedValue).ToList();
            var id = values.Select(a => ((AliasedValue)a.Value!)).FirstOrDefault(v => v.AttributeLogicalName == target.Definition.PrimaryIdColumn)?.Value;
            if (id is not Guid key)
            {
                related[expansion.Navigation.Name] = null;
                continue;
            }
            var entity = new Entity(target.LogicalName, key);
            foreach (var (name, value) in values)
            {
                var aliased = (AliasedValue)value!;
                entity[aliased.AttributeLogicalName] = aliased.Value;
                if (row.FormattedValues.TryGetValue(name, out var formatted)) entity.FormattedValues[aliased.AttributeLogicalName] = formatted;
            }
            related[expansion.Navigation.Name] = entity;
        }
        return related;
    }

    // ---- $filter ----------------------------------------------------------------------------------------------------

    private static FilterExpression Filter(SingleValueNode node, WebApiTable table, bool negate)
    {
        switch (node)
        {
            case ConvertNode convert:
                return Filter(convert.Source, table, negate);
            case UnaryOperatorNode { OperatorKind: UnaryOperatorKind.Not } not:
                return Filter(not.Operand, table, !negate);
            case BinaryOperatorNode { OperatorKind: BinaryOperatorKind.And or BinaryOperatorKind.Or } logical:
                var and = logical.OperatorKind == BinaryOperatorKind.And ^ negate;
                var filter = new FilterExpression(and ? LogicalOperator.And : LogicalOperator.Or);
                foreach (var side in new[] { logical.Left, logical.Right })
                {
                    var child = Filter(side, table, negate);
                    if (child.FilterOperator == filter.FilterOperator)
                    {
                        filter.Conditions.AddRange(child.Conditions);
                        filter.Filters.AddRange(child.Filters);
                    }
                    else
                    {
                        filter.AddFilter(child);
                    }
                }
                return filter;
            case BinaryOperatorNode comparison:
                return Single(Comparison(comparison, table, negate));
            case SingleValueFunctionCallNode function:
                return Single(Function(function, table, negate));
            default:
                throw WebApiException.BadRequest($"The $filter expression {node.Kind} is not supported: compare properties with eq, ne, gt, ge, lt, le, combine with and, or, not, or use contains, startswith, endswith.");
        }
    }

    private static FilterExpression Single(ConditionExpression condition)
    {
        var filter = new FilterExpression(LogicalOperator.And);
        filter.AddCondition(condition);
        return filter;
    }

    private static ConditionExpression Comparison(BinaryOperatorNode node, WebApiTable table, bool negate)
    {
        var op = node.OperatorKind;
        var property = PropertyOf(node.Left);
        var constant = Unwrap(node.Right) as ConstantNode;
        if (property == null)
        {
            property = PropertyOf(node.Right);
            constant = Unwrap(node.Left) as ConstantNode;
            op = op switch
            {
                BinaryOperatorKind.GreaterThan => BinaryOperatorKind.LessThan,
                BinaryOperatorKind.GreaterThanOrEqual => BinaryOperatorKind.LessThanOrEqual,
                BinaryOperatorKind.LessThan => BinaryOperatorKind.GreaterThan,
                BinaryOperatorKind.LessThanOrEqual => BinaryOperatorKind.GreaterThanOrEqual,
                _ => op,
            };
        }
        if (property == null || constant == null) throw WebApiException.BadRequest("A $filter comparison takes a property of the table and a literal value.");
        var columnName = ColumnOf(property, table);
        var column = table.Column(columnName)!;
        if (constant.Value == null)
        {
            var isNull = op switch
            {
                BinaryOperatorKind.Equal => true,
                BinaryOperatorKind.NotEqual => false,
                _ => throw WebApiException.BadRequest($"null can only be compared with eq or ne ({property})."),
            };
            return new ConditionExpression(columnName, isNull ^ negate ? ConditionOperator.Null : ConditionOperator.NotNull);
        }
        var conditionOperator = op switch
        {
            BinaryOperatorKind.Equal => negate ? ConditionOperator.NotEqual : ConditionOperator.Equal,
            BinaryOperatorKind.NotEqual => negate ? ConditionOperator.Equal : ConditionOperator.NotEqual,
            BinaryOperatorKind.GreaterThan => negate ? ConditionOperator.LessEqual : ConditionOperator.GreaterThan,
            BinaryOperatorKind.GreaterThanOrEqual => negate ? ConditionOperator.LessThan : ConditionOperator.GreaterEqual,
            BinaryOperatorKind.LessThan => negate ? ConditionOperator.GreaterEqual : ConditionOperator.LessThan,
            BinaryOperatorKind.LessThanOrEqual => negate ? ConditionOperator.GreaterThan : ConditionOperator.LessEqual,
            _ => throw WebApiException.BadRequest($"The operator {op} is not supported in $filter."),
        };
        return new ConditionExpression(columnName, conditionOperator, Value(constant.Value, column, table));
    }

    private static ConditionExpression Function(SingleValueFunctionCallNode function, WebApiTable table, bool negate)
    {
        var arguments = function.Parameters.ToList();
        if (arguments.Count != 2 || PropertyOf(arguments[0] as SingleValueNode) is not { } property || Unwrap(arguments[1] as SingleValueNode) is not ConstantNode { Value: string text })
            throw WebApiException.BadRequest($"The function {function.Name} takes a text property and a text literal.");
        var escaped = LikeEscape(text);
        var pattern = function.Name switch
        {
            "contains" => "%" + escaped + "%",
            "startswith" => escaped + "%",
            "endswith" => "%" + escaped,
            _ => throw WebApiException.BadRequest($"The function {function.Name} is not supported in $filter: use contains, startswith or endswith."),
        };
        return new ConditionExpression(ColumnOf(property, table), negate ? ConditionOperator.NotLike : ConditionOperator.Like, pattern);
    }

    /// <summary>Wildcards in a literal match themselves (SQL LIKE brackets).</summary>
    private static string LikeEscape(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text) builder.Append(c is '%' or '_' or '[' ? "[" + c + "]" : c.ToString());
        return builder.ToString();
    }

    private static SingleValueNode? Unwrap(SingleValueNode? node) => node is ConvertNode convert ? Unwrap(convert.Source) : node;

    private static string? PropertyOf(SingleValueNode? node) => Unwrap(node) is SingleValuePropertyAccessNode access ? access.Property.Name : null;

    /// <summary>A property's column: <c>_x_value</c> is the lookup x.</summary>
    private static string ColumnOf(string property, WebApiTable table)
    {
        var column = property.Length > 7 && property[0] == '_' && property.EndsWith("_value", StringComparison.Ordinal) ? property[1..^6] : property;
        return table.Column(column) != null ? column : throw WebApiException.BadRequest($"Could not find a property named '{property}' on type '{WebApiModel.Namespace}.{table.LogicalName}'.");
    }

    /// <summary>A literal as the query engine compares it with the column (Guid for lookups, int for choices, decimal for money).</summary>
    private static object Value(object literal, ColumnDefinition column, WebApiTable table)
    {
        try
        {
            return column.Type switch
            {
                ColumnType.Lookup or ColumnType.Customer or ColumnType.Owner or ColumnType.PrimaryKey or ColumnType.Uniqueidentifier =>
                    literal is Guid id ? id : Guid.Parse(Convert.ToString(literal, CultureInfo.InvariantCulture)!),
                ColumnType.Integer or ColumnType.Picklist or ColumnType.State or ColumnType.Status => Convert.ToInt32(literal, CultureInfo.InvariantCulture),
                ColumnType.Decimal or ColumnType.Money => Convert.ToDecimal(literal, CultureInfo.InvariantCulture),
                ColumnType.Double => Convert.ToDouble(literal, CultureInfo.InvariantCulture),
                ColumnType.Boolean => Convert.ToBoolean(literal, CultureInfo.InvariantCulture),
                ColumnType.DateTime => literal switch
                {
                    DateTimeOffset offset => offset.UtcDateTime,
                    DateOnly date => date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
                    _ => Convert.ToDateTime(literal, CultureInfo.InvariantCulture),
                },
                _ => Convert.ToString(literal, CultureInfo.InvariantCulture)!,
            };
        }
        catch (Exception e) when (e is FormatException or InvalidCastException or OverflowException)
        {
            throw WebApiException.BadRequest($"The value '{literal}' can't be compared with '{column.LogicalName}' ({column.Type}) of '{table.LogicalName}'.");
        }
    }
}

/// <summary>
/// Dataverse's paging token, <c>&lt;cookie pagenumber="2" pagingcookie="…" istracking="False" /&gt;</c>: the
/// <c>$skiptoken</c> of an <c>@odata.nextLink</c> and FetchXML's <c>@Microsoft.Dynamics.CRM.fetchxmlpagingcookie</c>,
/// holding the SDK paging cookie URL-encoded twice.
/// </summary>
internal static class SkipToken
{
    public static string Write(int nextPage, string? pagingCookie) =>
        new XElement("cookie",
            new XAttribute("pagenumber", nextPage.ToString(CultureInfo.InvariantCulture)),
            new XAttribute("pagingcookie", Uri.EscapeDataString(Uri.EscapeDataString(pagingCookie ?? ""))),
            new XAttribute("istracking", "False")).ToString(SaveOptions.DisableFormatting);

    public static (int Page, string? PagingCookie) Read(string token)
    {
        try
        {
            var cookie = XElement.Parse(token);
            var page = int.Parse((string?)cookie.Attribute("pagenumber") ?? "1", NumberStyles.Integer, CultureInfo.InvariantCulture);
            var paging = (string?)cookie.Attribute("pagingcookie");
            return (page, string.IsNullOrEmpty(paging) ? null : Uri.UnescapeDataString(Uri.UnescapeDataString(paging)));
        }
        catch (Exception e) when (e is XmlException or FormatException or OverflowException)
        {
            throw WebApiException.BadRequest("The $skiptoken is not a paging cookie this server wrote.");
        }
    }
}
