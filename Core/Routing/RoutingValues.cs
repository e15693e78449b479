using System;
using System.Globalization;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Metadata;

namespace VoiceForD365.Core.Routing
{
    /// <summary>
    /// How a condition's text value is read for each kind of column, and compared with what Dataverse returns. One
    /// place for both, so the validation plug-in accepts exactly the values the routing service can compare.
    /// </summary>
    public static class RoutingValues
    {
        /// <summary>What the value of a condition on a column of this type must look like; null when conditions can't use the type.</summary>
        public static string? ExpectedValue(AttributeTypeCode type)
        {
            switch (type)
            {
                case AttributeTypeCode.String:
                case AttributeTypeCode.Memo:
                case AttributeTypeCode.EntityName:
                    return "text";
                case AttributeTypeCode.Integer:
                case AttributeTypeCode.BigInt:
                    return "a whole number";
                case AttributeTypeCode.Decimal:
                case AttributeTypeCode.Double:
                case AttributeTypeCode.Money:
                    return "a number (with a . for decimals)";
                case AttributeTypeCode.Boolean:
                    return "true or false (also yes/no, 1/0)";
                case AttributeTypeCode.Picklist:
                case AttributeTypeCode.State:
                case AttributeTypeCode.Status:
                    return "the value of one of its choices, a whole number such as 1 (not its label)";
                case AttributeTypeCode.Lookup:
                case AttributeTypeCode.Customer:
                case AttributeTypeCode.Owner:
                case AttributeTypeCode.Uniqueidentifier:
                    return "the id (GUID) of a record";
                default:
                    return null;
            }
        }

        /// <summary>Whether <paramref name="value"/> is a value of the column type's kind (see <see cref="ExpectedValue"/>).</summary>
        public static bool Fits(AttributeTypeCode type, string value)
        {
            switch (type)
            {
                case AttributeTypeCode.String:
                case AttributeTypeCode.Memo:
                case AttributeTypeCode.EntityName:
                    return true;
                case AttributeTypeCode.Integer:
                case AttributeTypeCode.BigInt:
                case AttributeTypeCode.Picklist:
                case AttributeTypeCode.State:
                case AttributeTypeCode.Status:
                    return long.TryParse(value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out _);
                case AttributeTypeCode.Decimal:
                case AttributeTypeCode.Double:
                case AttributeTypeCode.Money:
                    return TryNumber(value, out _);
                case AttributeTypeCode.Boolean:
                    return TryBoolean(value, out _);
                case AttributeTypeCode.Lookup:
                case AttributeTypeCode.Customer:
                case AttributeTypeCode.Owner:
                case AttributeTypeCode.Uniqueidentifier:
                    return Guid.TryParse(value.Trim(), out _);
                default:
                    return false;
            }
        }

        /// <summary>Whether the column type holds text, the only kind <see cref="RuleOperator.Contains"/> applies to.</summary>
        public static bool IsText(AttributeTypeCode type) =>
            type == AttributeTypeCode.String || type == AttributeTypeCode.Memo || type == AttributeTypeCode.EntityName;

        /// <summary>
        /// Whether a value Dataverse returned (text, choice, yes/no, number, money, lookup, id; aliased or not) equals
        /// the condition's text: text ignoring case and surrounding spaces, choices by their value, lookups by id.
        /// </summary>
        public static bool AreEqual(object value, string expected)
        {
            if (value is AliasedValue aliased) value = aliased.Value!;
            switch (value)
            {
                case string text:
                    return string.Equals(text.Trim(), expected.Trim(), StringComparison.OrdinalIgnoreCase);
                case OptionSetValue option:
                    return long.TryParse(expected.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var choice) && option.Value == choice;
                case bool flag:
                    return TryBoolean(expected, out var expectedFlag) && flag == expectedFlag;
                case int whole:
                    return TryNumber(expected, out var n1) && n1 == whole;
                case long big:
                    return TryNumber(expected, out var n2) && n2 == big;
                case decimal number:
                    return TryNumber(expected, out var n3) && n3 == number;
                case double real:
                    return TryNumber(expected, out var n4) && n4 == (decimal)real;
                case Money money:
                    return TryNumber(expected, out var n5) && n5 == money.Value;
                case EntityReference reference:
                    return Guid.TryParse(expected.Trim(), out var id) && id == reference.Id;
                case Guid guid:
                    return Guid.TryParse(expected.Trim(), out var other) && other == guid;
                default:
                    return false;
            }
        }

        /// <summary>No value: null, or text that is empty or spaces only.</summary>
        public static bool IsEmpty(object? value)
        {
            if (value is AliasedValue aliased) value = aliased.Value;
            return value == null || (value is string text && text.Trim().Length == 0);
        }

        /// <summary>The value as text when it is text (aliased or not); else null.</summary>
        public static string? AsText(object? value) => (value is AliasedValue aliased ? aliased.Value : value) as string;

        private static bool TryNumber(string text, out decimal number) =>
            decimal.TryParse(text.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out number);

        private static bool TryBoolean(string text, out bool value)
        {
            switch (text.Trim().ToLowerInvariant())
            {
                case "true":
                case "yes":
                case "1":
                    value = true;
                    return true;
                case "false":
                case "no":
                case "0":
                    value = false;
                    return true;
                default:
                    value = false;
                    return false;
            }
        }
    }
}
