using System.Collections;
using System.Globalization;
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
internal static class ConditionCompiler
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

    /// <summary>
    /// The range a date operator accepts, relative to the organization's UtcNow: [from, to] or [from, to).
    /// Day-based operators work on whole UTC days (Dataverse uses the user's time zone; the local organization uses UTC).
    /// </summary>
    private static (DateTime? From, DateTime? To, bool ToInclusive) DateRange(ConditionContext context, IReadOnlyList<object?> values, DateTime now)
    {
        var today = now.Date;
        switch (context.Operator)
        {
            case ConditionOperator.On:
            {
                var day = ((DateTime)Convert(context, values[0])).Date;
                return (day, day.AddDays(1), false);
            }
            case ConditionOperator.OnOrBefore:
                return (null, ((DateTime)Convert(context, values[0])).Date.AddDays(1), false);
            case ConditionOperator.OnOrAfter:
                return (((DateTime)Convert(context, values[0])).Date, null, false);
            case ConditionOperator.Today:
                return (today, today.AddDays(1), false);
            case ConditionOperator.Yesterday:
                return (today.AddDays(-1), today, false);
            case ConditionOperator.Tomorrow:
                return (today.AddDays(1), today.AddDays(2), false);
            case ConditionOperator.LastXHours:
                return (now.AddHours(-Count(context, values[0])), now, true);
            case ConditionOperator.NextXHours:
                return (now, now.AddHours(Count(context, values[0])), true);
            case ConditionOperator.LastXDays:
                // From the start of the day X days ago up to now.
                return (today.AddDays(-Count(context, values[0])), now, true);
            case ConditionOperator.NextXDays:
                // From now to the end of the day X days ahead.
                return (now, today.AddDays(Count(context, values[0]) + 1), false);
            case ConditionOperator.OlderThanXMinutes:
                return (null, now.AddMinutes(-Count(context, values[0])), false);
            case ConditionOperator.OlderThanXHours:
                return (null, now.AddHours(-Count(context, values[0])), false);
            case ConditionOperator.OlderThanXDays:
                // Before the start of the day X days ago.
                return (null, today.AddDays(-Count(context, values[0])), false);
            default:
                throw Faults.InvalidArgumentFault($"Condition for attribute '{context.Name}': the condition operator {context.Operator} is not supported.");
        }
    }

    private static IReadOnlyList<object?> ValuesOf(ConditionExpression condition)
    {
        if (condition.Operator is not (ConditionOperator.In or ConditionOperator.NotIn)) return condition.Values.ToArray();
        // In / NotIn: a collection passed as one value stands for its items.
        var values = new List<object?>();
        foreach (var value in condition.Values)
        {
            if (value is IEnumerable items and not string and not byte[])
                foreach (var item in items) values.Add(item);
            else
                values.Add(value);
        }
        return values;
    }

    private static void CheckArity(ConditionContext context, int count)
    {
        var (min, max, expectation) = context.Operator switch
        {
            ConditionOperator.Null or ConditionOperator.NotNull or ConditionOperator.Today or ConditionOperator.Yesterday
                or ConditionOperator.Tomorrow => (0, 0, "no values"),
            ConditionOperator.In or ConditionOperator.NotIn => (1, int.MaxValue, "at least 1 value"),
            ConditionOperator.Between or ConditionOperator.NotBetween => (2, 2, "exactly 2 values"),
            _ => (1, 1, "exactly 1 value"),
        };
        if (count < min || count > max)
            throw Faults.InvalidArgumentFault(
                $"Condition for attribute '{context.Name}': the {context.Operator} operator takes {expectation}, but {count} {(count == 1 ? "was" : "were")} given.");
    }

    private static void CheckApplicable(ConditionContext context)
    {
        var applicable = context.Operator switch
        {
            ConditionOperator.Null or ConditionOperator.NotNull => true,
            ConditionOperator.Like or ConditionOperator.NotLike or ConditionOperator.BeginsWith or ConditionOperator.DoesNotBeginWith
                or ConditionOperator.EndsWith or ConditionOperator.DoesNotEndWith => context.Kind == ValueKind.String,
            ConditionOperator.On or ConditionOperator.OnOrBefore or ConditionOperator.OnOrAfter or ConditionOperator.Today
                or ConditionOperator.Yesterday or ConditionOperator.Tomorrow or ConditionOperator.LastXHours or ConditionOperator.NextXHours
                or ConditionOperator.LastXDays or ConditionOperator.NextXDays or ConditionOperator.OlderThanXMinutes
                or ConditionOperator.OlderThanXHours or ConditionOperator.OlderThanXDays => context.Kind == ValueKind.DateTime,
            ConditionOperator.Equal or ConditionOperator.NotEqual or ConditionOperator.GreaterThan or ConditionOperator.GreaterEqual
                or ConditionOperator.LessThan or ConditionOperator.LessEqual or ConditionOperator.In or ConditionOperator.NotIn
                or ConditionOperator.Between or ConditionOperator.NotBetween => context.Kind != ValueKind.Unsupported,
            _ => throw Faults.InvalidArgumentFault(
                $"Condition for attribute '{context.Name}': the condition operator {context.Operator} is not supported by the local organization."),
        };
        if (!applicable)
            throw Faults.InvalidArgumentFault(
                $"Condition for attribute '{context.Name}': the {context.Operator} operator can't be used on a column of type {context.Column.Type}.");
    }

    /// <summary>A condition value as a scalar of the column's kind; the Dataverse fault for null or a value of the wrong type.</summary>
    private static object Convert(ConditionContext context, object? value)
    {
        if (value == null)
            throw Faults.InvalidArgumentFault(
                $"Condition for attribute '{context.Name}': null is not a valid value for an attribute. Use 'Null' or 'NotNull' conditions instead.");
        var converted = TryConvert(context.Kind, value);
        if (converted != null) return converted;
        throw Faults.InvalidArgumentFault(
            $"Condition for attribute '{context.Name}': expected argument(s) of type '{QueryValues.ExpectedConditionType(context.Column.Type).FullName}' but received '{value.GetType().FullName}'.");
    }

    private static object? TryConvert(ValueKind kind, object value)
    {
        var invariant = CultureInfo.InvariantCulture;
        try
        {
            switch (kind)
            {
                case ValueKind.Guid:
                    if (value is Guid guid) return guid;
                    return value is string guidText && Guid.TryParse(guidText, out var parsedGuid) ? parsedGuid : null;
                case ValueKind.String:
                    return value as string;
                case ValueKind.Number:
                    if (QueryValues.IsNumeric(value)) return System.Convert.ToDecimal(value, invariant);
                    return value is string numberText && decimal.TryParse(numberText, NumberStyles.Number, invariant, out var number) ? number : null;
                case ValueKind.Double:
                    if (QueryValues.IsNumeric(value)) return System.Convert.ToDouble(value, invariant);
                    return value is string doubleText && double.TryParse(doubleText, NumberStyles.Float, invariant, out var real) ? real : null;
                case ValueKind.Boolean:
                    return value switch
                    {
                        bool flag => flag,
                        _ when QueryValues.IsIntegral(value) => System.Convert.ToInt64(value, invariant) switch { 0 => false, 1 => true, _ => null },
                        string text when bool.TryParse(text, out var flag) => flag,
                        "0" => false,
                        "1" => true,
                        _ => null,
                    };
                case ValueKind.DateTime:
                    return value switch
                    {
                        DateTime date => QueryValues.ToUtc(date),
                        DateTimeOffset offset => offset.UtcDateTime,
                        string text when DateTime.TryParse(text, invariant, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date) =>
                            DateTime.SpecifyKind(date, DateTimeKind.Utc),
                        _ => null,
                    };
                case ValueKind.Option:
                    if (QueryValues.IsIntegral(value) || value is Enum) return System.Convert.ToInt32(value, invariant);
                    return value is string optionText && int.TryParse(optionText, NumberStyles.Integer, invariant, out var option) ? option : null;
                default:
                    return null;
            }
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    /// <summary>The X of LastXDays and the like: a whole number.</summary>
    private static int Count(ConditionContext context, object? value)
    {
        var invariant = CultureInfo.InvariantCulture;
        try
        {
            switch (value)
            {
                case null:
                    break;
                case string text when int.TryParse(text, NumberStyles.Integer, invariant, out var parsed):
                    return parsed;
                case var _ when QueryValues.IsIntegral(value):
                    return System.Convert.ToInt32(value, invariant);
            }
        }
        catch (OverflowException)
        {
        }
        throw Faults.InvalidArgumentFault(
            $"Condition for attribute '{context.Name}': the {context.Operator} operator expects a whole number (System.Int32), but received {(value == null ? "null" : $"'{value.GetType().FullName}'")}.");
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
