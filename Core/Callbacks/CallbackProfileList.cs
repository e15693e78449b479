using System;
using System.Globalization;
using Microsoft.Xrm.Sdk;
using VoiceForD365.Core.Enreach;
using VoiceForD365.Core.Schema;

namespace VoiceForD365.Core.Callbacks
{
    /// <summary>
    /// Keeps a callback profile's Callback List lookup and its text columns (the list's id and name, what profiles of
    /// the first version hold and administrators' own processes may read) in step when a profile is saved. The lookup,
    /// when set, wins: its id and the list's name (asked of Enreach) are written into the text columns. A profile given
    /// only the text id gets the lookup. Either way the list must exist in Enreach, so a mistyped id never reaches the
    /// sync. Clearing the lookup (or the text id) clears all three.
    /// </summary>
    public static class CallbackProfileList
    {
        /// <summary>Changes <paramref name="target"/> (the profile being created or updated) so that the three columns agree.</summary>
        /// <param name="before">The profile as it was (an update's pre-image with the three columns); null on create.</param>
        /// <param name="findList">Asks Enreach for a list by id; null when it has none.</param>
        /// <exception cref="CallbackConfigurationException">The text id is no Enreach list id (a GUID).</exception>
        /// <exception cref="CallbackListNotFoundException">Enreach has no list with the id.</exception>
        /// <exception cref="EnreachException">Enreach can't be asked.</exception>
        public static void Apply(Entity target, Entity? before, Func<Guid, EnreachCallbackList?> findList, Action<string> trace)
        {
            if (target == null) throw new ArgumentNullException(nameof(target));
            if (findList == null) throw new ArgumentNullException(nameof(findList));
            if (trace == null) throw new ArgumentNullException(nameof(trace));
            var givesLookup = target.Contains(CallbackProfile.CallbackList);
            var givesText = target.Contains(CallbackProfile.CallbackListId);
            if (!givesLookup && !givesText)
            {
                trace("The save changes neither the Callback List nor its id: nothing to keep in step.");
                return;
            }
            var lookup = target.GetAttributeValue<EntityReference>(CallbackProfile.CallbackList);
            var text = givesText ? (target.GetAttributeValue<string>(CallbackProfile.CallbackListId) ?? "").Trim() : "";
            Guid id;
            if (lookup != null)
            {
                id = lookup.Id;
                if (text.Length > 0 && !(CallbackListIds.TryParse(text, out var other) && other == id))
                    trace("The Callback List lookup and the Callback List Id differ; the lookup wins: " + CallbackListIds.Text(id) + ".");
            }
            else if (text.Length > 0)
            {
                id = ParseId(target, text);
            }
            else
            {
                trace("The Callback List is cleared: its id and name are cleared with it.");
                target[CallbackProfile.CallbackList] = null;
                target[CallbackProfile.CallbackListId] = null;
                target[CallbackProfile.CallbackListName] = null;
                return;
            }

            if (before != null && before.GetAttributeValue<EntityReference>(CallbackProfile.CallbackList)?.Id == id
                && string.Equals(before.GetAttributeValue<string>(CallbackProfile.CallbackListId), CallbackListIds.Text(id), StringComparison.Ordinal))
            {
                trace("The Callback List stays " + CallbackListIds.Text(id) + ": nothing to ask Enreach.");
                target[CallbackProfile.CallbackListId] = CallbackListIds.Text(id);
                return;
            }

            var list = findList(id) ?? throw new CallbackListNotFoundException(string.Format(CultureInfo.InvariantCulture,
                "Enreach has no callback list with the id {0}, so the callback profile was not saved. Pick the list by name in the Callback List lookup.", CallbackListIds.Text(id)));
            var name = list.Name.Length > NameLength ? list.Name.Substring(0, NameLength) : list.Name;
            target[CallbackProfile.CallbackList] = new EntityReference(CallbackList.EntityName, id) { Name = list.Name };
            target[CallbackProfile.CallbackListId] = CallbackListIds.Text(id);
            target[CallbackProfile.CallbackListName] = name;
            trace("Callback List set to " + list + ", its id and name written into Callback List Id and Callback List Name.");
        }

        /// <summary>The longest name Callback List Name holds.</summary>
        public const int NameLength = 200;

        private static Guid ParseId(Entity target, string text)
        {
            if (CallbackListIds.TryParse(text, out var id)) return id;
            var profile = target.GetAttributeValue<string>(CallbackProfile.Name);
            throw new CallbackConfigurationException(string.Format(CultureInfo.InvariantCulture,
                "The callback profile{0} has the Callback List Id '{1}', which is no Enreach callback list id (a GUID such as 3f2504e0-4f89-41d3-9a0c-0305e82c3301). Pick the list by name in the Callback List lookup.",
                profile == null ? "" : " '" + profile + "'", text.Length > 100 ? text.Substring(0, 100) + "…" : text));
        }
    }
}
