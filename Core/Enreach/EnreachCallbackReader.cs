using System;
using System.Collections.Generic;
using System.Globalization;
using VoiceForD365.Core.Enreach.Contracts;

namespace VoiceForD365.Core.Enreach
{
    /// <summary>
    /// Turns the answers of the callback endpoints into <see cref="EnreachCallbackList"/>s and
    /// <see cref="EnreachCallbackRequest"/>s, each record failing with a reason naming it and the field.
    /// </summary>
    internal static class EnreachCallbackReader
    {
        public static List<EnreachCallbackList> Lists(EnreachAnswer answer)
        {
            var records = answer.ReadRecords<EnreachCallbackListContract>("a JSON array of callback lists", ListNumber);
            var lists = new List<EnreachCallbackList>(records.Count);
            for (var i = 0; i < records.Count; i++)
            {
                var c = records[i].Contract;
                var record = ListNumber(i + 1);
                var id = EnreachFields.Id(answer, record, EnreachAssumptions.CallbackListId, c.Id);
                record += " (Id " + Text(id) + ")";
                var name = EnreachFields.Text(c.Name) ?? throw answer.Malformed(record + " has no " + EnreachAssumptions.CallbackListName);
                lists.Add(new EnreachCallbackList(id, name, EnreachFields.Text(c.Description),
                    EnreachFields.OptionalId(answer, record, EnreachAssumptions.CallbackListQueueId, c.QueueId), EnreachFields.Text(c.QueueName), records[i].Json));
            }
            return lists;
        }

        /// <summary>The requests of the list <paramref name="listId"/> (a request that does not say its list is on it).</summary>
        public static List<EnreachCallbackRequest> Requests(EnreachAnswer answer, Guid listId, Uri endpoint)
        {
            var records = answer.ReadRecords<EnreachCallbackRequestContract>("a JSON array of callback requests", RequestNumber);
            var requests = new List<EnreachCallbackRequest>(records.Count);
            for (var i = 0; i < records.Count; i++)
            {
                var c = records[i].Contract;
                var record = RequestNumber(i + 1);
                var id = EnreachFields.Id(answer, record, EnreachAssumptions.CallbackRequestId, c.Id);
                record += " (Id " + Text(id) + ")";
                var list = EnreachFields.OptionalId(answer, record, EnreachAssumptions.CallbackRequestListId, c.CallbackListId) ?? listId;
                if (list != listId) throw answer.Malformed(record + " is on another callback list than the one asked for");
                var created = EnreachFields.Time(answer, record, EnreachAssumptions.CallbackRequestCreated, c.Created);
                var status = EnreachFields.Text(c.Status);
                var voicemail = EnreachFields.Text(c.VoicemailRecordingId);
                requests.Add(new EnreachCallbackRequest(id, listId, EnreachFields.Text(c.ContactNumber), created, EnreachFields.Text(c.Note), status,
                    string.Equals(status, EnreachAssumptions.CallbackStatusClosed, StringComparison.OrdinalIgnoreCase),
                    voicemail, voicemail == null ? null : EnreachCallReader.RecordingUrl(endpoint, new[] { voicemail }), records[i].Json));
            }
            return requests;
        }

        private static string Text(Guid id) => id.ToString("D", CultureInfo.InvariantCulture);

        private static string ListNumber(int position) => "callback list #" + position.ToString(CultureInfo.InvariantCulture);

        private static string RequestNumber(int position) => "callback request #" + position.ToString(CultureInfo.InvariantCulture);
    }
}
