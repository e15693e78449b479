using System.Diagnostics;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using VoiceForD365.Core.Schema;
using VoiceForD365.LocalOrg;
using VoiceForD365.LocalOrg.Samples;
using VoiceForD365.WebApiClient;

namespace VoiceForD365.Bench;

/// <summary>
/// The product's Web API client against the local organization over HTTP on loopback (vfd serve's server): 1,000
/// creates one by one and as one $batch, and reading 10,000 rows in pages of 5,000. Request counts are exact; the
/// real time is loopback's, so a simulated time adds a round trip to Dataverse online per HTTP request.
/// </summary>
public static class WebApiBench
{
    /// <summary>The round trip to an organization online this entry assumes (Europe to a nearby region).</summary>
    public static readonly TimeSpan RoundTrip = TimeSpan.FromMilliseconds(100);

    private const int Creates = 1000;
    private const int Rows = 10_000;

    /// <returns>The failed targets (empty when all passed).</returns>
    public static IReadOnlyList<string> Run(TextWriter output)
    {
        var failures = new List<string>();
        var organization = new LocalOrganization();
        using var server = LocalOrgServer.LocalOrgServer.Start(organization);
        using var client = new DataverseWebApiClient(server.ConnectionString);
        client.Execute(new OrganizationRequest(MessageNames.WhoAmI));
        client.Create(SampleData.GeneratedContact(Rows - 1)); // reads the contact metadata once, outside the measurements

        output.WriteLine($"Web API client against the local organization over HTTP on 127.0.0.1 (simulated: + {RoundTrip.TotalMilliseconds:N0} ms round trip per HTTP request)");
        output.WriteLine();
        var results = new List<(string Name, long Requests, TimeSpan Real)>();

        var (requests, real) = Measure(server, () =>
        {
            for (var i = 0; i < Creates; i++) client.Create(SampleData.GeneratedContact(i));
        });
        results.Add(($"{Creates:N0} creates one by one", requests, real));
        Check(failures, requests == Creates, $"one by one: {requests} HTTP requests for {Creates} creates, expected {Creates}");

        var batch = new ExecuteMultipleRequest { Requests = new OrganizationRequestCollection(), Settings = new ExecuteMultipleSettings { ReturnResponses = true } };
        for (var i = 0; i < Creates; i++) batch.Requests.Add(new CreateRequest { Target = SampleData.GeneratedContact(Creates + i) });
        ExecuteMultipleResponse response = null!;
        (requests, real) = Measure(server, () => response = (ExecuteMultipleResponse)client.Execute(batch));
        results.Add(($"{Creates:N0} creates as one $batch", requests, real));
        Check(failures, requests == 1, $"$batch: {requests} HTTP requests, expected 1");
        Check(failures, !response.IsFaulted && response.Responses.Count == Creates, $"$batch: {response.Responses.Count} responses (faulted: {response.IsFaulted}), expected {Creates} without faults");

        for (var i = 2 * Creates; i < Rows - 1; i++) organization.Service.Create(SampleData.GeneratedContact(i));
        var seen = new HashSet<Guid>();
        var pages = 0;
        (requests, real) = Measure(server, () =>
        {
            var query = new QueryExpression(Contact.EntityName) { ColumnSet = new ColumnSet(Contact.LastName, Contact.Telephone1), PageInfo = new PagingInfo { Count = 5000, PageNumber = 1 } };
            while (true)
            {
                var page = client.RetrieveMultiple(query);
                pages++;
                foreach (var row in page.Entities) seen.Add(row.Id);
                if (!page.MoreRecords || pages > Rows / 5000 + 1) break;
                query.PageInfo.PageNumber++;
                query.PageInfo.PagingCookie = page.PagingCookie;
            }
        });
        results.Add(($"read {Rows:N0} rows in pages of 5,000", requests, real));
        Check(failures, pages == Rows / 5000 && requests == pages && seen.Count == Rows, $"paging: {pages} pages, {requests} HTTP requests, {seen.Count} distinct rows; expected {Rows / 5000}, {Rows / 5000}, {Rows}");

        string[] headers = ["entry", "HTTP requests", "real ms", "simulated s"];
        var rows = results.Select(r => new[] { r.Name, r.Requests.ToString("N0"), r.Real.TotalMilliseconds.ToString("N0"), (r.Real + RoundTrip * r.Requests).TotalSeconds.ToString("N1") }).ToList();
        BenchTable.Write(output, headers, rows);
        foreach (var failure in failures) output.WriteLine("FAIL " + failure);
        return failures;
    }

    private static (long Requests, TimeSpan Real) Measure(LocalOrgServer.LocalOrgServer server, Action run)
    {
        server.Requests.Reset();
        var watch = Stopwatch.StartNew();
        run();
        watch.Stop();
        return (server.Requests.Count, watch.Elapsed);
    }

    private static void Check(List<string> failures, bool passed, string failure)
    {
        if (!passed) failures.Add(failure);
    }
}
