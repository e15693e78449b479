using System;
using System.Globalization;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using VoiceForD365.Core.Schema;

namespace VoiceForD365.Core.Settings
{
    /// <summary>
    /// The check the package runs after import (SPEC C5: DefaultCrmAssignee is required): the setting holds the Enreach
    /// id of a Dynamics user, the fallback owner of synced calls whose Enreach user is not a Dynamics user. Phone call
    /// sync can't own those calls without it, so a missing, empty or wrong value is reported with what to do.
    /// </summary>
    public static class DefaultCrmAssigneeCheck
    {
        /// <summary>The instruction every report ends with.</summary>
        public const string HowToFix =
            "Set DefaultCrmAssignee to the Enreach id of the fallback owner: in the Voice for D365 Configurator app open " +
            "User Settings, copy the Enreach User Id of the API user (or of another user who should own the calls of " +
            "people who are not Dynamics users), and paste it as the Value of General Settings > Phone Call Sync Settings > " +
            "DefaultCrmAssignee. Phone call sync needs it.";

        /// <summary>Null when DefaultCrmAssignee is the Enreach User Id of a Dynamics user; otherwise what is wrong and how to fix it.</summary>
        public static string? Check(IOrganizationService service) => Check(service, out _);

        /// <summary>
        /// Null when DefaultCrmAssignee is the Enreach User Id of a Dynamics user, who is then <paramref name="owner"/>
        /// (with their full name); otherwise what is wrong and how to fix it.
        /// </summary>
        public static string? Check(IOrganizationService service, out EntityReference? owner)
        {
            if (service == null) throw new ArgumentNullException(nameof(service));
            owner = null;

            var query = new QueryExpression(VoiceSetting.EntityName) { ColumnSet = new ColumnSet(VoiceSettings.ValueColumns.ToArray()), TopCount = 1 };
            query.Criteria.AddCondition(VoiceSetting.Name, ConditionOperator.Equal, SettingNames.DefaultCrmAssignee);
            var setting = service.RetrieveMultiple(query).Entities.FirstOrDefault();
            if (setting == null)
                return Report("There is no Voice for D365 setting named DefaultCrmAssignee (the configuration data of the package was not imported, or the record was deleted); create it in the group " + SettingGroups.PhoneCallSync + ".");

            // Read as phone call sync reads it: Value, else Long Value.
            var value = VoiceSettings.TextOf(setting);
            if (value == null)
                return Report("DefaultCrmAssignee is not set.");
            if (!SettingCatalog.TryParseGuid(value, out var enreachId))
                return Report(string.Format(CultureInfo.InvariantCulture, "DefaultCrmAssignee is {0}, which is not a GUID.", SettingText.Quote(value)));
            if (enreachId == Guid.Empty)
                return Report(string.Format(CultureInfo.InvariantCulture, "DefaultCrmAssignee is {0}, the all-zero GUID, which is no one's Enreach id.", enreachId));

            var user = FindUser(service, SystemUser.EnreachUserId, EnreachUserIdColumn.Value(enreachId)!);
            if (user != null)
            {
                owner = new EntityReference(SystemUser.EntityName, user.Id) { Name = user.GetAttributeValue<string>(SystemUser.FullName) };
                return null;
            }

            var dynamicsUser = FindUser(service, SystemUser.PrimaryId, enreachId);
            if (dynamicsUser != null)
                return Report(string.Format(CultureInfo.InvariantCulture,
                    "DefaultCrmAssignee is {0}, the Dynamics id of {1}; it must be an Enreach id (their Enreach User Id is {2}).",
                    enreachId, dynamicsUser.GetAttributeValue<string>(SystemUser.FullName) ?? "a user",
                    EnreachUserIdColumn.Read(dynamicsUser)?.ToString() ?? "not set yet"));
            return Report(string.Format(CultureInfo.InvariantCulture,
                "DefaultCrmAssignee is {0}, but no Dynamics user has that Enreach User Id.", enreachId));
        }

        private static string Report(string problem) => problem + " " + HowToFix;

        private static Entity? FindUser(IOrganizationService service, string column, object value)
        {
            var query = new QueryExpression(SystemUser.EntityName) { ColumnSet = new ColumnSet(SystemUser.FullName, SystemUser.EnreachUserId), TopCount = 1 };
            query.Criteria.AddCondition(column, ConditionOperator.Equal, value);
            return service.RetrieveMultiple(query).Entities.FirstOrDefault();
        }
    }
}
