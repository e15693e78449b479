using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using VoiceForD365.Core.Data;
using VoiceForD365.Core.Schema;

namespace VoiceForD365.Core.Callbacks
{
    /// <summary>
    /// After an upgrade from the first version, whose profiles hold their list only as the text Callback List Id: gives
    /// every profile without a Callback List lookup the lookup to that list (active and inactive profiles alike). The
    /// save runs the profile plug-in, which checks the list in Enreach and writes its name, so a list Enreach no longer
    /// has is reported rather than linked. A profile that can't be updated is reported and the others still are; its
    /// sync goes on reading the text id (<see cref="CallbackListIds.Of"/>).
    /// </summary>
    public static class CallbackListLookupUpgrade
    {
        public static CallbackListLookupReport Run(IOrganizationService service)
        {
            if (service == null) throw new ArgumentNullException(nameof(service));
            var query = new QueryExpression(CallbackProfile.EntityName)
            {
                ColumnSet = new ColumnSet(CallbackProfile.Name, CallbackProfile.CallbackListId),
                Orders = { new OrderExpression(CallbackProfile.Name, OrderType.Ascending) },
            };
            query.Criteria.AddCondition(CallbackProfile.CallbackList, ConditionOperator.Null);
            query.Criteria.AddCondition(CallbackProfile.CallbackListId, ConditionOperator.NotNull);
            // Read them all first: each update takes a profile out of the query, which would shift the pages.
            var profiles = service.RetrieveAll(query).ToList();

            var report = new CallbackListLookupReport();
            foreach (var profile in profiles)
            {
                var name = string.Format(CultureInfo.InvariantCulture, "'{0}' ({1})", profile.GetAttributeValue<string>(CallbackProfile.Name), profile.Id);
                var text = profile.GetAttributeValue<string>(CallbackProfile.CallbackListId);
                if (!CallbackListIds.TryParse(text, out var listId))
                {
                    report.Failed.Add(string.Format(CultureInfo.InvariantCulture,
                        "Callback profile {0} has the Callback List Id '{1}', which is no Enreach callback list id (a GUID), so it has no Callback List: pick its list by name in the Voice for D365 Configurator (Callback Profiles).",
                        name, text));
                    continue;
                }
                try
                {
                    service.Update(new Entity(CallbackProfile.EntityName, profile.Id) { [CallbackProfile.CallbackList] = new EntityReference(CallbackList.EntityName, listId) });
                    var listName = service.Retrieve(CallbackProfile.EntityName, profile.Id, new ColumnSet(CallbackProfile.CallbackListName)).GetAttributeValue<string>(CallbackProfile.CallbackListName);
                    report.Filled.Add(name + ": " + (listName ?? CallbackListIds.Text(listId)));
                }
                catch (Exception e)
                {
                    // Any failure of one profile (Enreach unreachable, a list it no longer has): report it and go on.
                    report.Failed.Add(string.Format(CultureInfo.InvariantCulture,
                        "Callback profile {0} was not given the Callback List {1} ({2}); its callback sync reads the Callback List Id meanwhile. Pick its list by name in the Voice for D365 Configurator (Callback Profiles).",
                        name, CallbackListIds.Text(listId), e.Message));
                }
            }
            return report;
        }
    }
}
