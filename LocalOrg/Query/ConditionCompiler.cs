using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using VoiceForD365.Solution.Model;

namespace VoiceForD365.LocalOrg.Query;

/// <summary>
/// Turns filters into predicates over joined rows, validating them the way Dataverse does (unknown columns, value
/// counts and types). SQL null semantics: a missing or null value matches only Null.
/// </summary>
internal static partial class ConditionCompiler
{
    /// <summary>Null when the filter constrains nothing (an empty filter is ignored whatever its operator, as in Dataverse).</summary>
    public static Func<Entity?[], bool>? CompileFilter(FilterExpression? filter, QueryScope scope, int defaultSlot, int maxSlot)
    {
        if (filter == null) return null;
        if (filter.FilterOperator is not (LogicalOperator.And or LogicalOperator.Or))
            throw Faults.InvalidArgumentFault($"The filter operator {(int)filter.FilterOperator} is not valid: use And or Or.");
        var parts = new List<Func<Entity?[], bool>>();
        foreach (var condition in filter.Conditions)
        {
            if (condition == null) throw Faults.InvalidArgumentFault("A filter holds a null ConditionExpression.");
            parts.Add(CompileCondition(condition, scope, defaultSlot, maxSlot));
        }
        foreach (var child in filter.Filters)
        {
            if (child == null) throw Faults.InvalidArgumentFault("A filter holds a null FilterExpression.");
            if (CompileFilter(child, scope, defaultSlot, maxSlot) is { } compiled) parts.Add(compiled);
        }
        if (parts.Count == 0) return null;
        if (parts.Count == 1) return parts[0];
        var all = parts.ToArray();
        if (filter.FilterOperator == LogicalOperator.Or)
            return row =>
            {
                foreach (var part in all)
                    if (part(row)) return true;
                return false;
            };
        return row =>
        {
            foreach (var part in all)
                if (!part(row)) return false;
            return true;
        };
    }

    public static Func<Entity?[], bool> CompileCondition(ConditionExpression condition, QueryScope scope, int defaultSlot, int maxSlot)
    {
        var slotIndex = scope.Resolve(condition.EntityName, defaultSlot, maxSlot);
        var slot = scope.Slots[slotIndex];
        if (string.IsNullOrEmpty(condition.AttributeName)) throw Faults.InvalidArgumentFault("A condition has no AttributeName.");
        var column = slot.Column(condition.AttributeName);
        var context = new ConditionContext(condition.Operator, column, $"{slot.TableName}.{column.LogicalName}");
        var values = ValuesOf(condition);
        CheckApplicable(context);
        CheckArity(context, values.Count);

        var kind = context.Kind;
        var columnName = column.LogicalName;
        object? Get(Entity?[] row)
        {
            var stored = row[slotIndex];
            return stored == null ? null : QueryValues.Normalize(slot.Get(stored, columnName), kind);
        }

        switch (condition.Operator)
        {
            case ConditionOperator.Null:
                return row => Get(row) == null;
            case ConditionOperator.NotNull:
                return row => Get(row) != null;
            case ConditionOperator.Equal:
            {
                var value = Convert(context, values[0]);
                return row => Get(row) is { } x && QueryValues.Compare(x, value) == 0;
            }
            case ConditionOperator.NotEqual:
            {
                var value = Convert(context, values[0]);
                return row => Get(row) is { } x && QueryValues.Compare(x, value) != 0;
            }
            case ConditionOperator.GreaterThan:
            {
                var value = Convert(context, values[0]);
                return row => Get(row) is { } x && QueryValues.Compare(x, value) > 0;
            }
            case ConditionOperator.GreaterEqual:
            {
                var value = Convert(context, values[0]);
                return row => Get(row) is { } x && QueryValues.Compare(x, value) >= 0;
            }
            case ConditionOperator.LessThan:
            {
                var value = Convert(context, values[0]);
                return row => Get(row) is { } x && QueryValues.Compare(x, value) < 0;
            }
            case ConditionOperator.LessEqual:
            {
                var value = Convert(context, values[0]);
                return row => Get(row) is { } x && QueryValues.Compare(x, value) <= 0;
            }
            case ConditionOperator.In:
            {
                var set = new HashSet<object>(values.Select(v => Convert(context, v)), ScalarEqualityComparer.Instance);
                return row => Get(row) is { } x && set.Contains(x);
            }
            case ConditionOperator.NotIn:
            {
                var set = new HashSet<object>(values.Select(v => Convert(context, v)), ScalarEqualityComparer.Instance);
                return row => Get(row) is { } x && !set.Contains(x);
            }
            case ConditionOperator.Between:
            {
                var low = Convert(context, values[0]);
                var high = Convert(context, values[1]);
                return row => Get(row) is { } x && QueryValues.Compare(x, low) >= 0 && QueryValues.Compare(x, high) <= 0;
            }
            case ConditionOperator.NotBetween:
            {
                var low = Convert(context, values[0]);
                var high = Convert(context, values[1]);
                return row => Get(row) is { } x && (QueryValues.Compare(x, low) < 0 || QueryValues.Compare(x, high) > 0);
            }
            case ConditionOperator.Like:
            {
                var regex = LikeRegex((string)Convert(context, values[0]));
                return row => Get(row) is string x && regex.IsMatch(x);
            }
            case ConditionOperator.NotLike:
            {
                var regex = LikeRegex((string)Convert(context, values[0]));
                return row => Get(row) is string x && !regex.IsMatch(x);
            }
            case ConditionOperator.BeginsWith:
            {
                var text = (string)Convert(context, values[0]);
                return row => Get(row) is string x && x.StartsWith(text, StringComparison.OrdinalIgnoreCase);
            }
            case ConditionOperator.DoesNotBeginWith:
            {
                var text = (string)Convert(context, values[0]);
                return row => Get(row) is string x && !x.StartsWith(text, StringComparison.OrdinalIgnoreCase);
            }
            case ConditionOperator.EndsWith:
            {
                var text = (string)Convert(context, values[0]);
                return row => Get(row) is string x && x.EndsWith(text, StringComparison.OrdinalIgnoreCase);
            }
            case ConditionOperator.DoesNotEndWith:
            {
                var text = (string)Convert(context, values[0]);
                return row => Get(row) is string x && !x.EndsWith(text, StringComparison.OrdinalIgnoreCase);
            }
            default:
            {
                var (from, to, toInclusive) = DateRange(context, values, scope.UtcNow);
                return row =>
                {
                    if (Get(row) is not DateTime x) return false;
                    if (from is { } f && x < f) return false;
                    if (to is { } t && (toInclusive ? x > t : x >= t)) return false;
                    return true;
                };
            }
        }
    }

    /// <summary>SQL LIKE (case-insensitive): % any run, _ one character, [abc] / [a-c] / [^abc] character classes.</summary>
    internal static Regex LikeRegex(string pattern)
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            switch (c)
            {
                case '%':
                    regex.Append(".*");
                    break;
                case '_':
                    regex.Append('.');
                    break;
                case '[':
                    var close = pattern.IndexOf(']', i + 1);
                    if (close < 0)
                    {
                        regex.Append(@"\[");
                        break;
                    }
                    var content = pattern.Substring(i + 1, close - i - 1);
                    regex.Append('[');
                    var start = 0;
                    if (content.StartsWith('^') && content.Length > 1)
                    {
                        regex.Append('^');
                        start = 1;
                    }
                    for (var j = start; j < content.Length; j++)
                    {
                        var member = content[j];
                        regex.Append(member switch
                        {
                            '\\' => @"\\",
                            '[' => @"\[",
                            '^' => @"\^",
                            _ => member.ToString(),
                        });
                    }
                    regex.Append(']');
                    i = close;
                    break;
                default:
                    regex.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }
        regex.Append('$');
        return new Regex(regex.ToString(), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline);
    }

    private sealed record ConditionContext(ConditionOperator Operator, ColumnDefinition Column, string Name)
    {
        public ValueKind Kind { get; } = QueryValues.KindOf(Column.Type);
    }

    /// <summary>Equality of normalised scalars, case-insensitive for text.</summary>
    private sealed class ScalarEqualityComparer : IEqualityComparer<object>
    {
        public static readonly ScalarEqualityComparer Instance = new();

        public new bool Equals(object? x, object? y) => x != null && y != null && QueryValues.Compare(x, y) == 0;

        public int GetHashCode(object obj) => obj is string text ? StringComparer.OrdinalIgnoreCase.GetHashCode(text) : obj.GetHashCode();
    }
}
