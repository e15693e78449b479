using System.Diagnostics;
using System.Globalization;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using VoiceForD365.Core.Schema;
using VoiceForD365.LocalOrg;
using VoiceForD365.LocalOrg.Samples;

namespace VoiceForD365.Bench;

/// <summary>
/// Stopwatch benchmarks of the local organization (no BenchmarkDotNet: one timed run of each entry, after a warm-up),
/// then the Enreach user ids entry (<see cref="EnreachUserIdsBench"/>), the Web API client entry (<see cref="WebApiBench"/>),
/// the phone call sync entry (<see cref="PhoneCallSyncBench"/>), the callback sync entry (<see cref="CallbackSyncBench"/>) and
/// the routing service's load entry (<see cref="RoutingBench"/>). Arguments name the entries to run (local, user-ids, web-api,
/// phone-calls, callbacks, routing; none: all)
/// and <c>--quick</c> runs the routing entry for 5 s a phase instead of 30. Exits non-zero when a paged query does not
/// return every row exactly once, in order, or when a target of another entry fails.
/// </summary>
public static class Program
{
    private const int Rows = 10_000;
    private const int WarmUpRows = 500;

    private const string Quick = "--quick";

    public static int Main(string[] args)
    {
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        // The entries by the name an argument gives them, in the order they run.
        var entries = new (string Name, Func<IReadOnlyList<string>> Run)[]
        {
            ("local", LocalOrganizationEntries),
            ("user-ids", () => EnreachUserIdsBench.Run(Console.Out)),
            ("web-api", () => WebApiBench.Run(Console.Out)),
            ("phone-calls", () => PhoneCallSyncBench.Run(Console.Out)),
            ("callbacks", () => CallbackSyncBench.Run(Console.Out)),
            ("routing", () => RoutingBench.Run(Console.Out, args.Contains(Quick) ? RoutingBench.Load.Quick : RoutingBench.Load.Full)),
        };
        var unknown = args.Where(a => a != Quick && entries.All(e => e.Name != a)).ToList();
        if (unknown.Count > 0)
        {
            Console.Error.WriteLine($"Unknown argument {string.Join(", ", unknown)}: name the entries to run ({string.Join(", ", entries.Select(e => e.Name))}; none: all), and {Quick} for the routing entry's 5 s a phase.");
            return 2;
        }
#if DEBUG
        Console.WriteLine("Warning: Debug build; run with -c Release for representative numbers.");
#endif
        var chosen = entries.Where(e => args.Contains(e.Name)).ToList();
        var failures = new List<string>();
        foreach (var (entry, index) in (chosen.Count == 0 ? entries.ToList() : chosen).Select((e, i) => (e, i)))
        {
            if (index > 0) Console.WriteLine();
            failures.AddRange(entry.Run());
        }
        foreach (var failure in failures) Console.Error.WriteLine("FAILED: " + failure);
        return failures.Count == 0 ? 0 : 1;
    }

    private static IReadOnlyList<string> LocalOrganizationEntries()
    {
        Console.WriteLine($"Local organization benchmarks: {Rows:N0} contacts, .NET {Environment.Version}, {Environment.ProcessorCount} processors, {Environment.OSVersion.Platform}");
        Console.WriteLine();

        // Warm-up: JIT the create and query paths on a throwaway organization.
        var warmUp = new LocalOrganization();
        CreateContacts(warmUp, WarmUpRows);
        PagedQuery(warmUp, 100, WarmUpRows);

        var results = new List<Result>();
        var org = new LocalOrganization();
        results.Add(CreateContacts(org, Rows));
        var failures = new List<string>();
        foreach (var pageSize in new[] { 5_000, 500 })
        {
            var (result, failure) = PagedQuery(org, pageSize, Rows);
            results.Add(result);
            if (failure != null) failures.Add(failure);
        }

        Print(results);
        return failures;
    }

    private static Result CreateContacts(LocalOrganization org, int count)
    {
        var service = org.Service;
        org.Requests.Reset();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < count; i++) service.Create(SampleData.GeneratedContact(i));
        watch.Stop();
        return new Result($"create {count:N0} contacts", count, Pages: null, org.Requests.Total, watch.Elapsed);
    }

    /// <summary>Reads every contact ordered by last name, page by page with the paging cookie, checking each row comes once and in order.</summary>
    private static (Result Result, string? Failure) PagedQuery(LocalOrganization org, int pageSize, int expectedRows)
    {
        var service = org.Service;
        var query = new QueryExpression(Contact.EntityName) { ColumnSet = new ColumnSet(Contact.LastName, Contact.Telephone1) };
        query.AddOrder(Contact.LastName, OrderType.Ascending);
        query.PageInfo = new PagingInfo { Count = pageSize, PageNumber = 1 };
        var seen = new HashSet<Guid>();
        var duplicates = 0;
        var outOfOrder = 0;
        var rows = 0;
        var pages = 0;
        string? previous = null;
        var finishedNames = new HashSet<string>(StringComparer.Ordinal);
        var maxPages = expectedRows / pageSize + 2;
        string? failure = null;

        org.Requests.Reset();
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var page = service.RetrieveMultiple(query);
            pages++;
            foreach (var row in page.Entities)
            {
                rows++;
                if (!seen.Add(row.Id)) duplicates++;
                // Ordered by last name, whatever the collation: each last name comes in one run, never again after another name.
                var lastName = row.GetAttributeValue<string>(Contact.LastName);
                if (rows > 1 && lastName != previous)
                {
                    finishedNames.Add(previous ?? "");
                    if (finishedNames.Contains(lastName ?? "")) outOfOrder++;
                }
                previous = lastName;
            }
            if (!page.MoreRecords) break;
            if (pages >= maxPages)
            {
                failure = $"page size {pageSize}: still MoreRecords after {pages} pages (expected at most {maxPages - 1})";
                break;
            }
            query.PageInfo.PageNumber++;
            query.PageInfo.PagingCookie = page.PagingCookie;
        }
        watch.Stop();

        var name = $"paged query, page size {pageSize:N0}";
        if (failure == null && (rows != expectedRows || seen.Count != expectedRows || duplicates != 0 || outOfOrder != 0))
            failure = $"{name}: {rows:N0} rows seen, {seen.Count:N0} distinct, {duplicates:N0} duplicates, {outOfOrder:N0} out of order; expected each of {expectedRows:N0} rows exactly once, ordered by {Contact.LastName}";
        return (new Result(name, rows, pages, org.Requests.Total, watch.Elapsed), failure);
    }

    private static void Print(IReadOnlyList<Result> results)
    {
        string[] headers = ["entry", "rows/ops", "pages", "requests", "total ms", "µs/op"];
        var rows = results.Select(r => new[]
        {
            r.Name,
            r.Count.ToString("N0"),
            r.Pages?.ToString("N0") ?? "-",
            r.Requests.ToString("N0"),
            r.Elapsed.TotalMilliseconds.ToString("N1"),
            (r.Elapsed.TotalMicroseconds / Math.Max(1, r.Count)).ToString("N2"),
        }).ToList();
        BenchTable.Write(Console.Out, headers, rows);
        Console.WriteLine();
        Console.WriteLine("µs/op: per create for creates, per row read for queries.");
    }

    private sealed record Result(string Name, int Count, int? Pages, int Requests, TimeSpan Elapsed);
}
