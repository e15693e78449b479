using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using VoiceForD365.Core.Data;
using VoiceForD365.Core.Schema;

namespace VoiceForD365.Core.Numbers
{
    /// <summary>
    /// Gives existing customer records (those saved before the solution, or by an import that bypassed plug-ins) the
    /// number keys the key plug-in keeps for new saves. It reads each table page by page (paging cookie, 5,000 a
    /// page: id, phone and key columns only), computes the keys in memory and updates only the records whose keys
    /// differ, setting nothing but their key columns, in ExecuteMultiple batches (ContinueOnError). Each update
    /// carries the row version it read, so a record someone changes meanwhile is left to the plug-in rather than
    /// overwritten with a key of its old number. Idempotent: a second run reads everything and writes nothing.
    /// </summary>
    /// <remarks>
    /// A failed update is reported with its record and Dataverse's error and the rebuild goes on; a fault of a whole
    /// batch (the organization unreachable, throttling beyond the client's retries) stops it with that fault: what
    /// it wrote is kept, and running it again continues, as records already right cost no write.
    /// </remarks>
    public sealed class NumberKeyRebuilder
    {
        /// <summary>The most requests Dataverse accepts in one ExecuteMultiple.</summary>
        public const int MaxBatchSize = 1000;

        private const int PageSize = 5000;

        private readonly IOrganizationService _service;
        private readonly Action<string> _trace;
        private readonly int _batchSize;

        public NumberKeyRebuilder(IOrganizationService service, Action<string>? trace = null, int batchSize = MaxBatchSize)
        {
            _service = service ?? throw new ArgumentNullException(nameof(service));
            if (batchSize < 1 || batchSize > MaxBatchSize)
                throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "A batch holds from 1 to " + MaxBatchSize.ToString(CultureInfo.InvariantCulture) + " updates.");
            _trace = trace ?? (_ => { });
            _batchSize = batchSize;
        }

        /// <summary>Rebuilds the keys of every customer table (<see cref="CustomerTables.All"/>).</summary>
        public NumberKeyRebuildSummary Rebuild()
        {
            var tables = new List<NumberKeyTableSummary>();
            foreach (var table in CustomerTables.All) tables.Add(Rebuild(table));
            return new NumberKeyRebuildSummary(tables);
        }

        /// <summary>Rebuilds the keys of one table's records, active or not (a record reactivated later keeps right keys).</summary>
        public NumberKeyTableSummary Rebuild(CustomerTable table)
        {
            if (table == null) throw new ArgumentNullException(nameof(table));
            var watch = Stopwatch.StartNew();
            var query = new QueryExpression(table.LogicalName) { ColumnSet = new ColumnSet(table.PrimaryIdColumn) };
            foreach (var column in table.PhoneColumns) query.ColumnSet.AddColumns(column.Column, column.KeyColumn);
            query.Orders.Add(new OrderExpression(table.PrimaryIdColumn, OrderType.Ascending));

            var run = new TableRun(table);
            var batch = new List<Entity>(_batchSize);
            foreach (var record in _service.RetrieveAll(query, PageSize))
            {
                run.Read++;
                var stale = NumberKeys.Stale(record, table);
                if (stale.Count == 0) continue;
                var update = new Entity(table.LogicalName, record.Id) { RowVersion = record.RowVersion };
                foreach (var key in stale) update[key.Key] = key.Value;
                batch.Add(update);
                if (batch.Count == _batchSize) Send(batch, run);
            }
            if (batch.Count > 0) Send(batch, run);

            var summary = new NumberKeyTableSummary(table.LogicalName, run.Read, run.Updated, run.ChangedMeanwhile, run.Batches, run.Failures);
            _trace(summary + " in " + watch.ElapsedMilliseconds.ToString(CultureInfo.InvariantCulture) + " ms, " + run.Batches.ToString(CultureInfo.InvariantCulture) + " batches.");
            return summary;
        }

        private void Send(List<Entity> batch, TableRun run)
        {
            var request = new ExecuteMultipleRequest
            {
                Requests = new OrganizationRequestCollection(),
                Settings = new ExecuteMultipleSettings { ContinueOnError = true, ReturnResponses = false },
            };
            foreach (var update in batch)
            {
                // Without a row version (a table without optimistic concurrency) the update is unconditional.
                var concurrency = string.IsNullOrEmpty(update.RowVersion) ? ConcurrencyBehavior.Default : ConcurrencyBehavior.IfRowVersionMatches;
                request.Requests.Add(new UpdateRequest { Target = update, ConcurrencyBehavior = concurrency });
            }
            var response = (ExecuteMultipleResponse)_service.Execute(request);
            run.Batches++;
            var faulted = 0;
            foreach (var item in response.Responses)
            {
                if (item.Fault == null) continue;
                faulted++;
                var id = batch[item.RequestIndex].Id;
                if (item.Fault.ErrorCode == ErrorCodes.ConcurrencyVersionMismatch)
                {
                    run.ChangedMeanwhile++;
                    _trace(run.Table.LogicalName + " " + id.ToString("D") + " changed since it was read: not written.");
                    continue;
                }
                run.Failures.Add(new NumberKeyFailure(run.Table.LogicalName, id, item.Fault.ErrorCode, item.Fault.Message));
                _trace(run.Table.LogicalName + " " + id.ToString("D") + ": keys not written: " + item.Fault.Message);
            }
            run.Updated += batch.Count - faulted;
            batch.Clear();
        }

        /// <summary>The counts of one table's rebuild while it runs.</summary>
        private sealed class TableRun
        {
            public TableRun(CustomerTable table) => Table = table;

            public CustomerTable Table { get; }

            public int Read { get; set; }

            public int Updated { get; set; }

            public int ChangedMeanwhile { get; set; }

            public int Batches { get; set; }

            public List<NumberKeyFailure> Failures { get; } = new List<NumberKeyFailure>();
        }
    }
}
