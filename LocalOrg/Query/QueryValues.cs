using System.Globalization;
using Microsoft.Xrm.Sdk;
using VoiceForD365.Solution.Model;

namespace VoiceForD365.LocalOrg.Query;

/// <summary>Value normalisation, comparison and copying shared by the query engine's parts.</summary>
internal static class QueryValues
{
    public static ValueKind KindOf(ColumnType type) => type switch
    {
        ColumnType.PrimaryKey or ColumnType.Uniqueidentifier or ColumnType.Lookup or ColumnType.Customer or ColumnType.Owner => ValueKind.Guid,
        ColumnType.String or ColumnType.Memo or ColumnType.EntityName => ValueKind.String,
        ColumnType.Integer or ColumnType.Decimal or ColumnType.Money => ValueKind.Number,
        ColumnType.Double => ValueKind.Double,
        ColumnType.Boolean => ValueKind.Boolean,
        ColumnType.DateTime => ValueKind.DateTime,
        ColumnType.Picklist or ColumnType.State or ColumnType.Status => ValueKind.Option,
        _ => ValueKind.Unsupported,
    };

    public static bool IsLookup(ColumnType type) => type is ColumnType.Lookup or ColumnType.Customer or ColumnType.Owner;

    public static bool IsOption(ColumnType type) => type is ColumnType.Picklist or ColumnType.State or ColumnType.Status;

    /// <summary>The CLR type Dataverse expects as a condition value for a column of this type (used in fault messages).</summary>
    public static Type ExpectedConditionType(ColumnType type) => type switch
    {
        ColumnType.Integer or ColumnType.Picklist or ColumnType.State or ColumnType.Status => typeof(int),
        ColumnType.Decimal or ColumnType.Money => typeof(decimal),
        ColumnType.Double => typeof(double),
        ColumnType.Boolean => typeof(bool),
        ColumnType.DateTime => typeof(DateTime),
        ColumnType.String or ColumnType.Memo or ColumnType.EntityName => typeof(string),
        _ => typeof(Guid),
    };

    public static DateTime ToUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };

    public static bool IsNumeric(object value) =>
        value is int or long or short or byte or sbyte or ushort or uint or ulong or decimal or double or float;

    public static bool IsIntegral(object value) => value is int or long or short or byte or sbyte or ushort or uint or ulong;

    /// <summary>A stored value as a comparable scalar of <paramref name="kind"/>; null stays null.</summary>
    public static object? Normalize(object? value, ValueKind kind)
    {
        switch (value)
        {
            case null:
                return null;
            case EntityReference reference:
                return reference.Id;
            case OptionSetValue option:
                return option.Value;
            case Money money:
                return money.Value;
            case AliasedValue aliased:
                return Normalize(aliased.Value, kind);
            case DateTime date:
                return ToUtc(date);
            case DateTimeOffset offset:
                return offset.UtcDateTime;
        }
        try
        {
            return kind switch
            {
                ValueKind.Number when IsNumeric(value) => Convert.ToDecimal(value, CultureInfo.InvariantCulture),
                ValueKind.Double when IsNumeric(value) => Convert.ToDouble(value, CultureInfo.InvariantCulture),
                ValueKind.Option when IsIntegral(value) => Convert.ToInt32(value, CultureInfo.InvariantCulture),
                _ => value,
            };
        }
        catch (OverflowException)
        {
            return value;
        }
    }

    /// <summary>Orders two non-null normalised scalars; strings case-insensitively.</summary>
    public static int Compare(object a, object b)
    {
        if (a is string sa && b is string sb) return string.Compare(sa, sb, StringComparison.OrdinalIgnoreCase);
        if (a.GetType() == b.GetType() && a is IComparable comparable) return comparable.CompareTo(b);
        if (IsNumeric(a) && IsNumeric(b))
        {
            try
            {
                return Convert.ToDecimal(a, CultureInfo.InvariantCulture).CompareTo(Convert.ToDecimal(b, CultureInfo.InvariantCulture));
            }
            catch (OverflowException)
            {
                return Convert.ToDouble(a, CultureInfo.InvariantCulture).CompareTo(Convert.ToDouble(b, CultureInfo.InvariantCulture));
            }
        }
        return string.Compare(Convert.ToString(a, CultureInfo.InvariantCulture), Convert.ToString(b, CultureInfo.InvariantCulture), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Orders two sort keys; null first (as SQL Server sorts ascending).</summary>
    public static int CompareNullable(object? a, object? b)
    {
        if (a == null) return b == null ? 0 : -1;
        if (b == null) return 1;
        return Compare(a, b);
    }

    /// <summary>The key under which a join column's value is matched (null: the row joins nothing).</summary>
    public static object? JoinKey(object? value) => value switch
    {
        null => null,
        EntityReference reference => reference.Id,
        OptionSetValue option => (decimal)option.Value,
        Money money => money.Value,
        string text => text.ToUpperInvariant(),
        DateTime date => ToUtc(date),
        DateTimeOffset offset => offset.UtcDateTime,
        decimal number => number,
        double number => number,
        float number => (double)number,
        _ when IsIntegral(value) => Convert.ToDecimal(value, CultureInfo.InvariantCulture),
        _ => value,
    };

    /// <summary>A representation of a value for DISTINCT: equal values (case-insensitive text) give equal strings.</summary>
    public static string DistinctRepresentation(object? value) => value switch
    {
        null => "N",
        EntityReference reference => "R" + reference.Id.ToString("N"),
        OptionSetValue option => "O" + option.Value.ToString(CultureInfo.InvariantCulture),
        Money money => "M" + money.Value.ToString(CultureInfo.InvariantCulture),
        AliasedValue aliased => DistinctRepresentation(aliased.Value),
        string text => "S" + text.ToUpperInvariant(),
        DateTime date => "D" + ToUtc(date).Ticks.ToString(CultureInfo.InvariantCulture),
        Guid guid => "G" + guid.ToString("N"),
        IFormattable formattable => "F" + formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => "X" + value,
    };

    /// <summary>The id of a stored row: Entity.Id, or the primary id attribute when Id is empty.</summary>
    public static Guid IdOf(Entity row, string primaryIdColumn)
    {
        if (row.Id != Guid.Empty) return row.Id;
        return row.Attributes.TryGetValue(primaryIdColumn, out var value) && value is Guid id ? id : Guid.Empty;
    }
}
