using Microsoft.Xrm.Sdk.Query;

namespace VoiceForD365.LocalOrg.Query;

// Date operators: the range each accepts, relative to the organization's clock.
internal static partial class ConditionCompiler
{
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
}
