using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using VoiceForD365.Core.Schema;

namespace VoiceForD365.Core.Settings
{
    /// <summary>
    /// Every setting of SPEC C5 (phone call sync), C6 (callback sync) and C2 (Enreach user ids, group General): the one
    /// list used by the configuration data of the package, the setting validation plug-in, the sync workers and the
    /// Enreach user id updater. Defaults and descriptions follow the
    /// configuration guide (section 1.5.3, 1.5.4); where it gives none, the choice is noted on the setting.
    /// </summary>
    public static class SettingCatalog
    {
        private static readonly SettingDefinition[] Definitions =
        {
            // PhoneCallSync (configuration guide 1.5.3).
            new SettingDefinition("acd0685a-9d31-4143-b390-a7b8ed30677f", SettingGroups.PhoneCallSync, SettingNames.CallStartMargin, SettingType.WholeNumber, "15",
                "Value in seconds, used to set a range of searching existing phone calls, to avoid creating duplicates.",
                minimum: 0, maximum: 86400),
            // Not in the guide's table: 0 keeps the guide's behaviour (every call is synced, whatever its length).
            new SettingDefinition("fe2f80ac-75a3-4560-9cdd-1a7d90ccac28", SettingGroups.PhoneCallSync, SettingNames.CallDurationLimit, SettingType.WholeNumber, "0",
                "Value in seconds: calls shorter than this are not synced. 0: every call is synced, whatever its length.",
                minimum: 0, maximum: 86400),
            // The guide's table shows an example id of one organization's user; there is no usable default.
            new SettingDefinition("30f9f779-3365-45cf-86f5-5109255dc12a", SettingGroups.PhoneCallSync, SettingNames.DefaultCrmAssignee, SettingType.Guid, "",
                "Enreach user id, which is set as the owner of a phone call, in case the Enreach user was not found in D365. It must be the Enreach Id (not the Dynamics CRM id) of the fallback user: any user with an Enreach Id, a real or a technical user; the API user is recommended. Call synchronization does not work until it is set.",
                isRequired: true),
            new SettingDefinition("3af8a658-cf2f-426a-824d-a2271d12b3a6", SettingGroups.PhoneCallSync, SettingNames.EnableAudit, SettingType.YesNo, "True",
                "Boolean value, which defines what is set in the Enreach API Audit field of a phone call in D365. When False, the field is set as \"CallId is {Enreach call id}\"; otherwise all the values retrieved from Enreach regarding this phone call are set."),
            new SettingDefinition("25ae3b5d-8135-486b-adbb-b32dfbe57283", SettingGroups.PhoneCallSync, SettingNames.EnableMultipleMatchCreate, SettingType.YesNo, "True",
                "Boolean value, which defines if service calls should be created when multiple contacts/accounts/leads are found."),
            // At most 31 days: the longest time range the Enreach calls API accepts.
            new SettingDefinition("1831b404-7011-488f-a4f1-1d24bded64a8", SettingGroups.PhoneCallSync, SettingNames.ExecutionInterval, SettingType.WholeNumber, "120",
                "Value in minutes, which is taken from execution start and set into start date for phone calls retrieval from Enreach API.",
                minimum: 1, maximum: 31 * 24 * 60),
            new SettingDefinition("747d528c-118b-4758-ae68-cfed0617e354", SettingGroups.PhoneCallSync, SettingNames.IncomingDirectCallSubject, SettingType.Text, "Incoming direct call",
                "String value, defines the subject of a direct phone call."),
            new SettingDefinition("793be381-46f4-40d5-ba99-069305de8a90", SettingGroups.PhoneCallSync, SettingNames.IncomingQueueCallSubject, SettingType.Text, "Incoming queue call",
                "String value, defines the subject for service phone calls."),
            new SettingDefinition("de209c79-d618-4758-a87a-0ab51eab63aa", SettingGroups.PhoneCallSync, SettingNames.MultipleMatchPhoneCallStatus, SettingType.WholeNumber, "1",
                "Int value, which should exist as status reason value of phone call in D365. Set when multiple contacts/leads/accounts are found and EnableMultipleMatchCreate is True.",
                minimum: 1),
            new SettingDefinition("2fe7ba1b-13a5-4e02-94bf-5769fd00a900", SettingGroups.PhoneCallSync, SettingNames.MultipleMatchesPickFirst, SettingType.YesNo, "False",
                "Boolean value, default: False. When set to True, the first account or contact is picked by Enterprise Call Sync and Callback Sync, if multiple accounts/contacts are found. This way calls created by back-end synchronization will more likely point to an actual customer."),
            // Not in the guide's table: 0 matches numbers as they are (E.164); local formats need 3-4 (guide 1.6.1).
            new SettingDefinition("7e86b41e-ab01-4ca0-8bcc-e6642fc45c82", SettingGroups.PhoneCallSync, SettingNames.NumbersToCut, SettingType.WholeNumber, "0",
                "Int value, defines the number of characters to be cut off from the start of the phone number, before searching in D365. 0: the number is searched as it is.",
                minimum: 0, maximum: 16),
            new SettingDefinition("9b0f384f-e066-4f71-875c-c5ee3eb9f67c", SettingGroups.PhoneCallSync, SettingNames.OutgoingDirectCallSubject, SettingType.Text, "Outgoing direct call",
                "String value, subject for outgoing phone calls."),
            new SettingDefinition("62f4084f-c574-4123-a80e-64e430e3993d", SettingGroups.PhoneCallSync, SettingNames.ProcessDirectCalls, SettingType.YesNo, "True",
                "Boolean value, defines whether direct answered calls should be retrieved and processed."),
            new SettingDefinition("9f3a5c83-26dd-4a81-9add-26ef8d0bbce1", SettingGroups.PhoneCallSync, SettingNames.ProcessServiceCalls, SettingType.YesNo, "False",
                "Boolean value, defines whether service answered calls should be retrieved and processed."),
            new SettingDefinition("aa142afc-f07a-4320-a8bb-de3357d425af", SettingGroups.PhoneCallSync, SettingNames.ProcessServiceCallsUnanswered, SettingType.YesNo, "False",
                "Boolean value, defines whether service unanswered calls should be retrieved and processed."),
            new SettingDefinition("113ce91f-2165-471a-b22d-fbd184ef6b17", SettingGroups.PhoneCallSync, SettingNames.RunInDebugMode, SettingType.YesNo, "False",
                "Boolean value. When set True, the start date of phone calls retrieved from Enreach API is execution date - 45 days and the end date is now."),

            // CallbackSync (configuration guide 1.5.4; the guide gives no default subject).
            new SettingDefinition("8c47935a-9db5-4d70-81f5-89bdbf3a85cf", SettingGroups.CallbackSync, SettingNames.CallbackRequestDefaultSubject, SettingType.Text, "Callback request",
                "Default subject of the phone call activities created from Enreach callback requests. The Phone Call Subject of a callback profile, when given, overrides it."),

            // General. Not in the guide: the guard against a wrong Enreach users list (an empty answer, another tenant)
            // wiping every Voice user's Enreach User Id.
            new SettingDefinition("fa91cefa-dd14-4931-a785-f770cced9fae", SettingGroups.General, SettingNames.EnreachUserIdClearLimit, SettingType.WholeNumber, "50",
                "Percent of the Enreach User Ids held by Voice users that one update may clear, once at least 10 users hold one. An update that would clear more, or that gets an empty Enreach users list and would clear any, writes nothing and fails. To clear them deliberately (the users really left Enreach), set 100 for one update, then set it back.",
                minimum: 0, maximum: 100),
        };

        private static readonly Dictionary<string, SettingDefinition> ByName =
            Definitions.ToDictionary(d => d.Name, StringComparer.OrdinalIgnoreCase);

        /// <summary>Every setting, grouped (PhoneCallSync first), in the order of the configuration guide.</summary>
        public static IReadOnlyList<SettingDefinition> All => Definitions;

        /// <summary>The setting of that name (case-insensitive, as Dataverse compares names); null for a setting of the administrator's own.</summary>
        public static SettingDefinition? Find(string? name)
        {
            if (name == null) return null;
            return ByName.TryGetValue(name.Trim(), out var definition) ? definition : null;
        }

        /// <summary>
        /// Null when <paramref name="name"/> can be a setting's name; otherwise why not, for the person who typed it. A name
        /// that begins or ends with a blank, or holds a character one can't see, would be a second setting that looks like
        /// the one the product reads (which it finds by its exact name) and is never read.
        /// </summary>
        public static string? CheckName(string? name)
        {
            if (string.IsNullOrEmpty(name)) return null;
            var text = name!;
            string? problem = null;
            if (text[0] == ' ') problem = "begins with a space";
            else if (text[text.Length - 1] == ' ') problem = "ends with a space";
            else
            {
                for (var i = 0; i < text.Length; i++)
                {
                    if (!SettingText.IsInvisible(text[i])) continue;
                    problem = string.Format(CultureInfo.InvariantCulture, "holds an invisible character, {0}, at position {1}", SettingText.CodePoint(text[i]), i + 1);
                    break;
                }
            }
            if (problem == null) return null;
            return string.Format(CultureInfo.InvariantCulture,
                "The setting name {0} {1}: it would be a second setting that looks like {2} but is never read. Type the name again without it and save.",
                SettingText.Quote(SettingText.ShowInvisible(text)), problem, SettingText.Quote(SettingText.WithoutInvisible(text).Trim(' ')));
        }

        /// <summary>
        /// Null when the value is acceptable for the named setting (any value of an unknown setting is); otherwise the
        /// message for the person who entered it.
        /// </summary>
        public static string? Validate(string? name, string? value) => Find(name)?.Check(value);

        /// <summary>"True" or "False" (any case, surrounding blanks ignored), as the configuration guide writes them.</summary>
        public static bool TryParseYesNo(string? value, out bool result)
        {
            result = false;
            if (value == null) return false;
            var text = value.Trim();
            if (string.Equals(text, bool.TrueString, StringComparison.OrdinalIgnoreCase))
            {
                result = true;
                return true;
            }
            return string.Equals(text, bool.FalseString, StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>A whole number in invariant culture (an optional sign, digits, surrounding blanks ignored).</summary>
        public static bool TryParseWholeNumber(string? value, out int result)
        {
            result = 0;
            return value != null && int.TryParse(value.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out result);
        }

        /// <summary>A GUID in any of the usual forms (surrounding blanks ignored).</summary>
        public static bool TryParseGuid(string? value, out Guid result)
        {
            result = Guid.Empty;
            return value != null && Guid.TryParse(value.Trim(), out result);
        }
    }
}
