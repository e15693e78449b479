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
using VoiceForD365.Core.Numbers;
using VoiceForD365.Core.Schema;

namespace VoiceForD365.Core.PhoneCalls
{
    /// <summary>
    /// Decides what happens to each call event of a window and builds the request that writes it. The settings and the
    /// users are given; what the organization holds is read in a few queries for all events at once: the keys that
    /// exist (one per 1,000 CallIds), the widget's phone calls (one), the callers (the matcher's). Nothing is written
    /// here: <see cref="PhoneCallWriter"/> sends the requests, and <see cref="PhoneCallSync.Explain"/> only reads the
    /// decisions.
    /// </summary>
    internal sealed class CallPlanner
    {
        /// <summary>CallIds per existing-key query.</summary>
        public const int CallIdsPerQuery = 1000;

        /// <summary>Dataverse's length of phonecall.subject.</summary>
        private const int SubjectLength = 200;

        private readonly IOrganizationService _service;
        private readonly PhoneCallSyncSettings _settings;
        private readonly SyncUsers _users;
        private readonly SyncUser _fallback;
        private readonly bool _applied;
        private readonly Action<string> _trace;

        public CallPlanner(IOrganizationService service, PhoneCallSyncSettings settings, SyncUsers users, SyncUser fallback, bool applied, Action<string> trace)
        {
            _service = service;
            _settings = settings;
            _users = users;
            _fallback = fallback;
            _applied = applied;
            _trace = trace;
        }

        /// <summary>A decision for every event, in start order (the order the phone calls are written in).</summary>
        public List<PlannedCall> Plan(IEnumerable<ReadEvent> events)
        {
            var calls = new List<PlannedCall>();
            var candidates = new List<PlannedCall>();
            var byKey = new Dictionary<string, PlannedCall>(StringComparer.OrdinalIgnoreCase);
            foreach (var read in events.OrderBy(r => r.Event.StartTime).ThenBy(r => r.Event.EventId).ThenBy(r => r.FromQueueView))
            {
                var reason = Filter(read, out var sentence);
                if (reason != PhoneCallSkipReason.None)
                {
                    calls.Add(new PlannedCall(read, Skipped(read, reason, sentence)));
                    continue;
                }
                if (byKey.TryGetValue(read.Key, out var first))
                {
                    calls.Add(new PlannedCall(read, Skipped(read, PhoneCallSkipReason.SameCallEvent, string.Format(CultureInfo.InvariantCulture,
                        "the same call event (CallId, agent) as event {0:D} that started {1:HH:mm:ss}: one phone call per agent and call", first.Read.Event.EventId, first.Read.Event.StartTime))));
                    continue;
                }
                var call = new PlannedCall(read, Skipped(read, PhoneCallSkipReason.None, "undecided"));
                byKey.Add(read.Key, call);
                candidates.Add(call);
                calls.Add(call);
            }

            var existing = ExistingKeys(candidates.Select(c => c.Read.Event.CallId));
            var open = new List<PlannedCall>();
            foreach (var call in candidates)
            {
                if (existing.TryGetValue(call.Read.Key, out var phoneCallId))
                {
                    call.Decision = Decision(call.Read, PhoneCallOutcome.AlreadyLogged, string.Format(CultureInfo.InvariantCulture,
                        "phone call {0:D} has this call event's key (CallId {1:D}, agent {2:D})", phoneCallId, call.Read.Event.CallId, PhoneCallDecision.KeyAgentOf(call.Read.Event)), null, phoneCallId);
                    continue;
                }
                open.Add(call);
            }

            var owners = open.ToDictionary(c => c, c => OwnerOf(c.Read));
            var unmerged = Merge(open, owners);
            // The callers of all of them at once: one query per table per 1,000 distinct numbers.
            var numbers = unmerged.Select(c => c.Read.Event.OtherPartyNumber).Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n!).ToList();
            var callers = numbers.Count == 0 ? null : new CallerMatcher(_service, _trace).Match(numbers, new MatchOptions(_settings.NumbersToCut));
            foreach (var call in unmerged) Create(call, owners[call], callers);
            return calls;
        }

        // ------------------------------------------------------------------ what is read, and what is logged

        /// <summary>The settings and the event itself: whether it may be logged at all (None), else why not.</summary>
        private PhoneCallSkipReason Filter(ReadEvent read, out string sentence)
        {
            var e = read.Event;
            if (read.FromQueueView)
            {
                if (e.Answered)
                {
                    if (!_settings.ProcessServiceCalls) return Skip(out sentence, PhoneCallSkipReason.ServiceCallsOff, "an answered queue call, and ProcessServiceCalls is off");
                    return Skip(out sentence, PhoneCallSkipReason.AnsweredQueueView, string.Format(CultureInfo.InvariantCulture,
                        "the queue's view of a call agent {0:D} answered: it is logged from the agent's own event in /calls, which carries the agent's classification", e.UserId));
                }
                if (!_settings.ProcessServiceCallsUnanswered)
                    return Skip(out sentence, PhoneCallSkipReason.UnansweredServiceCallsOff, "a queue call nobody answered, and ProcessServiceCallsUnanswered is off");
            }
            else if (e.Kind == EnreachCallKind.Direct)
            {
                if (!_settings.ProcessDirectCalls) return Skip(out sentence, PhoneCallSkipReason.DirectCallsOff, "a direct call, and ProcessDirectCalls is off");
                if (!e.Answered) return Skip(out sentence, PhoneCallSkipReason.NotAnswered, "a direct call nobody answered: direct calls are logged when answered");
            }
            else
            {
                if (!_settings.ProcessServiceCalls) return Skip(out sentence, PhoneCallSkipReason.ServiceCallsOff, "an answered queue call, and ProcessServiceCalls is off");
                if (!e.Answered)
                    return Skip(out sentence, PhoneCallSkipReason.NotAnswered, "a queue call offered to the agent, who did not answer it (the agent who did has an event of their own)");
            }
            if (e.Classification != EnreachCallClassification.Work)
                return Skip(out sentence, PhoneCallSkipReason.NotWork, "classified " + e.Classification + " in Voice Center: only Work calls are logged");
            // The limit is on talk time: a queue call nobody answered is logged for its call-back, however long the caller waited.
            if (e.Answered && e.Duration < _settings.CallDurationLimit)
                return Skip(out sentence, PhoneCallSkipReason.TooShort, string.Format(CultureInfo.InvariantCulture,
                    "lasted {0}, shorter than CallDurationLimit ({1})", PhoneCallSyncSettings.Seconds(e.Duration), PhoneCallSyncSettings.Seconds(_settings.CallDurationLimit)));
            sentence = "";
            return PhoneCallSkipReason.None;
        }

        private static PhoneCallSkipReason Skip(out string sentence, PhoneCallSkipReason reason, string text)
        {
            sentence = text;
            return reason;
        }

        /// <summary>The keys among these CallIds that phone calls already have, with the phone call's id.</summary>
        private Dictionary<string, Guid> ExistingKeys(IEnumerable<Guid> callIds)
        {
            var existing = new Dictionary<string, Guid>(StringComparer.OrdinalIgnoreCase);
            var ids = callIds.Distinct().Select(id => (object)id.ToString("D")).ToList();
            for (var start = 0; start < ids.Count; start += CallIdsPerQuery)
            {
                var chunk = ids.GetRange(start, Math.Min(CallIdsPerQuery, ids.Count - start));
                var query = new QueryExpression(PhoneCall.EntityName) { ColumnSet = new ColumnSet(PhoneCall.EnreachCallId, PhoneCall.EnreachAgentId) };
                query.Criteria.AddCondition(PhoneCall.EnreachCallId, ConditionOperator.In, chunk.ToArray());
                query.Orders.Add(new OrderExpression(PhoneCall.PrimaryId, OrderType.Ascending));
                foreach (var row in _service.RetrieveAll(query))
                {
                    if (!Guid.TryParse(row.GetAttributeValue<string>(PhoneCall.EnreachCallId), out var callId) ||
                        !Guid.TryParse(row.GetAttributeValue<string>(PhoneCall.EnreachAgentId), out var agentId)) continue;
                    existing[ReadEvent.KeyOf(callId, agentId)] = row.Id;
                }
            }
            return existing;
        }

        // ------------------------------------------------------------------ who owns it

        private sealed class Owner
        {
            public Owner(SyncUser user, string sentence)
            {
                User = user;
                Sentence = sentence;
            }

            public SyncUser User { get; }

            public string Sentence { get; }
        }

        /// <summary>The Dynamics user of the event's Enreach user; else the user whose mobile the call was on; else the fallback user.</summary>
        private Owner OwnerOf(ReadEvent read)
        {
            var e = read.Event;
            var fallback = "owner is the fallback user " + _fallback.Describe() + " (DefaultCrmAssignee)";
            string why;
            if (e.UserId is Guid enreachId)
            {
                var user = _users.ByEnreachId(enreachId);
                if (user != null && !user.Disabled) return new Owner(user, "owner " + user.Describe() + " (Enreach id " + enreachId.ToString("D") + ")");
                why = user != null
                    ? "the Dynamics user " + user.Describe() + " with Enreach id " + enreachId.ToString("D") + " is disabled"
                    : "no Dynamics user with Enreach id " + enreachId.ToString("D");
            }
            else
            {
                why = "no agent took the call" + (e.QueueName == null ? "" : " (queue " + e.QueueName + ")");
            }
            if (!string.IsNullOrWhiteSpace(e.AgentNumber))
            {
                var byMobile = _users.ByMobile(e.AgentNumber);
                if (byMobile.Count == 1)
                    return new Owner(byMobile[0], why + "; owner " + byMobile[0].Describe() + ", whose mobile number is the agent's side of the call (" + e.AgentNumber + ")");
                if (byMobile.Count > 1)
                    why += "; " + byMobile.Count.ToString(CultureInfo.InvariantCulture) + " users have the mobile number " + e.AgentNumber + ", so none is taken";
            }
            return new Owner(_fallback, why + "; " + fallback);
        }

        // ------------------------------------------------------------------ the agent's widget already logged it

        private sealed class WidgetCall
        {
            public WidgetCall(Entity row)
            {
                Row = row;
                Start = row.GetAttributeValue<DateTime?>(PhoneCall.ActualStart) ?? row.GetAttributeValue<DateTime>(StandardColumns.CreatedOn);
                Start = DateTime.SpecifyKind(Start, DateTimeKind.Utc);
                Key = PhoneNumber.KeyOf(row.GetAttributeValue<string>(PhoneCall.PhoneNumber));
                Owner = row.GetAttributeValue<EntityReference>(PhoneCall.OwnerId)?.Id ?? Guid.Empty;
            }

            public Entity Row { get; }

            public DateTime Start { get; }

            /// <summary>The number key of the widget's number (null: none).</summary>
            public string? Key { get; }

            public Guid Owner { get; }

            public bool Taken { get; set; }

            public int State => Row.GetAttributeValue<OptionSetValue>(PhoneCall.StateCode)?.Value ?? PhoneCall.StateOpen;
        }

        /// <summary>
        /// Finds, in one query, the phone calls without an Enreach key that the events' owners' widgets logged around
        /// the events' times; an event with the same owner and number (the same number key: the widget may have the
        /// number in a local format), started within CallStartMargin (and the same direction, when the widget set it), is
        /// merged into the closest one. Returns the events still to create.
        /// </summary>
        private List<PlannedCall> Merge(List<PlannedCall> open, Dictionary<PlannedCall, Owner> owners)
        {
            if (open.Count == 0) return open;
            var margin = _settings.CallStartMargin;
            var from = open.Min(c => c.Read.Event.StartTime) - margin;
            var to = open.Max(c => c.Read.Event.StartTime + c.Read.Event.Duration) + margin;
            var ownerIds = owners.Values.Select(o => (object)o.User.Id).Distinct().ToArray();
            var query = new QueryExpression(PhoneCall.EntityName)
            {
                ColumnSet = new ColumnSet(PhoneCall.OwnerId, PhoneCall.PhoneNumber, PhoneCall.ActualStart, StandardColumns.CreatedOn, PhoneCall.StateCode, PhoneCall.DirectionCode, PhoneCall.Subject),
            };
            query.Criteria.AddCondition(PhoneCall.EnreachCallId, ConditionOperator.Null);
            query.Criteria.AddCondition(PhoneCall.CallbackRequestId, ConditionOperator.Null);
            query.Criteria.AddCondition(PhoneCall.StateCode, ConditionOperator.In, PhoneCall.StateOpen, PhoneCall.StateCompleted);
            query.Criteria.AddCondition(PhoneCall.OwnerId, ConditionOperator.In, ownerIds);
            var when = query.Criteria.AddFilter(LogicalOperator.Or);
            var created = when.AddFilter(LogicalOperator.And);
            created.AddCondition(StandardColumns.CreatedOn, ConditionOperator.GreaterEqual, from);
            created.AddCondition(StandardColumns.CreatedOn, ConditionOperator.LessEqual, to);
            var started = when.AddFilter(LogicalOperator.And);
            started.AddCondition(PhoneCall.ActualStart, ConditionOperator.GreaterEqual, from);
            started.AddCondition(PhoneCall.ActualStart, ConditionOperator.LessEqual, to);
            query.Orders.Add(new OrderExpression(PhoneCall.PrimaryId, OrderType.Ascending));
            var widgetCalls = _service.RetrieveAll(query).Select(r => new WidgetCall(r)).Where(w => w.Key != null).ToList();
            if (widgetCalls.Count == 0) return open;

            var rest = new List<PlannedCall>();
            foreach (var call in open)
            {
                var e = call.Read.Event;
                var owner = owners[call];
                var key = PhoneNumber.KeyOf(e.OtherPartyNumber);
                var outgoing = e.Direction == EnreachCallDirection.Out;
                var widget = widgetCalls
                    .Where(w => !w.Taken && w.Owner == owner.User.Id && key != null && w.Key == key && Distance(w.Start, e.StartTime) <= margin &&
                                (!w.Row.Contains(PhoneCall.DirectionCode) || w.Row.GetAttributeValue<bool>(PhoneCall.DirectionCode) == outgoing))
                    .OrderBy(w => Distance(w.Start, e.StartTime)).ThenBy(w => w.Row.Id)
                    .FirstOrDefault();
                if (widget == null)
                {
                    rest.Add(call);
                    continue;
                }
                widget.Taken = true;
                MergeInto(call, widget, owner);
            }
            return rest;
        }

        private void MergeInto(PlannedCall call, WidgetCall widget, Owner owner)
        {
            var e = call.Read.Event;
            var status = e.Direction == EnreachCallDirection.Out ? PhoneCall.StatusMade : PhoneCall.StatusReceived;
            var update = EnreachFields(new Entity(PhoneCall.EntityName, widget.Row.Id), call.Read);
            update[PhoneCall.StateCode] = new OptionSetValue(PhoneCall.StateCompleted);
            update[PhoneCall.StatusCode] = new OptionSetValue(status);
            // The widget's call may have changed since it was read: the row version keeps the agent's edit from being overwritten.
            if (widget.State == PhoneCall.StateOpen)
            {
                update.RowVersion = widget.Row.RowVersion;
                call.Request = new UpdateRequest { Target = update, ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches };
                call.Operations = 1;
            }
            else
            {
                // The agent completed it already: a completed activity is read-only, so it is opened and completed again in one transaction.
                var reopen = new Entity(PhoneCall.EntityName, widget.Row.Id) { RowVersion = widget.Row.RowVersion };
                reopen[PhoneCall.StateCode] = new OptionSetValue(PhoneCall.StateOpen);
                reopen[PhoneCall.StatusCode] = new OptionSetValue(PhoneCall.StatusOpen);
                call.Request = new ExecuteTransactionRequest
                {
                    Requests = new OrganizationRequestCollection
                    {
                        new UpdateRequest { Target = reopen, ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches },
                        new UpdateRequest { Target = update },
                    },
                };
                call.Operations = 2;
            }
            call.Decision = Decision(call.Read, PhoneCallOutcome.Merged, string.Format(CultureInfo.InvariantCulture,
                "phone call {0:D} '{1}', which the agent's widget logged for {2} at {3:HH:mm:ss} (within CallStartMargin, {4}), gets the Enreach key and fields and is {5} as {6}; its subject, description and parties stay the agent's",
                widget.Row.Id, widget.Row.GetAttributeValue<string>(PhoneCall.Subject), e.OtherPartyNumber, widget.Start, PhoneCallSyncSettings.Seconds(_settings.CallStartMargin),
                widget.State == PhoneCall.StateOpen ? "completed" : "completed again", StatusName(status)), owner.Sentence, widget.Row.Id);
        }

        private static TimeSpan Distance(DateTime a, DateTime b) => a > b ? a - b : b - a;

        // ------------------------------------------------------------------ a new phone call

        private void Create(PlannedCall call, Owner owner, CallerMatchResult? callers)
        {
            var e = call.Read.Event;
            var outgoing = e.Direction == EnreachCallDirection.Out;
            var matches = callers == null || string.IsNullOrWhiteSpace(e.OtherPartyNumber) ? new List<CallerMatch>() : callers.For(e.OtherPartyNumber!).Matches.ToList();
            var status = e.Answered ? (outgoing ? PhoneCall.StatusMade : PhoneCall.StatusReceived) : PhoneCall.StatusOpen;
            var choice = CallerChoice.Of(matches, e.OtherPartyNumber, _settings, "the other party's number is not known", "no customer has the number: logged with the number only");
            if (choice.Skipped)
            {
                call.Decision = Skipped(call.Read, PhoneCallSkipReason.MultipleMatches, choice.Text);
                return;
            }
            var parties = choice.Parties;
            var callerText = choice.Text;
            if (choice.AllOfSeveral)
            {
                status = _settings.MultipleMatchPhoneCallStatus;
                callerText += "; status reason " + status.ToString(CultureInfo.InvariantCulture) + " (MultipleMatchPhoneCallStatus)";
            }

            var id = Guid.NewGuid();
            var subject = _settings.SubjectOf(e.Kind == EnreachCallKind.Service, outgoing);
            if (subject.Length > SubjectLength) subject = subject.Substring(0, SubjectLength);
            var row = EnreachFields(new Entity(PhoneCall.EntityName, id), call.Read);
            row[PhoneCall.Subject] = subject;
            if (!string.IsNullOrWhiteSpace(e.OtherPartyNumber)) row[PhoneCall.PhoneNumber] = e.OtherPartyNumber;
            row[PhoneCall.DirectionCode] = outgoing;
            row[PhoneCall.OwnerId] = owner.User.Reference;
            var user = Parties(new[] { owner.User.Reference }, null);
            var other = Parties(parties, parties.Count == 0 ? e.OtherPartyNumber : null);
            row[outgoing ? PhoneCall.From : PhoneCall.To] = user;
            if (other != null) row[outgoing ? PhoneCall.To : PhoneCall.From] = other;
            var state = StateOf(status);
            string ending;
            if (state == PhoneCall.StateOpen)
            {
                // Dataverse does not take statecode on create: an open phone call is one Create.
                if (status != PhoneCall.StatusOpen) row[PhoneCall.StatusCode] = new OptionSetValue(status);
                call.Request = new CreateRequest { Target = row };
                call.Operations = 1;
                ending = e.Answered ? "left open (status reason " + status.ToString(CultureInfo.InvariantCulture) + ")" : "left open for a call-back";
            }
            else
            {
                // Completed (or canceled) as one atomic unit: the create and the state change, or neither.
                var close = new Entity(PhoneCall.EntityName, id);
                close[PhoneCall.StateCode] = new OptionSetValue(state);
                close[PhoneCall.StatusCode] = new OptionSetValue(status);
                call.Request = new ExecuteTransactionRequest
                {
                    Requests = new OrganizationRequestCollection { new CreateRequest { Target = row }, new UpdateRequest { Target = close } },
                };
                call.Operations = 2;
                ending = (state == PhoneCall.StateCompleted ? "completed as " : "canceled as ") + StatusName(status);
            }
            call.Decision = Decision(call.Read, PhoneCallOutcome.Created, string.Format(CultureInfo.InvariantCulture, "'{0}', {1} {2}; {3}; {4}",
                subject, outgoing ? "outgoing to" : "incoming from", string.IsNullOrWhiteSpace(e.OtherPartyNumber) ? "an unknown number" : e.OtherPartyNumber, callerText, ending), owner.Sentence, id);
        }

        /// <summary>What the sync writes from Enreach on a phone call it creates or merges: times, type, queue, recording, audit and the key.</summary>
        private Entity EnreachFields(Entity row, ReadEvent read)
        {
            var e = read.Event;
            row[PhoneCall.ActualStart] = e.StartTime;
            row[PhoneCall.ActualEnd] = e.StartTime + e.Duration;
            row[PhoneCall.ActualDurationMinutes] = (int)Math.Ceiling(e.Duration.TotalMinutes);
            row[PhoneCall.CallType] = new OptionSetValue(e.Kind == EnreachCallKind.Service ? CallType.Service : CallType.Direct);
            if (!string.IsNullOrWhiteSpace(e.QueueName)) row[PhoneCall.QueueName] = e.QueueName;
            if (e.RecordingUrl != null) row[PhoneCall.RecordingUrl] = e.RecordingUrl.AbsoluteUri;
            row[PhoneCall.EnreachApiAudit] = _settings.EnableAudit ? e.Json : "CallId is " + e.CallId.ToString("D");
            row[PhoneCall.EnreachCallId] = e.CallId.ToString("D");
            row[PhoneCall.EnreachAgentId] = PhoneCallDecision.KeyAgentOf(e).ToString("D");
            return row;
        }

        private static EntityCollection? Parties(IEnumerable<EntityReference> records, string? address)
        {
            var parties = new EntityCollection { EntityName = ActivityParty.EntityName };
            foreach (var record in records) parties.Entities.Add(new Entity(ActivityParty.EntityName) { [ActivityParty.PartyId] = record });
            if (parties.Entities.Count == 0 && !string.IsNullOrWhiteSpace(address))
                parties.Entities.Add(new Entity(ActivityParty.EntityName) { [ActivityParty.AddressUsed] = address });
            return parties.Entities.Count == 0 ? null : parties;
        }

        /// <summary>The state a status reason of the standard phone call belongs to; any other (a custom reason) is taken as one of an open call.</summary>
        internal static int StateOf(int status)
        {
            switch (status)
            {
                case PhoneCall.StatusMade:
                case PhoneCall.StatusReceived:
                    return PhoneCall.StateCompleted;
                case PhoneCall.StatusCanceled:
                    return PhoneCall.StateCanceled;
                default:
                    return PhoneCall.StateOpen;
            }
        }

        private static string StatusName(int status) =>
            status == PhoneCall.StatusMade ? "Made" : status == PhoneCall.StatusReceived ? "Received" : status == PhoneCall.StatusCanceled ? "Canceled" : "status reason " + status.ToString(CultureInfo.InvariantCulture);

        private PhoneCallDecision Skipped(ReadEvent read, PhoneCallSkipReason reason, string sentence) =>
            new PhoneCallDecision(read.Event, read.FromQueueView, PhoneCallOutcome.Skipped, reason, sentence, null, null, _applied);

        private PhoneCallDecision Decision(ReadEvent read, PhoneCallOutcome outcome, string sentence, string? owner, Guid? phoneCallId) =>
            new PhoneCallDecision(read.Event, read.FromQueueView, outcome, PhoneCallSkipReason.None, sentence, owner, phoneCallId, _applied);
    }
}
