using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using VoiceForD365.Core.Data;
using VoiceForD365.Core.Schema;

namespace VoiceForD365.Core.Settings
{
    /// <summary>
    /// The values (Value, Long Value) of every vfd_voicesetting record at one moment. The package takes one before an
    /// upgrade and restores it afterwards: the configuration data import updates existing settings to the shipped
    /// defaults (the Configuration Migration tool updates records it finds), while an administrator's values must
    /// survive an upgrade. Groups and descriptions are the package's and stay as imported; settings new in the package
    /// keep their defaults; settings of the administrator's own are not touched by the import, so restoring them is a no-op.
    /// </summary>
    public sealed class SettingValuesSnapshot
    {
        private readonly Dictionary<string, SavedValue> _values;

        private SettingValuesSnapshot(Dictionary<string, SavedValue> values) => _values = values;

        /// <summary>Number of settings in the snapshot.</summary>
        public int Count => _values.Count;

        /// <summary>A snapshot with no setting (first installation: the table does not exist yet).</summary>
        public static SettingValuesSnapshot Empty() => new SettingValuesSnapshot(new Dictionary<string, SavedValue>(StringComparer.OrdinalIgnoreCase));

        /// <summary>Reads every setting (paged).</summary>
        public static SettingValuesSnapshot Take(IOrganizationService service)
        {
            if (service == null) throw new ArgumentNullException(nameof(service));
            var values = new Dictionary<string, SavedValue>(StringComparer.OrdinalIgnoreCase);
            foreach (var row in service.RetrieveAll(Query()))
            {
                var name = row.GetAttributeValue<string>(VoiceSetting.Name);
                if (string.IsNullOrEmpty(name) || values.ContainsKey(name)) continue;
                values.Add(name, new SavedValue(row.GetAttributeValue<string>(VoiceSetting.Value), row.GetAttributeValue<string>(VoiceSetting.LongValue)));
            }
            return new SettingValuesSnapshot(values);
        }

        /// <summary>"Name = 'value'" for every saved setting, by name (values cut at SettingText.QuotedLength characters): for a log to restore from by hand.</summary>
        public IEnumerable<string> Describe()
        {
            foreach (var pair in _values.OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase))
                yield return pair.Key + " = " + SettingText.Quote(pair.Value.Value) + (string.IsNullOrEmpty(pair.Value.LongValue) ? "" : ", long value " + SettingText.Quote(pair.Value.LongValue));
        }

        /// <summary>The saved value of a setting; null when it was not in the snapshot or had no value.</summary>
        public string? ValueOf(string name) => _values.TryGetValue(name, out var saved) ? saved.Value : null;

        /// <summary>
        /// Writes the saved Value and Long Value back to every setting whose current ones differ. A setting that can't be
        /// written back (for example a value the setting validation now refuses) is reported and the others are still
        /// restored; the report carries the saved value so that an administrator can put it back by hand.
        /// </summary>
        public SettingRestoreReport Restore(IOrganizationService service)
        {
            if (service == null) throw new ArgumentNullException(nameof(service));
            var report = new SettingRestoreReport();
            foreach (var row in service.RetrieveAll(Query()))
            {
                var name = row.GetAttributeValue<string>(VoiceSetting.Name);
                if (string.IsNullOrEmpty(name) || !_values.TryGetValue(name, out var saved)) continue;
                var value = row.GetAttributeValue<string>(VoiceSetting.Value);
                var longValue = row.GetAttributeValue<string>(VoiceSetting.LongValue);
                if (Same(value, saved.Value) && Same(longValue, saved.LongValue))
                {
                    report.Unchanged.Add(name);
                    continue;
                }
                try
                {
                    service.Update(new Entity(VoiceSetting.EntityName, row.Id)
                    {
                        [VoiceSetting.Value] = saved.Value,
                        [VoiceSetting.LongValue] = saved.LongValue,
                    });
                    report.Restored.Add(name);
                }
                catch (Exception e)
                {
                    // Any failure of one setting: report it with the value to put back, and go on with the others.
                    report.Failed.Add(string.Format(CultureInfo.InvariantCulture,
                        "{0}: the value from before the upgrade, '{1}', could not be restored ({2}); it is now '{3}'.",
                        name, saved.Value, e.Message, value));
                }
            }
            return report;
        }

        private static bool Same(string? a, string? b) => string.Equals(a ?? "", b ?? "", StringComparison.Ordinal);

        private static QueryExpression Query() =>
            new QueryExpression(VoiceSetting.EntityName)
            {
                ColumnSet = new ColumnSet(VoiceSetting.Name, VoiceSetting.Value, VoiceSetting.LongValue),
                Orders = { new OrderExpression(VoiceSetting.Name, OrderType.Ascending) },
            };

        private sealed class SavedValue
        {
            public SavedValue(string? value, string? longValue)
            {
                Value = value;
                LongValue = longValue;
            }

            public string? Value { get; }

            public string? LongValue { get; }
        }
    }
}
