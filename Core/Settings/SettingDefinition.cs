using System;
using System.Globalization;
using VoiceForD365.Core.Schema;

namespace VoiceForD365.Core.Settings
{
    /// <summary>
    /// One vfd_voicesetting record the product ships and reads: its stable id, group, name, type, default value and
    /// description. An empty value means "not set": readers use <see cref="DefaultValue"/> (a required setting without
    /// a default, DefaultCrmAssignee, is reported after every package import until an administrator sets it).
    /// </summary>
    public sealed class SettingDefinition
    {
        public SettingDefinition(string id, string group, string name, SettingType type, string defaultValue, string description,
            int minimum = int.MinValue, int maximum = int.MaxValue, bool isRequired = false)
        {
            Id = new Guid(id);
            Group = group;
            Name = name;
            Type = type;
            DefaultValue = defaultValue;
            Description = description;
            Minimum = minimum;
            Maximum = maximum;
            IsRequired = isRequired;
        }

        /// <summary>The record id in the configuration data (stable across builds and versions).</summary>
        public Guid Id { get; }

        /// <summary>vfd_groupname: one of <see cref="SettingGroups"/>.</summary>
        public string Group { get; }

        /// <summary>vfd_name: one of <see cref="SettingNames"/>.</summary>
        public string Name { get; }

        public SettingType Type { get; }

        /// <summary>The value the package installs (as in the configuration guide); empty: none.</summary>
        public string DefaultValue { get; }

        /// <summary>vfd_description, from the configuration guide.</summary>
        public string Description { get; }

        /// <summary>Smallest accepted whole number.</summary>
        public int Minimum { get; }

        /// <summary>Largest accepted whole number.</summary>
        public int Maximum { get; }

        /// <summary>The product does not work until it is set (there is no usable default).</summary>
        public bool IsRequired { get; }

        /// <summary>What a valid value looks like, for messages: "a whole number from 0 to 86400", "True or False", ...</summary>
        public string ExpectedValue
        {
            get
            {
                switch (Type)
                {
                    case SettingType.WholeNumber:
                        if (Maximum == int.MaxValue) return "a whole number of at least " + Minimum.ToString(CultureInfo.InvariantCulture);
                        return "a whole number from " + Minimum.ToString(CultureInfo.InvariantCulture) + " to " + Maximum.ToString(CultureInfo.InvariantCulture);
                    case SettingType.YesNo:
                        return "a yes/no value: True or False";
                    case SettingType.Guid:
                        return "a GUID such as 0f8fad5b-d9cb-469f-a165-70867728950e (not all zeros)";
                    default:
                        return "text";
                }
            }
        }

        /// <summary>Whether <paramref name="value"/> is a value of this setting's type; empty (not set) always is.</summary>
        public bool Accepts(string? value)
        {
            if (string.IsNullOrWhiteSpace(value)) return true;
            switch (Type)
            {
                case SettingType.WholeNumber:
                    return SettingCatalog.TryParseWholeNumber(value, out var number) && number >= Minimum && number <= Maximum;
                case SettingType.YesNo:
                    return SettingCatalog.TryParseYesNo(value, out _);
                case SettingType.Guid:
                    // The all-zero GUID is no one's id: Dataverse and Enreach never issue it.
                    return SettingCatalog.TryParseGuid(value, out var id) && id != Guid.Empty;
                default:
                    return true;
            }
        }

        /// <summary>
        /// Null when <paramref name="value"/> is accepted; otherwise a message naming the setting, the expected type, the
        /// column (<paramref name="column"/>: Value or Long Value, as the form shows them) and the value, cut when long.
        /// <paramref name="otherColumnIsEmpty"/>: clearing this column leaves the setting without a value, so the default applies.
        /// </summary>
        public string? Check(string? value, string column = VoiceSetting.ValueLabel, bool otherColumnIsEmpty = true) =>
            Accepts(value)
                ? null
                : string.Format(
                    CultureInfo.InvariantCulture,
                    "The Voice for D365 setting {0} must be {1}, but its {2} is {3}. Correct the {2}{4} and save again.",
                    Name,
                    ExpectedValue,
                    column,
                    SettingText.Quote(value),
                    !otherColumnIsEmpty ? ", or clear it," : DefaultValue.Length == 0 ? "" : ", or clear it to use the default (" + DefaultValue + "),");

        public override string ToString() => Group + "/" + Name;
    }
}
