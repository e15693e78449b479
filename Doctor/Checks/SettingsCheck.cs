using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using VoiceForD365.Core.Data;
using VoiceForD365.Core.Schema;
using VoiceForD365.Core.Settings;

namespace VoiceForD365.Doctor.Checks;

/// <summary>
/// Every setting record passes the rule the setting validation applies on save (<see cref="SettingRecordCheck"/>: its
/// name, and the text of its type in Value and in Long Value), so records saved before the rule, or imported past it,
/// are caught too; and every setting of the product is there and active, else its default applies (a warning). A
/// required setting (DefaultCrmAssignee) has a check of its own.
/// </summary>
internal sealed class SettingsCheck() : DoctorCheck("Settings")
{
    public override CheckResult Run(DoctorContext context)
    {
        var query = new QueryExpression(VoiceSetting.EntityName)
        {
            ColumnSet = new ColumnSet([VoiceSetting.Name, VoiceSetting.StateCode, .. VoiceSettings.ValueColumns]),
            Orders = { new OrderExpression(VoiceSetting.Name, OrderType.Ascending) },
        };
        var rows = context.Service.RetrieveAll(query).ToList();

        var problems = rows.Select(r => SettingRecordCheck.Check(r, null).Problem).OfType<string>().ToList();
        var notes = new List<string>();
        // Dataverse compares names ignoring case, as the product's reads do.
        var byName = rows.ToLookup(r => r.GetAttributeValue<string>(VoiceSetting.Name) ?? "", StringComparer.OrdinalIgnoreCase);
        var missing = SettingCatalog.All.Where(d => !d.IsRequired && !byName.Contains(d.Name)).Select(d => $"{d.Name} (default {Shown(d.DefaultValue)})").ToList();
        if (missing.Count > 0)
            notes.Add($"missing, so the default applies: {string.Join(", ", missing)}. Run the package again (or import VoiceForD365Data.zip) to create them");
        foreach (var definition in SettingCatalog.All)
        {
            if (!byName[definition.Name].Any(IsInactive)) continue;
            if (definition.IsRequired) problems.Add($"The setting {definition.Name} is inactive, so the product reads no value from it: activate it.");
            else notes.Add($"{definition.Name} is inactive, so the default ({Shown(definition.DefaultValue)}) applies: activate it to use its value");
        }

        if (problems.Count > 0) return Failed(string.Join(" ", problems));
        if (notes.Count > 0) return Warning(string.Join("; ", notes) + ".");
        var own = rows.Count(r => SettingCatalog.Find(r.GetAttributeValue<string>(VoiceSetting.Name)) == null);
        return Ok($"all {SettingCatalog.All.Count} settings of the product have valid values" + (own > 0 ? $" ({own} of your own, not checked)" : ""));
    }

    private static bool IsInactive(Entity row) => (row.GetAttributeValue<OptionSetValue>(VoiceSetting.StateCode)?.Value ?? VoiceSetting.StateActive) != VoiceSetting.StateActive;

    private static string Shown(string defaultValue) => defaultValue.Length == 0 ? "none" : SettingText.Quote(defaultValue);
}
