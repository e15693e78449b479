using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace VoiceForD365.Core.Data
{
    /// <summary>
    /// A QueryExpression run over rows held in memory, as a virtual table's data provider runs the query Dataverse
    /// passes it when the external system cannot filter: the conditions (nested and/or filters; text compared as
    /// Dataverse's collation does, ignoring case), the orders (then the id, so pages are stable), the top count and
    /// paging (page number and size; the total count when asked). Text sorts as the invariant culture orders it, ignoring case. Joins and other operators are refused, with a message
    /// that says what the table can do.
    /// </summary>
    public static class InMemoryQuery
    {
        private static readonly ConditionOperator[] Supported =
        {
            ConditionOperator.Equal, ConditionOperator.NotEqual, ConditionOperator.Like, ConditionOperator.NotLike,
            ConditionOperator.BeginsWith, ConditionOperator.DoesNotBeginWith, ConditionOperator.EndsWith, ConditionOperator.DoesNotEndWith,
            ConditionOperator.In, ConditionOperator.NotIn, ConditionOperator.Null, ConditionOperator.NotNull,
        };

        /// <summary>Dataverse's largest page, and the page size when the query gives none.</summary>
        public const int MaxPageSize = 5000;

        /// <summary>The page of <paramref name="rows"/> (all of one table, each with its id set) that <paramref name="query"/> asks for.</summary>
        /// <param name="tableName">The table's display name, for messages ("the Callback List table").</param>
        /// <exception cref="UnsupportedQueryException">The query joins, or uses an operator or a column the table can't filter or sort on.</exception>
        public static EntityCollection Run(QueryExpression query, IEnumerable<Entity> rows, string tableName, ICollection<string> columns)
        {
            if (query == null) throw new ArgumentNullException(nameof(query));
            if (rows == null) throw new ArgumentNullException(nameof(rows));
            if (columns == null) throw new ArgumentNullException(nameof(columns));
            if (query.LinkEntities.Count > 0)
                throw new UnsupportedQueryException("The " + tableName + " table can't be joined with " + query.LinkEntities[0].LinkToEntityName + ": its rows come from outside Dynamics 365. Query it on its own.");

            var matching = rows.Where(row => Matches(query.Criteria, row, tableName, columns)).ToList();
            var ordered = Order(matching, query.Orders, tableName, columns);
            if (query.TopCount is int top) ordered = ordered.Take(top).ToList();

            var size = query.PageInfo != null && query.PageInfo.Count > 0 ? Math.Min(query.PageInfo.Count, MaxPageSize) : MaxPageSize;
            var page = query.PageInfo != null && query.PageInfo.PageNumber > 1 ? query.PageInfo.PageNumber : 1;
            var collection = new EntityCollection(ordered.Skip((page - 1) * size).Take(size).ToList())
            {
                EntityName = query.EntityName,
                MoreRecords = ordered.Count > page * size,
            };
            if (query.PageInfo != null && query.PageInfo.ReturnTotalRecordCount) collection.TotalRecordCount = ordered.Count;
            return collection;
        }

        private static bool Matches(FilterExpression? filter, Entity row, string tableName, ICollection<string> columns)
        {
            if (filter == null) return true;
            var results = filter.Conditions.Select(c => Matches(c, row, tableName, columns))
                .Concat(filter.Filters.Select(f => Matches(f, row, tableName, columns)));
            return filter.FilterOperator == LogicalOperator.Or ? !filter.Conditions.Any() && !filter.Filters.Any() || results.Any(r => r) : results.All(r => r);
        }

        private static bool Matches(ConditionExpression condition, Entity row, string tableName, ICollection<string> columns)
        {
            if (!columns.Contains(condition.AttributeName))
                throw new UnsupportedQueryException("The " + tableName + " table has no column " + condition.AttributeName + " to filter on; it has " + string.Join(", ", columns) + ".");
            if (!Supported.Contains(condition.Operator))
                throw new UnsupportedQueryException("The " + tableName + " table can't filter " + condition.AttributeName + " with the operator " + condition.Operator +
                    "; it filters with " + string.Join(", ", Supported) + ".");
            var value = Text(row, condition.AttributeName);
            var values = condition.Values.Select(v => Text(v)).ToList();
            switch (condition.Operator)
            {
                case ConditionOperator.Null: return value == null;
                case ConditionOperator.NotNull: return value != null;
                case ConditionOperator.In: return value != null && values.Any(v => Same(value, v));
                case ConditionOperator.NotIn: return value != null && !values.Any(v => Same(value, v));
            }
            if (values.Count != 1)
                throw new UnsupportedQueryException("The condition " + condition.Operator + " on " + condition.AttributeName + " of the " + tableName + " table takes one value, not " + values.Count.ToString(CultureInfo.InvariantCulture) + ".");
            var expected = values[0];
            if (value == null || expected == null) return false;
            switch (condition.Operator)
            {
                case ConditionOperator.Equal: return Same(value, expected);
                case ConditionOperator.NotEqual: return !Same(value, expected);
                case ConditionOperator.Like: return Like(expected).IsMatch(value);
                case ConditionOperator.NotLike: return !Like(expected).IsMatch(value);
                case ConditionOperator.BeginsWith: return value.StartsWith(expected, StringComparison.OrdinalIgnoreCase);
                case ConditionOperator.DoesNotBeginWith: return !value.StartsWith(expected, StringComparison.OrdinalIgnoreCase);
                case ConditionOperator.EndsWith: return value.EndsWith(expected, StringComparison.OrdinalIgnoreCase);
                default: return !value.EndsWith(expected, StringComparison.OrdinalIgnoreCase);
            }
        }

        private static List<Entity> Order(List<Entity> rows, IEnumerable<OrderExpression> orders, string tableName, ICollection<string> columns)
        {
            IOrderedEnumerable<Entity>? ordered = null;
            foreach (var order in orders)
            {
                if (!columns.Contains(order.AttributeName))
                    throw new UnsupportedQueryException("The " + tableName + " table has no column " + order.AttributeName + " to sort on; it has " + string.Join(", ", columns) + ".");
                Func<Entity, string> key = row => Text(row, order.AttributeName) ?? "";
                var descending = order.OrderType == OrderType.Descending;
                ordered = ordered == null
                    ? (descending ? rows.OrderByDescending(key, StringComparer.InvariantCultureIgnoreCase) : rows.OrderBy(key, StringComparer.InvariantCultureIgnoreCase))
                    : (descending ? ordered.ThenByDescending(key, StringComparer.InvariantCultureIgnoreCase) : ordered.ThenBy(key, StringComparer.InvariantCultureIgnoreCase));
            }
            return (ordered == null ? rows.OrderBy(r => 0) : ordered).ThenBy(r => r.Id).ToList();
        }

        /// <summary>A value as the text it is compared by: ids in Dataverse's form, text as it is.</summary>
        private static string? Text(Entity row, string column) =>
            column == null ? null : row.Attributes.TryGetValue(column, out var value) ? Text(value) : null;

        private static string? Text(object? value)
        {
            switch (value)
            {
                case null: return null;
                case Guid id: return id.ToString("D", CultureInfo.InvariantCulture);
                case EntityReference reference: return reference.Id.ToString("D", CultureInfo.InvariantCulture);
                case string text: return Guid.TryParse(text, out var parsed) ? parsed.ToString("D", CultureInfo.InvariantCulture) : text;
                default: return Convert.ToString(value, CultureInfo.InvariantCulture);
            }
        }

        private static bool Same(string value, string? expected) => string.Equals(value, expected, StringComparison.OrdinalIgnoreCase);

        /// <summary>SQL's LIKE pattern as a regular expression: % any text, _ one character, [abc] and [^abc] one of (or none of) them.</summary>
        private static Regex Like(string pattern)
        {
            var regex = new StringBuilder("^");
            for (var i = 0; i < pattern.Length; i++)
            {
                var c = pattern[i];
                var close = c == '[' ? pattern.IndexOf(']', i + 1) : -1;
                if (c == '%') regex.Append(".*");
                else if (c == '_') regex.Append('.');
                else if (close > i + 1)
                {
                    var set = pattern.Substring(i + 1, close - i - 1);
                    var negated = set[0] == '^' && set.Length > 1;
                    regex.Append('[').Append(negated ? "^" : "").Append(Regex.Escape(negated ? set.Substring(1) : set)).Append(']');
                    i = close;
                }
                else regex.Append(Regex.Escape(c.ToString()));
            }
            return new Regex(regex.Append('$').ToString(), RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant);
        }
    }
}
