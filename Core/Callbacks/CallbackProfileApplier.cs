using System;
using System.Globalization;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using VoiceForD365.Core.Schema;
using VoiceForD365.Core.Settings;

namespace VoiceForD365.Core.Callbacks
{
    /// <summary>
    /// Applies a callback profile to a phone call: its owner by the profile's ownership rule, its subject (profile,
    /// else setting, else default), and a place in the profile's queue. Everything is read and checked before the first
    /// write, so a profile that can't be used changes nothing. Writes only what differs: applying twice is harmless.
    /// </summary>
    public sealed class CallbackProfileApplier
    {
        private readonly IOrganizationService _service;
        private readonly Action<string> _trace;

        public CallbackProfileApplier(IOrganizationService service, Action<string>? trace = null)
        {
            _service = service ?? throw new ArgumentNullException(nameof(service));
            _trace = trace ?? (_ => { });
        }

        /// <param name="phoneCall">The phone call (table phonecall).</param>
        /// <param name="profile">The profile to apply; null: the phone call's own Callback Profile.</param>
        /// <exception cref="CallbackConfigurationException">No profile, an unusable profile, no owner by its rule, or a closed phone call; nothing was written.</exception>
        public CallbackProfileApplied Apply(EntityReference phoneCall, EntityReference? profile)
        {
            if (phoneCall == null) throw new ArgumentNullException(nameof(phoneCall));
            if (phoneCall.LogicalName != PhoneCall.EntityName)
                throw new CallbackConfigurationException("A callback profile applies to a phone call, not to a " + phoneCall.LogicalName + ": give the activity a phone call.");

            var call = _service.Retrieve(PhoneCall.EntityName, phoneCall.Id, new ColumnSet(PhoneCall.Subject, PhoneCall.OwnerId, PhoneCall.CallbackProfileId, PhoneCall.StateCode));
            var profileRef = profile ?? call.GetAttributeValue<EntityReference>(PhoneCall.CallbackProfileId);
            if (profileRef == null)
                throw new CallbackConfigurationException(string.Format(CultureInfo.InvariantCulture,
                    "Phone call {0} has no Callback Profile, and none was given: set the phone call's Callback Profile, or choose a profile in the step that applies it.", phoneCall.Id));
            _trace(string.Format(CultureInfo.InvariantCulture, "Phone call {0}: applying callback profile {1} ({2}).", phoneCall.Id, profileRef.Id, profile != null ? "given to the step" : "the phone call's own"));

            var state = call.GetAttributeValue<OptionSetValue>(PhoneCall.StateCode)?.Value ?? PhoneCall.StateOpen;
            var settings = CallbackProfileSettings.Load(_service, profileRef.Id);
            if (state != PhoneCall.StateOpen)
                throw new CallbackConfigurationException(string.Format(CultureInfo.InvariantCulture,
                    "Phone call {0} is {1}: {2} applies only to open phone calls. Reopen it first, or leave it as it is.",
                    phoneCall.Id, state == 1 ? "completed" : "canceled", settings));
            _trace(string.Format(CultureInfo.InvariantCulture, "{0} is valid: queue {1}, {2} {3} back, ownership rule {4}.",
                settings, settings.Queue.Id, settings.Age, settings.AgeUnit, CallbackProfileSettings.Label(settings.OwnershipRule)));

            var owner = new CallbackOwners(_service, _trace).Resolve(settings);
            var subject = new CallbackSubjects(new VoiceSettings(_service, _trace), _trace).Resolve(settings);
            var inQueue = IsInQueue(phoneCall.Id, settings.Queue.Id);

            // Every check passed: now the writes, each only when something changes.
            var reference = new EntityReference(PhoneCall.EntityName, phoneCall.Id);
            var subjectChanged = !string.Equals(call.GetAttributeValue<string>(PhoneCall.Subject), subject.Text, StringComparison.Ordinal);
            if (subjectChanged)
            {
                _service.Update(new Entity(PhoneCall.EntityName, phoneCall.Id) { [PhoneCall.Subject] = subject.Text });
                _trace("Subject set to " + subject + ".");
            }
            else
            {
                _trace("Subject already " + subject + ": not written.");
            }

            var current = call.GetAttributeValue<EntityReference>(PhoneCall.OwnerId);
            var assigned = current == null || current.Id != owner.Owner.Id || current.LogicalName != owner.Owner.LogicalName;
            if (assigned)
            {
                var assign = new OrganizationRequest(MessageNames.Assign);
                assign.Parameters[ParameterNames.Target] = reference;
                assign.Parameters[ParameterNames.Assignee] = new EntityReference(owner.Owner.LogicalName, owner.Owner.Id);
                _service.Execute(assign);
                _trace("Assigned to " + owner + ".");
            }
            else
            {
                _trace("Already owned by " + owner + ": not assigned.");
            }

            if (!inQueue)
            {
                var add = new OrganizationRequest(MessageNames.AddToQueue);
                add.Parameters[ParameterNames.Target] = reference;
                add.Parameters[ParameterNames.DestinationQueueId] = settings.Queue.Id;
                _service.Execute(add);
                _trace(string.Format(CultureInfo.InvariantCulture, "Added to the queue {0}.", settings.Queue.Id));
            }
            else
            {
                _trace(string.Format(CultureInfo.InvariantCulture, "Already in the queue {0}: not added again.", settings.Queue.Id));
            }

            return new CallbackProfileApplied(reference, settings, owner, subject, assigned, subjectChanged, !inQueue);
        }

        private bool IsInQueue(Guid phoneCallId, Guid queueId)
        {
            var query = new QueryExpression(QueueItem.EntityName) { ColumnSet = new ColumnSet(QueueItem.PrimaryId), TopCount = 1 };
            query.Criteria.AddCondition(QueueItem.ObjectId, ConditionOperator.Equal, phoneCallId);
            query.Criteria.AddCondition(QueueItem.QueueId, ConditionOperator.Equal, queueId);
            return _service.RetrieveMultiple(query).Entities.Count > 0;
        }
    }
}
