using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using VoiceForD365.Core.Schema;

namespace VoiceForD365.Core.Settings
{
    /// <summary>
    /// Reads Voice for D365 settings (vfd_voicesetting records) by name. A setting that is missing, deactivated or
    /// empty has no value: the caller falls back to its default. One request per read; callers that read often cache.
    /// </summary>
    public sealed class VoiceSettings
    {
        /// <summary>
        /// The columns a setting's text is read from, in the order they are read: the first that isn't empty is the value.
        /// The setting validation checks each of them with the setting's rule.
        /// </summary>
        public static readonly IReadOnlyList<string> ValueColumns = new[] { VoiceSetting.Value, VoiceSetting.LongValue };

        private static readonly ColumnSet Columns = new ColumnSet(VoiceSetting.Value, VoiceSetting.LongValue, VoiceSetting.StateCode);

        private readonly IOrganizationService _service;
        private readonly Action<string> _trace;

        public VoiceSettings(IOrganizationService service, Action<string>? trace = null)
        {
            _service = service ?? throw new ArgumentNullException(nameof(service));
            _trace = trace ?? (_ => { });
        }

        /// <summary>
        /// The setting's text: its Value, or its Long Value when Value is empty, trimmed. Null when no active setting
        /// has the name or its value is empty.
        /// </summary>
        public string? GetString(string name)
        {
            if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("A setting name is required.", nameof(name));
            var query = new QueryExpression(VoiceSetting.EntityName) { ColumnSet = Columns, TopCount = 1 };
            query.Criteria.AddCondition(VoiceSetting.Name, ConditionOperator.Equal, name);
            var rows = _service.RetrieveMultiple(query).Entities;
            if (rows.Count == 0)
            {
                _trace("Setting " + name + ": not found, the default applies.");
                return null;
            }
            var row = rows[0];
            var state = row.GetAttributeValue<OptionSetValue>(VoiceSetting.StateCode)?.Value ?? VoiceSetting.StateActive;
            if (state != VoiceSetting.StateActive)
            {
                _trace("Setting " + name + ": inactive, the default applies.");
                return null;
            }
            var value = TextOf(row);
            _trace("Setting " + name + (value == null ? ": empty, the default applies." : ": set."));
            return value;
        }

        /// <summary>The text of a vfd_voicesetting row read with <see cref="ValueColumns"/>: the first of them that isn't empty, trimmed; null when all are empty.</summary>
        public static string? TextOf(Entity row)
        {
            if (row == null) throw new ArgumentNullException(nameof(row));
            foreach (var column in ValueColumns)
            {
                var text = NonEmpty(row.GetAttributeValue<string>(column));
                if (text != null) return text;
            }
            return null;
        }

        private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text!.Trim();
    }
}
