using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using VoiceForD365.Core.Data;
using VoiceForD365.Core.Numbers;
using VoiceForD365.Core.Schema;

namespace VoiceForD365.Core.Matching
{
    /// <summary>
    /// Finds the customer records (contacts, accounts, leads) of many caller numbers at once: the phone call sync, the
    /// callback sync and smart routing all find callers with it.
    /// </summary>
    /// <remarks>
    /// <para>Cost: one RetrieveMultiple per table per <see cref="MaxKeysPerQuery"/> distinct number keys, whatever the
    /// number of calls (more only when such a query returns over 5,000 records, which then come in pages). Each query
    /// asks for active records (open leads) whose key columns hold one of the keys (an <c>In</c> on each key column,
    /// OR'ed) and returns their id, name, created on and phone columns.</para>
    /// <para>Rule: among those candidates, a record matches when one of its phone columns, normalised, has the
    /// caller's key and is the caller's number by <see cref="PhoneNumber.Matches"/> (exact digits, or NumbersToCut +
    /// contains). The phone columns decide, not the keys, so a key left stale is only ever a missed candidate.</para>
    /// <para>Order of several matches, deterministic: contacts, then accounts, then leads; within a table the oldest
    /// (createdon) first, then the smallest id (compared as its text, 00000000-… first). MultipleMatchesPickFirst
    /// takes <see cref="CallerMatches.First"/>.</para>
    /// </remarks>
    public sealed class CallerMatcher
    {
        /// <summary>Distinct number keys asked for in one query.</summary>
        public const int MaxKeysPerQuery = 1000;

        private const int PageSize = 5000;

        private readonly IOrganizationService _service;
        private readonly Action<string> _trace;

        public CallerMatcher(IOrganizationService service, Action<string>? trace = null)
        {
            _service = service ?? throw new ArgumentNullException(nameof(service));
            _trace = trace ?? (_ => { });
        }

        /// <summary>The matches of each distinct number in <paramref name="numbers"/> (null and blank entries are skipped).</summary>
        public CallerMatchResult Match(IEnumerable<string> numbers, MatchOptions options)
        {
            if (numbers == null) throw new ArgumentNullException(nameof(numbers));
            if (options == null) throw new ArgumentNullException(nameof(options));
            var watch = Stopwatch.StartNew();

            // Distinct callers by normalised number, in the order first given.
            var callers = new List<Caller>();
            var byNumber = new Dictionary<string, Caller>(StringComparer.Ordinal);
            foreach (var number in numbers)
            {
                if (string.IsNullOrWhiteSpace(number)) continue;
                var key = CallerMatchResult.KeyOf(number);
                if (byNumber.ContainsKey(key)) continue;
                var caller = new Caller(number, PhoneNumber.Parse(number));
                byNumber.Add(key, caller);
                callers.Add(caller);
            }
            var byKey = callers.Where(c => c.Number != null).GroupBy(c => c.Number!.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);

            var keys = byKey.Keys.ToList();
            var candidates = 0;
            foreach (var table in CustomerTables.All)
            {
                for (var start = 0; start < keys.Count; start += MaxKeysPerQuery)
                {
                    var chunk = keys.GetRange(start, Math.Min(MaxKeysPerQuery, keys.Count - start));
                    foreach (var record in _service.RetrieveAll(CandidatesQuery(table, chunk), PageSize))
                    {
                        candidates++;
                        Collect(table, record, byKey, options);
                    }
                }
            }

            var results = callers.ToDictionary(c => c, c => new CallerMatches(c.Text, c.Number, c.Matches.OrderBy(m => m, MatchOrder.Instance).ToList()));
            var index = byNumber.ToDictionary(p => p.Key, p => results[p.Value], StringComparer.Ordinal);
            var result = new CallerMatchResult(callers.Select(c => results[c]).ToList(), index);
            _trace(string.Format(CultureInfo.InvariantCulture,
                "Matched {0} distinct numbers ({1} keys, {2}) against {3} candidate records in {4} ms: {5} with one match, {6} with several, {7} unknown.",
                callers.Count, keys.Count, options, candidates, watch.ElapsedMilliseconds,
                result.Numbers.Count(n => n.Count == CallerMatchCount.One),
                result.Numbers.Count(n => n.Count == CallerMatchCount.Several),
                result.Numbers.Count(n => n.Count == CallerMatchCount.None)));
            return result;
        }

        /// <summary>Active records of the table with one of the keys in any key column: id, name, created on and phone columns.</summary>
        private static QueryExpression CandidatesQuery(CustomerTable table, List<string> keys)
        {
            var query = new QueryExpression(table.LogicalName) { ColumnSet = new ColumnSet(table.PrimaryIdColumn, table.NameColumn, StandardColumns.CreatedOn) };
            query.ColumnSet.AddColumns(table.PhoneColumnNames.ToArray());
            query.Criteria.AddCondition(StandardColumns.StateCode, ConditionOperator.Equal, table.ActiveState);
            var anyKey = query.Criteria.AddFilter(LogicalOperator.Or);
            var values = keys.Cast<object>().ToArray();
            foreach (var keyColumn in table.KeyColumnNames) anyKey.AddCondition(keyColumn, ConditionOperator.In, values);
            query.Orders.Add(new OrderExpression(table.PrimaryIdColumn, OrderType.Ascending));
            return query;
        }

        private static void Collect(CustomerTable table, Entity record, Dictionary<string, List<Caller>> byKey, MatchOptions options)
        {
            foreach (var column in table.PhoneColumns)
            {
                var text = record.GetAttributeValue<string>(column.Column);
                var stored = PhoneNumber.Parse(text);
                if (stored == null || !byKey.TryGetValue(stored.Key, out var callers)) continue;
                foreach (var caller in callers)
                {
                    if (caller.Matched.Contains(record.Id) || !caller.Number!.Matches(stored, options.NumbersToCut)) continue;
                    caller.Matched.Add(record.Id);
                    caller.Matches.Add(new CallerMatch(table.LogicalName, record.Id, record.GetAttributeValue<string>(table.NameColumn), column.Column, text!,
                        record.GetAttributeValue<DateTime?>(StandardColumns.CreatedOn)));
                }
            }
        }

        /// <summary>One distinct caller number and what it matched so far.</summary>
        private sealed class Caller
        {
            public Caller(string text, PhoneNumber? number)
            {
                Text = text;
                Number = number;
            }

            public string Text { get; }

            public PhoneNumber? Number { get; }

            public List<CallerMatch> Matches { get; } = new List<CallerMatch>();

            /// <summary>Ids already matched (a record matches once, on its first matching column).</summary>
            public HashSet<Guid> Matched { get; } = new HashSet<Guid>();
        }

        /// <summary>The documented order: table (contact, account, lead), then createdon (oldest first), then id as text.</summary>
        private sealed class MatchOrder : IComparer<CallerMatch>
        {
            public static readonly MatchOrder Instance = new MatchOrder();

            public int Compare(CallerMatch? x, CallerMatch? y)
            {
                if (ReferenceEquals(x, y)) return 0;
                if (x == null) return -1;
                if (y == null) return 1;
                var byTable = TableRank(x.Table).CompareTo(TableRank(y.Table));
                if (byTable != 0) return byTable;
                var byCreated = DateTime.Compare(x.CreatedOn ?? DateTime.MaxValue, y.CreatedOn ?? DateTime.MaxValue);
                if (byCreated != 0) return byCreated;
                return string.CompareOrdinal(x.Id.ToString("D"), y.Id.ToString("D"));
            }

            private static int TableRank(string table)
            {
                for (var i = 0; i < CustomerTables.All.Count; i++)
                {
                    if (string.Equals(CustomerTables.All[i].LogicalName, table, StringComparison.Ordinal)) return i;
                }
                return int.MaxValue;
            }
        }
    }
}
