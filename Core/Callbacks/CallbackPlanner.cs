using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using VoiceForD365.Core.Data;
using VoiceForD365.Core.Enreach;
using VoiceForD365.Core.Matching;
using VoiceForD365.Core.PhoneCalls;
using VoiceForD365.Core.Schema;

namespace VoiceForD365.Core.Callbacks
{
    /// <summary>An open callback request of a profile, its decision and, when it is to be logged, its Create.</summary>
    internal sealed class PlannedCallback
    {
        public PlannedCallback(CallbackSyncProfile profile, EnreachCallbackRequest request)
        {
            Profile = profile;
            Request = request;
        }

        public CallbackSyncProfile Profile { get; }

        public EnreachCallbackRequest Request { get; }

        public CallbackDecision Decision { get; set; } = null!;

        /// <summary>The Create of its phone call; null when nothing is to be written.</summary>
        public CreateRequest? Create { get; set; }

        public bool Sent { get; set; }

        /// <summary>A phone call with the request's id exists (found, created or met as a duplicate): the request may be closed.</summary>
        public bool Logged => Decision.Outcome == CallbackOutcome.Created && Sent || Decision.Outcome == CallbackOutcome.AlreadyLogged;
    }

    /// <summary>
    /// Decides every open callback request: already logged (a phone call has its id: one query per 1,000 requests), or a
    /// new open phone call (callers matched in one go, as the phone call sync matches them), or skipped for several
    /// matches when the settings say not to choose.
    /// </summary>
    internal sealed class CallbackPlanner
    {
        private readonly IOrganizationService _service;
        private readonly PhoneCallSyncSettings _settings;
        private readonly bool _applied;
        private readonly Action<string> _trace;

        public CallbackPlanner(IOrganizationService service, PhoneCallSyncSettings settings, bool applied, Action<string> trace)
        {
            _service = service;
            _settings = settings;
            _applied = applied;
            _trace = trace;
        }

        public List<PlannedCallback> Plan(IReadOnlyList<PlannedCallback> callbacks)
        {
            var logged = Logged(_service, callbacks.Select(c => c.Request.Id).ToList());
            var fresh = new List<PlannedCallback>();
            foreach (var callback in callbacks)
            {
                if (logged.TryGetValue(callback.Request.Id, out var phoneCall))
                    callback.Decision = Decision(callback, CallbackOutcome.AlreadyLogged, "phone call " + phoneCall.ToString("D") + " has this request's id", phoneCall);
                else
                    fresh.Add(callback);
            }
            var numbers = fresh.Select(c => c.Request.CallerNumber).Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n!).ToList();
            var callers = numbers.Count == 0 ? null : new CallerMatcher(_service, _trace).Match(numbers, new MatchOptions(_settings.NumbersToCut));
            foreach (var callback in fresh) Create(callback, callers);
            return callbacks.ToList();
        }

        /// <summary>The phone calls that carry these request ids, by request id: one query per <see cref="CallerMatcher.MaxKeysPerQuery"/> ids.</summary>
        internal static Dictionary<Guid, Guid> Logged(IOrganizationService service, IReadOnlyList<Guid> requestIds)
        {
            var logged = new Dictionary<Guid, Guid>();
            for (var start = 0; start < requestIds.Count; start += CallerMatcher.MaxKeysPerQuery)
            {
                var chunk = requestIds.Skip(start).Take(CallerMatcher.MaxKeysPerQuery).Select(id => (object)CallbackListIds.Text(id)).ToArray();
                var query = new QueryExpression(PhoneCall.EntityName) { ColumnSet = new ColumnSet(PhoneCall.CallbackRequestId) };
                query.Criteria.AddCondition(PhoneCall.CallbackRequestId, ConditionOperator.In, chunk);
                foreach (var row in service.RetrieveAll(query))
                {
                    if (Guid.TryParse(row.GetAttributeValue<string>(PhoneCall.CallbackRequestId), out var id) && !logged.ContainsKey(id)) logged.Add(id, row.Id);
                }
            }
            return logged;
        }

        private void Create(PlannedCallback callback, CallerMatchResult? callers)
        {
            var request = callback.Request;
            var number = request.CallerNumber;
            var matches = callers == null || string.IsNullOrWhiteSpace(number) ? new List<CallerMatch>() : callers.For(number!).Matches.ToList();
            var choice = CallerChoice.Of(matches, number, _settings, "the caller's number is hidden", "no customer has the number: the phone call has the number only");
            if (choice.Skipped)
            {
                callback.Decision = Decision(callback, CallbackOutcome.Skipped, choice.Text + "; it stays open in Enreach", null);
                return;
            }
            var parties = choice.Parties;
            var callerText = choice.Text;
            int? status = null;
            if (choice.AllOfSeveral)
            {
                // A callback is work to do: it stays open, so only a status reason of an open phone call applies.
                var open = CallPlanner.StateOf(_settings.MultipleMatchPhoneCallStatus) == PhoneCall.StateOpen;
                if (open && _settings.MultipleMatchPhoneCallStatus != PhoneCall.StatusOpen) status = _settings.MultipleMatchPhoneCallStatus;
                if (!open)
                    callerText += "; MultipleMatchPhoneCallStatus " + _settings.MultipleMatchPhoneCallStatus.ToString(CultureInfo.InvariantCulture) + " is not a status reason of an open phone call, so it stays Open";
            }

            var id = Guid.NewGuid();
            var subject = callback.Profile.Subject.Text;
            if (subject.Length > CallbackSubjects.MaxLength) subject = subject.Substring(0, CallbackSubjects.MaxLength);
            var row = new Entity(PhoneCall.EntityName, id)
            {
                [PhoneCall.Subject] = subject,
                // The phone call is the call back to make: outgoing, to the caller.
                [PhoneCall.DirectionCode] = true,
                [PhoneCall.CallType] = new OptionSetValue(CallType.Callback),
                [PhoneCall.CallbackProfileId] = new EntityReference(CallbackProfile.EntityName, callback.Profile.Settings.Id) { Name = callback.Profile.Settings.Name },
                [PhoneCall.CallbackRequestId] = CallbackListIds.Text(request.Id),
                [PhoneCall.EnreachApiAudit] = _settings.EnableAudit ? request.Json : "Callback request is " + CallbackListIds.Text(request.Id),
            };
            if (!string.IsNullOrWhiteSpace(number)) row[PhoneCall.PhoneNumber] = number;
            if (!string.IsNullOrWhiteSpace(request.Note)) row[PhoneCall.Description] = request.Note;
            if (request.VoicemailUrl != null) row[PhoneCall.RecordingUrl] = request.VoicemailUrl.AbsoluteUri;
            if (status != null) row[PhoneCall.StatusCode] = new OptionSetValue(status.Value);
            var to = new EntityCollection { EntityName = ActivityParty.EntityName };
            foreach (var party in parties) to.Entities.Add(new Entity(ActivityParty.EntityName) { [ActivityParty.PartyId] = party });
            if (to.Entities.Count == 0 && !string.IsNullOrWhiteSpace(number)) to.Entities.Add(new Entity(ActivityParty.EntityName) { [ActivityParty.AddressUsed] = number });
            if (to.Entities.Count > 0) row[PhoneCall.To] = to;
            callback.Create = new CreateRequest { Target = row };
            callback.Decision = Decision(callback, CallbackOutcome.Created, string.Format(CultureInfo.InvariantCulture,
                "open phone call '{0}' (subject {1}; owner, subject and queue then set by the profile's ownership rule {2}); {3}{4}{5}",
                subject, callback.Profile.Subject.Source == CallbackSubjectSource.Profile ? "of the profile" : callback.Profile.Subject.Source == CallbackSubjectSource.Setting ? "of the setting" : "by default",
                CallbackProfileSettings.Label(callback.Profile.Settings.OwnershipRule), callerText,
                string.IsNullOrWhiteSpace(request.Note) ? "" : "; the note as its description", request.VoicemailUrl == null ? "" : "; the voicemail as its recording"), id);
        }

        private CallbackDecision Decision(PlannedCallback callback, CallbackOutcome outcome, string reason, Guid? phoneCallId) =>
            new CallbackDecision(callback.Request, callback.Profile.Describe(), outcome, reason, phoneCallId, CallbackCloseOutcome.NotTried, null, _applied);

    }
}
