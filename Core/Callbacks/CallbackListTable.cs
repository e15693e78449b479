using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using VoiceForD365.Core.Data;
using VoiceForD365.Core.Enreach;
using VoiceForD365.Core.Schema;

namespace VoiceForD365.Core.Callbacks
{
    /// <summary>
    /// The Callback List virtual table's data: Enreach's callback lists as rows of <see cref="CallbackList"/>, read
    /// with one <c>GET /callbacklists</c> per operation (Enreach filters nothing, so the query's conditions, orders and
    /// paging are applied here, in memory). What the data provider's plug-ins answer Retrieve and RetrieveMultiple with.
    /// </summary>
    public sealed class CallbackListTable
    {
        /// <summary>The table's name in messages.</summary>
        public const string DisplayName = "Callback List";

        private static readonly string[] Columns =
            { CallbackList.PrimaryId, CallbackList.Name, CallbackList.Description, CallbackList.EnreachQueueId, CallbackList.QueueName };

        private static readonly ColumnSet AllColumns = new ColumnSet(true);

        private readonly Func<IEnreachClient> _enreach;
        private readonly Action<string> _trace;

        /// <param name="enreach">Creates the Enreach client (on first use: a query Dataverse refuses costs no sign-in).</param>
        /// <param name="trace">Where decisions are written (the plug-in trace log).</param>
        public CallbackListTable(Func<IEnreachClient> enreach, Action<string> trace)
        {
            _enreach = enreach ?? throw new ArgumentNullException(nameof(enreach));
            _trace = trace ?? throw new ArgumentNullException(nameof(trace));
        }

        /// <summary>The list <paramref name="id"/> with the columns asked for (and its id).</summary>
        /// <exception cref="CallbackListNotFoundException">Enreach has no such list.</exception>
        /// <exception cref="EnreachException">Enreach can't be asked or answered something unusable.</exception>
        public Entity Retrieve(Guid id, ColumnSet columns)
        {
            if (columns == null) throw new ArgumentNullException(nameof(columns));
            var list = Find(id) ?? throw new CallbackListNotFoundException(string.Format(CultureInfo.InvariantCulture,
                "Enreach has no callback list with the id {0}: it was removed in Enreach, or the id is wrong. Pick the list by name in the Callback List lookup.", id));
            return Row(list, columns);
        }

        /// <summary>The list <paramref name="id"/>, or null when Enreach has none with that id.</summary>
        /// <exception cref="EnreachException">Enreach can't be asked or answered something unusable.</exception>
        public EnreachCallbackList? Find(Guid id)
        {
            var list = Lists().FirstOrDefault(l => l.Id == id);
            _trace(list == null ? "Enreach has no callback list " + Text(id) + "." : "Callback list " + list + ".");
            return list;
        }

        /// <summary>The page of lists the query asks for: its conditions, orders, top count and paging applied to what Enreach returned.</summary>
        /// <exception cref="UnsupportedQueryException">The query joins, or filters or sorts in a way the table does not.</exception>
        /// <exception cref="EnreachException">Enreach can't be asked or answered something unusable.</exception>
        public EntityCollection RetrieveMultiple(QueryExpression query)
        {
            if (query == null) throw new ArgumentNullException(nameof(query));
            var lists = Lists();
            // Conditions and orders may name columns the query does not select: whole rows are queried, then cut.
            var page = InMemoryQuery.Run(query, lists.Select(l => Row(l, AllColumns)), DisplayName, Columns);
            var byId = lists.ToDictionary(l => l.Id);
            _trace(string.Format(CultureInfo.InvariantCulture, "{0} of Enreach's {1} callback lists answer the query{2}.",
                page.Entities.Count, lists.Count, page.MoreRecords ? " on this page; more follow" : ""));
            return new EntityCollection(page.Entities.Select(r => Row(byId[r.Id], query.ColumnSet)).ToList())
            {
                EntityName = page.EntityName, MoreRecords = page.MoreRecords, TotalRecordCount = page.TotalRecordCount,
            };
        }

        private IReadOnlyList<EnreachCallbackList> Lists()
        {
            var lists = _enreach().GetCallbackLists();
            _trace(string.Format(CultureInfo.InvariantCulture, "Enreach has {0} callback lists.", lists.Count));
            return lists;
        }

        /// <summary>A list as a row: every column (the query filters and sorts on any), or those asked for with the id.</summary>
        private static Entity Row(EnreachCallbackList list, ColumnSet columns)
        {
            var row = new Entity(CallbackList.EntityName, list.Id) { [CallbackList.PrimaryId] = list.Id };
            Set(row, columns, CallbackList.Name, list.Name);
            Set(row, columns, CallbackList.Description, list.Description);
            Set(row, columns, CallbackList.EnreachQueueId, list.QueueId?.ToString("D", CultureInfo.InvariantCulture));
            Set(row, columns, CallbackList.QueueName, list.QueueName);
            return row;
        }

        private static void Set(Entity row, ColumnSet columns, string column, string? value)
        {
            if (columns.AllColumns || columns.Columns.Contains(column)) row[column] = value;
        }

        private static string Text(Guid id) => id.ToString("D", CultureInfo.InvariantCulture);
    }
}
