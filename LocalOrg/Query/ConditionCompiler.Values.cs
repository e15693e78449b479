using System.Collections;
using System.Globalization;
using Microsoft.Xrm.Sdk.Query;

namespace VoiceForD365.LocalOrg.Query;

// Condition values: how many an operator takes, whether it applies to the column, and each value converted to the column's kind (Dataverse's faults otherwise).
internal static partial class ConditionCompiler
{
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
}
