using System;
using System.Collections.Generic;
using System.Globalization;
using VoiceForD365.Core.Enreach.Contracts;

namespace VoiceForD365.Core.Enreach
{
    /// <summary>
    /// Turns the answers of <c>GET /calls</c> and <c>GET /servicecall</c> into <see cref="EnreachCallEvent"/>s: the one
    /// place that knows how each contract's fields make the event the sync uses. A record without a field the sync
    /// needs, or with a value of the wrong shape, fails the answer with a reason naming the record and the field.
    /// </summary>
    internal static class EnreachCallReader
    {
        private static readonly string[] InWords = { "In", "Incoming", "Inbound" };
        private static readonly string[] OutWords = { "Out", "Outgoing", "Outbound" };
        private static readonly string[] AnsweredWords = { "Answered" };
        private static readonly string[] UnansweredWords = { "Unanswered", "NotAnswered", "NoAnswer", "Missed" };

        /// <summary>The events of a <c>/calls</c> answer; <paramref name="endpoint"/> makes the recording links.</summary>
        public static List<EnreachCallEvent> UserCalls(EnreachAnswer answer, Uri endpoint)
        {
            var records = answer.ReadRecords<EnreachUserCallContract>("a JSON array of call events", CallEventNumber);
            var events = new List<EnreachCallEvent>(records.Count);
            for (var i = 0; i < records.Count; i++)
                events.Add(UserCall(answer, records[i].Contract, records[i].Json, CallEventNumber(i + 1), endpoint));
            return events;
        }

        /// <summary>The events of a <c>/servicecall</c> answer.</summary>
        public static List<EnreachCallEvent> ServiceCalls(EnreachAnswer answer, Uri endpoint)
        {
            var records = answer.ReadRecords<EnreachServiceCallContract>("a JSON array of service calls", ServiceCallNumber);
            var events = new List<EnreachCallEvent>(records.Count);
            for (var i = 0; i < records.Count; i++)
                events.Add(ServiceCall(answer, records[i].Contract, records[i].Json, ServiceCallNumber(i + 1), endpoint));
            return events;
        }

        private static EnreachCallEvent UserCall(EnreachAnswer answer, EnreachUserCallContract c, string json, string record, Uri endpoint)
        {
            var callId = EnreachFields.Id(answer, record, "CallId", c.AnyCallId);
            record = Named(record, callId);
            var eventId = EnreachFields.Id(answer, record, "Id", c.Id);
            var userId = EnreachFields.Id(answer, record, EnreachAssumptions.UserCallUserId, c.UserId);
            var outgoing = EnreachFields.Truthy(answer, record, "Direction", c.Direction, "a direction (0 in, 1 out)", InWords, OutWords);
            var answered = !EnreachFields.Truthy(answer, record, "EndResult", c.EndResult, "an end result (0 answered, other not)", AnsweredWords, UnansweredWords);
            var start = EnreachFields.Time(answer, record, c.StartTime != null ? "StartTime" : "TimeStamp", c.AnyStartTime);
            var duration = EnreachFields.Seconds(answer, record, "Duration", c.Duration);
            if (!c.HasClassification)
                throw answer.Malformed(record + " has no " + EnreachAssumptions.Classification + " (Work, Private or Unclassified), which decides whether it may be logged");
            var classification = EnreachFields.Classification(answer, record, c.Classification);
            var queueId = EnreachFields.OptionalId(answer, record, "AnswerQueueId", c.AnswerQueueId);
            var modified = EnreachFields.OptionalTime(answer, record, EnreachAssumptions.Modified, c.Modified);
            var aNum = EnreachFields.Text(c.ANum);
            var bNum = EnreachFields.Text(c.BNum);
            var recordings = EnreachFields.Ids(c.RecordingIds);
            return new EnreachCallEvent(
                eventId, callId, queueId == null ? EnreachCallKind.Direct : EnreachCallKind.Service, userId,
                queueId, queueId == null ? null : EnreachFields.Text(c.AnswerQueueName),
                outgoing ? EnreachCallDirection.Out : EnreachCallDirection.In, answered,
                outgoing ? bNum : aNum, outgoing ? aNum : bNum,
                start, duration, classification, recordings, RecordingUrl(endpoint, recordings), modified, json);
        }

        private static EnreachCallEvent ServiceCall(EnreachAnswer answer, EnreachServiceCallContract c, string json, string record, Uri endpoint)
        {
            var callId = EnreachFields.Id(answer, record, EnreachAssumptions.ServiceCallCallId, c.CallId);
            record = Named(record, callId);
            var eventId = EnreachFields.Id(answer, record, EnreachAssumptions.ServiceCallEventId, c.AnyId);
            var queueId = EnreachFields.Id(answer, record, EnreachAssumptions.ServiceCallQueueId, c.QueueId);
            var answered = !EnreachFields.Truthy(answer, record, EnreachAssumptions.ServiceCallEndResult, c.EndResult, "an end result (0 answered, other not)", AnsweredWords, UnansweredWords);
            var agent = EnreachFields.OptionalId(answer, record, EnreachAssumptions.ServiceCallAnsweredBy, c.AnsweredByUserId);
            var start = EnreachFields.Time(answer, record, EnreachAssumptions.ServiceCallStartTime, c.StartTime);
            var duration = EnreachFields.Seconds(answer, record, "Duration", c.Duration);
            // A queue call is the organization's, not a user's to classify: without the field it is Work.
            var classification = c.HasClassification && c.Classification != null
                ? EnreachFields.Classification(answer, record, c.Classification)
                : EnreachCallClassification.Work;
            var modified = EnreachFields.OptionalTime(answer, record, EnreachAssumptions.Modified, c.Modified);
            var recordings = EnreachFields.Ids(c.RecordingIds);
            return new EnreachCallEvent(
                eventId, callId, EnreachCallKind.Service, agent, queueId, EnreachFields.Text(c.QueueName),
                EnreachCallDirection.In, answered, EnreachFields.Text(c.ANum), null,
                start, duration, classification, recordings, RecordingUrl(endpoint, recordings), modified, json);
        }

        /// <summary>The link of the first recording (<see cref="EnreachAssumptions.RecordingPathPrefix"/>); null without one.</summary>
        public static Uri? RecordingUrl(Uri endpoint, IReadOnlyList<string> recordingIds) =>
            recordingIds.Count == 0 ? null : new Uri(endpoint, EnreachAssumptions.RecordingPathPrefix + Uri.EscapeDataString(recordingIds[0]));

        private static string Named(string record, Guid callId) => record + " (CallId " + callId.ToString("D", CultureInfo.InvariantCulture) + ")";

        private static string CallEventNumber(int position) => "call event #" + position.ToString(CultureInfo.InvariantCulture);

        private static string ServiceCallNumber(int position) => "service call #" + position.ToString(CultureInfo.InvariantCulture);
    }
}
