using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using System.Diagnostics.Metrics;
using VoiceForD365.Core.Enreach;
using VoiceForD365.Core.PhoneCalls;
using VoiceForD365.Emulator;
using VoiceForD365.LocalOrg.Samples;
using VoiceForD365.SyncWorker;
using VoiceForD365.Tests.PhoneCalls;
using Xunit;

namespace VoiceForD365.Tests.SyncWorker;

/// <summary>One organization's runs as the worker makes them: Enreach settings from the organization, logs, metrics.</summary>
public sealed class OrganizationSyncTests
{
    [Fact]
    public async Task Run_Should_CountCallEventsByOutcomeAndSkipReasonTheRunAndItsRequestsInTheMeter()
    {
        await using var rig = await SyncRig.StartAsync();
        EnvironmentVariableValues.SetEnreach(rig.Service, rig.Emulator.ApiUserName, rig.Emulator.ApiSecret, rig.Emulator.ApiEndpoint);
        rig.Direct();
        rig.Direct(classification: EnreachEmulatorClassification.Private);
        rig.Direct(classification: EnreachEmulatorClassification.Unclassified);
        rig.Set(Core.Settings.SettingNames.CallDurationLimit, "30");
        rig.Direct(seconds: 12);
        using var provider = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meters = provider.GetRequiredService<IMeterFactory>();
        using var calls = new MetricCollector<long>(meters, SyncMetrics.MeterName, "vfd.sync.calls");
        using var runs = new MetricCollector<long>(meters, SyncMetrics.MeterName, "vfd.sync.runs");
        using var duration = new MetricCollector<double>(meters, SyncMetrics.MeterName, "vfd.sync.run.duration");
        using var enreach = new MetricCollector<long>(meters, SyncMetrics.MeterName, "vfd.sync.enreach.requests");
        using var dataverse = new MetricCollector<long>(meters, SyncMetrics.MeterName, "vfd.sync.dataverse.requests");
        using var sync = InProcess(rig, new SyncMetrics(meters));
        var enreachBefore = rig.Emulator.Requests.Total;
        var dataverseBefore = rig.Org.Requests.Total;

        var summary = await sync.RunAsync(PhoneCallSyncMode.Scheduled);

        Assert.True(summary.Succeeded, summary.ToString());
        var byTags = calls.GetMeasurementSnapshot().ToDictionary(m => string.Join(",", m.Tags.OrderBy(t => t.Key).Select(t => $"{t.Key}={t.Value}")), m => m.Value);
        Assert.Equal(new Dictionary<string, long>
        {
            ["organization=north,outcome=created"] = 1,
            ["organization=north,outcome=skipped,reason=not_work"] = 2,
            ["organization=north,outcome=skipped,reason=too_short"] = 1,
        }, byTags);
        var run = Assert.Single(runs.GetMeasurementSnapshot());
        Assert.Equal(("north", "continuous", "succeeded"), ((string?)run.Tags["organization"], (string?)run.Tags["kind"], (string?)run.Tags["status"]));
        Assert.Equal(summary.Duration.TotalSeconds, Assert.Single(duration.GetMeasurementSnapshot()).Value);
        Assert.Equal(rig.Emulator.Requests.Total - enreachBefore, Assert.Single(enreach.GetMeasurementSnapshot()).Value);
        Assert.Equal(rig.Org.Requests.Total - dataverseBefore, Assert.Single(dataverse.GetMeasurementSnapshot()).Value);
    }

    [Fact]
    public async Task Run_Should_LogItsSummaryAndEachDecisionAsStructuredEventsAndNeverASecret()
    {
        await using var served = await ServedSyncRig.StartAsync();
        served.Rig.Direct();
        served.Rig.Direct(classification: EnreachEmulatorClassification.Private);
        var logs = new FakeLogCollector();
        using var loggers = LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(logs)));
        using var metrics = new SyncMetrics();
        using var sync = OrganizationSync.Connect(served.Organization, new SyncWorkerOptions { WorkerId = "worker-1" }, metrics, loggers, served.Rig.Clock);

        var summary = await sync.RunAsync(PhoneCallSyncMode.Scheduled);

        Assert.True(summary.Succeeded, summary.ToString());
        var records = logs.GetSnapshot();
        var ended = Assert.Single(records, r => r.Id.Name == "RunEnded");
        Assert.Equal(LogLevel.Information, ended.Level);
        Assert.Contains(": continuous run Succeeded: 1 created, 0 merged, 0 already logged, 1 skipped (NotWork 1), 0 failed of 2 call events", ended.Message);
        Assert.Equal("1", ended.GetStructuredStateValue("Created"));
        var decisions = records.Where(r => r.Category == OrganizationSync.DecisionsLogCategory).ToList();
        Assert.Equal(summary.Decisions.Select(d => served.Name + ": " + d), decisions.Select(d => d.Message));
        Assert.Contains(records, r => r.Category == OrganizationSync.TraceLogCategory && r.Level == LogLevel.Debug);
        foreach (var secret in new[] { served.Rig.Emulator.ApiSecret, served.Server.Token })
            Assert.DoesNotContain(records, r => (r.Message + r.Exception).Contains(secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task EnreachVariablesNotSetInTheOrganization_Should_NotStartTheRunAndSayWhatToSetWhere()
    {
        await using var rig = await SyncRig.StartAsync();
        rig.Direct();
        using var sync = InProcess(rig, new SyncMetrics());

        var e = await Assert.ThrowsAsync<OrganizationSyncException>(() => sync.RunAsync(PhoneCallSyncMode.Scheduled));

        Assert.Contains("The Enreach API is not configured in north", e.Message);
        Assert.Contains(EnreachEnvironmentVariables.ApiUserName, e.Message);
        Assert.Contains("Environment variables", e.Message);
        Assert.Empty(rig.PhoneCalls());
    }

    [Fact]
    public async Task SecretCorrectedInDynamics_Should_BeUsedByTheNextRun()
    {
        await using var rig = await SyncRig.StartAsync();
        EnvironmentVariableValues.SetEnreach(rig.Service, rig.Emulator.ApiUserName, "not-the-secret-at-all", rig.Emulator.ApiEndpoint);
        rig.Direct();
        using var sync = InProcess(rig, new SyncMetrics());

        var refused = await sync.RunAsync(PhoneCallSyncMode.Scheduled);
        EnvironmentVariableValues.Set(rig.Service, EnreachEnvironmentVariables.ApiSecret, rig.Emulator.ApiSecret);
        var accepted = await sync.RunAsync(PhoneCallSyncMode.Scheduled);

        Assert.Equal(PhoneCallSyncStatus.Failed, refused.Status);
        Assert.Contains("Enreach", refused.Message);
        Assert.True(accepted.Succeeded, accepted.ToString());
        Assert.Equal(1, accepted.Created);
    }

    /// <summary>The rig's organization in process (its own request count), named north.</summary>
    private static OrganizationSync InProcess(SyncRig rig, SyncMetrics metrics) =>
        new("north", new Uri("https://north.crm4.dynamics.com/"), rig.Service, () => rig.Org.Requests.Total, new SyncWorkerOptions { WorkerId = "worker-1" }, metrics, time: rig.Clock);
}
