using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using VoiceForD365.Core.Schema;

namespace VoiceForD365.Core.Callbacks
{
    /// <summary>A callback profile that passed validation: everything placing a callback phone call needs is set.</summary>
    public sealed class CallbackProfileSettings
    {
        internal static readonly string[] Columns =
        {
            CallbackProfile.Name, CallbackProfile.CallbackList, CallbackProfile.CallbackListId, CallbackProfile.CallbackListName, CallbackProfile.QueueId, CallbackProfile.AgeTimeUnit,
            CallbackProfile.CallbackAge, CallbackProfile.OwnershipRule, CallbackProfile.PhoneCallSubject, CallbackProfile.StateCode,
        };

        private CallbackProfileSettings(Guid id, string name, Guid? callbackListId, string? callbackListName, EntityReference queue, CallbackAgeUnit ageUnit, int age,
            CallbackOwnershipRule ownershipRule, string? phoneCallSubject)
        {
            Id = id;
            Name = name;
            CallbackListId = callbackListId;
            CallbackListName = callbackListName;
            Queue = queue;
            AgeUnit = ageUnit;
            Age = age;
            OwnershipRule = ownershipRule;
            PhoneCallSubject = phoneCallSubject;
        }

        public Guid Id { get; }

        public string Name { get; }

        /// <summary>
        /// The Enreach callback list the profile syncs: the Callback List lookup's id, else the text Callback List Id
        /// (<see cref="CallbackListIds.Of"/>); null when it has neither. The callback sync needs it; applying a profile
        /// to a phone call does not.
        /// </summary>
        public Guid? CallbackListId { get; }

        public string? CallbackListName { get; }

        /// <summary>The queue the phone calls are placed in.</summary>
        public EntityReference Queue { get; }

        public CallbackAgeUnit AgeUnit { get; }

        /// <summary>How many <see cref="AgeUnit"/>s back callback requests are fetched; at least 1.</summary>
        public int Age { get; }

        public CallbackOwnershipRule OwnershipRule { get; }

        /// <summary>The profile's own subject for its phone calls (trimmed), or null to use the global setting.</summary>
        public string? PhoneCallSubject { get; }

        /// <summary>The window of callback requests this profile covers at <paramref name="nowUtc"/>.</summary>
        public CallbackTimeWindow TimeWindow(DateTime nowUtc) => CallbackTimeWindow.For(AgeUnit, Age, nowUtc, Name);

        public override string ToString() => string.Format(CultureInfo.InvariantCulture, "callback profile '{0}' ({1})", Name, Id);

        /// <summary>Reads the profile and validates it.</summary>
        /// <exception cref="CallbackConfigurationException">The profile is inactive or incomplete; the message lists every problem.</exception>
        public static CallbackProfileSettings Load(IOrganizationService service, Guid profileId)
        {
            if (service == null) throw new ArgumentNullException(nameof(service));
            var row = service.Retrieve(CallbackProfile.EntityName, profileId, new ColumnSet(Columns));
            return FromRecord(row);
        }

        /// <summary>Validates a vfd_callbackprofile row read with (at least) the profile's columns and state.</summary>
        /// <exception cref="CallbackConfigurationException">The profile is inactive or incomplete; the message lists every problem.</exception>
        public static CallbackProfileSettings FromRecord(Entity row)
        {
            if (row == null) throw new ArgumentNullException(nameof(row));
            var name = Trimmed(row.GetAttributeValue<string>(CallbackProfile.Name)) ?? "(no name)";
            var problems = new List<string>();

            var state = row.GetAttributeValue<OptionSetValue>(CallbackProfile.StateCode)?.Value ?? CallbackProfile.StateActive;
            if (state != CallbackProfile.StateActive) problems.Add("it is inactive (activate it, or use an active profile)");

            var queue = row.GetAttributeValue<EntityReference>(CallbackProfile.QueueId);
            if (queue == null) problems.Add("it has no Queue (choose the queue its phone calls go to)");

            var unitValue = row.GetAttributeValue<OptionSetValue>(CallbackProfile.AgeTimeUnit)?.Value;
            CallbackAgeUnit? unit = null;
            if (unitValue == null) problems.Add("it has no Age Time Unit (choose Days, Hours or Minutes)");
            else if (!Enum.IsDefined(typeof(CallbackAgeUnit), unitValue.Value)) problems.Add("its Age Time Unit " + unitValue.Value.ToString(CultureInfo.InvariantCulture) + " is not Days, Hours or Minutes");
            else unit = (CallbackAgeUnit)unitValue.Value;

            var age = row.GetAttributeValue<int?>(CallbackProfile.CallbackAge);
            if (age == null) problems.Add("it has no Callback Age (enter how many time units back callback requests are fetched, 1 or more)");
            else if (age.Value < 1) problems.Add("its Callback Age is " + age.Value.ToString(CultureInfo.InvariantCulture) + " (it must be 1 or more)");

            var ruleValue = row.GetAttributeValue<OptionSetValue>(CallbackProfile.OwnershipRule)?.Value;
            CallbackOwnershipRule? rule = null;
            if (ruleValue == null) problems.Add("it has no Ownership Rule (choose API User or Owner of Queue)");
            else if (!Enum.IsDefined(typeof(CallbackOwnershipRule), ruleValue.Value)) problems.Add("its Ownership Rule " + ruleValue.Value.ToString(CultureInfo.InvariantCulture) + " is not API User or Owner of Queue");
            else rule = (CallbackOwnershipRule)ruleValue.Value;

            if (unit != null && age >= 1 && !CallbackTimeWindow.Fits(unit.Value, age.Value))
                problems.Add("its Callback Age of " + age.Value.ToString(CultureInfo.InvariantCulture) + " " + unit.Value + " reaches back before the year 1 (use a smaller age)");

            if (problems.Count > 0)
                throw new CallbackConfigurationException(string.Format(CultureInfo.InvariantCulture,
                    "Callback profile '{0}' ({1}) can't be used: {2}. Correct it in the Voice for D365 Configurator app (Callback Profiles).",
                    name, row.Id, string.Join("; ", problems)));

            return new CallbackProfileSettings(row.Id, name, CallbackListIds.Of(row),
                Trimmed(row.GetAttributeValue<string>(CallbackProfile.CallbackListName)), queue!, unit!.Value, age!.Value, rule!.Value,
                Trimmed(row.GetAttributeValue<string>(CallbackProfile.PhoneCallSubject)));
        }

        internal static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text!.Trim();

        /// <summary>The label an administrator sees for a rule.</summary>
        public static string Label(CallbackOwnershipRule rule) => rule == CallbackOwnershipRule.ApiUser ? "API User" : "Owner of Queue";
    }
}
