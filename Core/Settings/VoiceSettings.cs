using System;
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
            var value = NonEmpty(row.GetAttributeValue<string>(VoiceSetting.Value)) ?? NonEmpty(row.GetAttributeValue<string>(VoiceSetting.LongValue));
            _trace("Setting " + name + (value == null ? ": empty, the default applies." : ": set."));
            return value;
        }

        private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text!.Trim();
    }
}
