using System;
using System.Globalization;
using Microsoft.Xrm.Sdk;
using VoiceForD365.Core.Schema;

namespace VoiceForD365.Core.Callbacks
{
    /// <summary>
    /// The Enreach callback list of a callback profile, read as every part of the product reads it: the Callback List
    /// lookup, else the text Callback List Id (what profiles of the first version hold until the upgrade or their next
    /// save fills the lookup). Enreach list ids are GUIDs (an assumption, see <c>EnreachAssumptions</c>).
    /// </summary>
    public static class CallbackListIds
    {
        /// <summary>The profile columns <see cref="Of"/> reads.</summary>
        public static readonly string[] Columns = { CallbackProfile.CallbackList, CallbackProfile.CallbackListId };

        /// <summary>The profile's list id: the lookup's, else the text id when it is one; null when the profile has neither.</summary>
        public static Guid? Of(Entity profile)
        {
            if (profile == null) throw new ArgumentNullException(nameof(profile));
            var lookup = profile.GetAttributeValue<EntityReference>(CallbackProfile.CallbackList);
            if (lookup != null) return lookup.Id;
            return TryParse(profile.GetAttributeValue<string>(CallbackProfile.CallbackListId), out var id) ? id : (Guid?)null;
        }

        /// <summary>A text Callback List Id as a list id: a GUID other than the empty one, blanks around it ignored.</summary>
        public static bool TryParse(string? text, out Guid id) =>
            Guid.TryParse((text ?? "").Trim(), out id) && id != Guid.Empty;

        /// <summary>A list id as the text column holds it (lower case, with hyphens).</summary>
        public static string Text(Guid id) => id.ToString("D", CultureInfo.InvariantCulture);
    }
}
