using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.Xrm.Sdk;
using VoiceForD365.Core.Schema;

namespace VoiceForD365.Core.Settings
{
    /// <summary>
    /// The rule for a vfd_voicesetting record being created or updated (SPEC C4/C5): a name the product can find it by,
    /// and in every column the product reads its text from (<see cref="VoiceSettings.ValueColumns"/>) text of the
    /// setting's type. Settings of the administrator's own get the name rule only.
    /// </summary>
    public static class SettingRecordCheck
    {
        /// <summary>The columns a save is checked on: an update that changes none of them needs no check.</summary>
        public static IEnumerable<string> CheckedColumns => new[] { VoiceSetting.Name }.Concat(VoiceSettings.ValueColumns);

        /// <param name="target">The record as sent: all of it on create, the changed columns on update.</param>
        /// <param name="before">On update, the record as it was with <see cref="CheckedColumns"/> (a pre-image); null on create.</param>
        public static SettingRecordVerdict Check(Entity target, Entity? before)
        {
            if (target == null) throw new ArgumentNullException(nameof(target));

            // Text columns given another type (an Int32, say) are refused by the platform after this stage; say so plainly first.
            foreach (var column in CheckedColumns)
            {
                if (target.Contains(column) && target[column] != null && !(target[column] is string))
                    return SettingRecordVerdict.Refused(NotText(column, target[column]!, target.Contains(VoiceSetting.Name) ? target[VoiceSetting.Name] as string : before?.GetAttributeValue<string>(VoiceSetting.Name)));
            }

            // Only a name being set is checked: a record saved before the rule keeps working until it is renamed.
            if (target.Contains(VoiceSetting.Name))
            {
                var nameProblem = SettingCatalog.CheckName(target.GetAttributeValue<string>(VoiceSetting.Name));
                if (nameProblem != null) return SettingRecordVerdict.Refused(nameProblem);
            }

            var name = Current(target, before, VoiceSetting.Name);
            var definition = SettingCatalog.Find(name);
            if (definition == null)
                return SettingRecordVerdict.Accepted(string.Format(CultureInfo.InvariantCulture, "Setting {0} is not one of the product's: any value is accepted.", SettingText.Quote(name)));

            var texts = VoiceSettings.ValueColumns.Select(column => Current(target, before, column)).ToList();
            var seen = new List<string>();
            for (var i = 0; i < texts.Count; i++)
            {
                var othersEmpty = texts.Where((_, j) => j != i).All(string.IsNullOrWhiteSpace);
                var problem = definition.Check(texts[i], Label(VoiceSettings.ValueColumns[i]), othersEmpty);
                if (problem != null) return SettingRecordVerdict.Refused(problem);
                seen.Add(Label(VoiceSettings.ValueColumns[i]) + " " + (string.IsNullOrWhiteSpace(texts[i]) ? "empty" : SettingText.Quote(texts[i])));
            }
            return SettingRecordVerdict.Accepted(string.Format(CultureInfo.InvariantCulture, "Setting {0}: {1}: accepted as {2}{3}.",
                definition.Name, string.Join(", ", seen), definition.ExpectedValue, texts.All(string.IsNullOrWhiteSpace) ? " (not set: the default applies)" : ""));
        }

        /// <summary>The column's display name, as the form shows it.</summary>
        public static string Label(string column)
        {
            switch (column)
            {
                case VoiceSetting.Name: return VoiceSetting.NameLabel;
                case VoiceSetting.Value: return VoiceSetting.ValueLabel;
                case VoiceSetting.LongValue: return VoiceSetting.LongValueLabel;
                default: return column;
            }
        }

        private static string? Current(Entity target, Entity? before, string column) =>
            target.Contains(column) ? target.GetAttributeValue<string>(column) : before?.GetAttributeValue<string>(column);

        private static string NotText(string column, object value, string? name)
        {
            var text = Convert.ToString(value, CultureInfo.InvariantCulture);
            return string.Format(CultureInfo.InvariantCulture,
                "The {0} of a Voice for D365 setting is text, but the one sent{1} is of type {2} ({3}). Send it as text, {4}, and save again.",
                Label(column), string.IsNullOrEmpty(name) ? "" : " for " + name, value.GetType().Name, text, SettingText.Quote(text));
        }
    }
}
