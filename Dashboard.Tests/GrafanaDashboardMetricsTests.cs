using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Growth.Grains.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace Growth.Dashboard.Tests;

/// <summary>
/// The Grafana dashboard in docker/ asks only for metrics a running Growth host really serves: every metric name in
/// its PromQL expressions is a series of a scrape of the host's own <c>/metrics</c>, after the host has ingested events
/// and published a snapshot (so every one of Growth's instruments has a value). A dashboard asking for a name nobody
/// exports shows empty panels and no error.
/// </summary>
/// <remarks>
/// The test starts a host of its own and scrapes it on its management port, as Prometheus does. On the collection's
/// shared host (whose process holds dozens of hosts over a test run, all with meters of the same names) the scrape once
/// held nothing but <c>target_info</c> in two full runs (never when run alone): what a long-lived test host
/// exports is not what this test is about.
/// </remarks>
public partial class GrafanaDashboardMetricsTests
{
    const string Workspace = "grafana-scrape";

    [Fact]
    public async Task Every_metric_the_grafana_dashboard_queries_is_in_a_scrape_of_a_running_host()
    {
        var port = DashboardHost.FreePort();
        var host = new DashboardHost(0, DashboardHost.FreePort(), DashboardHost.FreePort(), $"--Metrics:Port={port}", "--Metrics:Address=127.0.0.1", "--Demo:Enabled=false");
        await host.InitializeAsync();
        try
        {
            using var scraper = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await ScrapeAfterIngestingAsync(host, scraper);
        }
        finally { await host.DisposeAsync(); }
    }

    static async Task ScrapeAfterIngestingAsync(DashboardHost host, HttpClient scraper)
    {
        // The snapshot lag is recorded when this host publishes a snapshot: wait for that event, not for a time.
        var meters = host.App.Services.GetRequiredService<IMeterFactory>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (i, l) => { if (i.Meter.Name == GrowthMetrics.MeterName && ReferenceEquals(i.Meter.Scope, meters)) l.EnableMeasurementEvents(i); },
        };
        var published = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        listener.SetMeasurementEventCallback<double>((i, _, _, _) => { if (i.Name == "growth.snapshot.lag") published.TrySetResult(); });
        listener.Start();
        // An instrument shows in a scrape once it has been measured and collected, which may take a scrape after the
        // activity that feeds it (the exporter also answers a scrape from its short cache): ingest, wait for the
        // snapshot it publishes, scrape; up to five rounds, until every name the dashboard queries is there (a counter
        // such as growth_ingest_events_total may show a round after the snapshot's lag).
        var queried = Expressions().SelectMany(MetricNames).ToHashSet();
        var at = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        var served = new HashSet<string>();
        for (var round = 0; round < 5 && !queried.All(served.Contains); round++)
        {
            published = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using var ingested = await host.Http.PostAsJsonAsync($"/api/workspaces/{Workspace}/events", new[]
            {
                new { journeyId = $"scraped-{round}", id = $"s-{round}-1", kind = "LeadCreated", at = at.ToString("O"), amount = 0m, regionId = "north", teamId = "team-a", repId = "rep-a" },
                new { journeyId = $"scraped-{round}", id = $"s-{round}-2", kind = "Qualified", at = at.AddHours(1).ToString("O"), amount = 0m, regionId = "north", teamId = "team-a", repId = "rep-a" },
            });
            Assert.True(ingested.StatusCode == HttpStatusCode.OK, await ingested.Content.ReadAsStringAsync());
            await published.Task.WaitAsync(TimeSpan.FromMinutes(2));
            using var scrape = await scraper.GetAsync("/metrics");
            Assert.Equal(HttpStatusCode.OK, scrape.StatusCode);
            served = Series(await scrape.Content.ReadAsStringAsync()).ToHashSet();
        }
        Assert.True(served.Any(s => s.StartsWith("growth_", StringComparison.Ordinal)), $"the scrape served no growth_ series: {string.Join(", ", served.Order())}");

        Assert.True(queried.Count >= 4, string.Join(", ", queried));
        var missing = queried.Where(q => !served.Contains(q)).ToList();
        Assert.True(missing.Count == 0, $"the dashboard queries {string.Join(", ", missing)}, which the host does not serve; " +
            $"it serves {string.Join(", ", served.Where(s => s.StartsWith("growth_", StringComparison.Ordinal)).Order())}");
    }

    [Fact]
    public void The_promql_reader_finds_metric_names_and_skips_functions_labels_and_ranges()
    {
        Assert.Equal(["growth_snapshot_lag_milliseconds_bucket"],
            MetricNames("histogram_quantile(0.95, sum by (le) (rate(growth_snapshot_lag_milliseconds_bucket{job=\"silo\"}[5m])))"));
        Assert.Equal(["a_total", "b"], MetricNames("sum without (instance) (rate(a_total[1m])) / on (job) group_left max(b) > bool 0"));
    }

    /// <summary>Every PromQL expression of the dashboard, panels in rows included.</summary>
    static List<string> Expressions()
    {
        using var dashboard = JsonDocument.Parse(File.ReadAllText(Path.Combine(DeploymentTests.Repo(), "docker", "grafana", "dashboards", "growth.json")));
        var found = new List<string>();
        void Walk(JsonElement e)
        {
            if (e.ValueKind == JsonValueKind.Object)
                foreach (var p in e.EnumerateObject())
                    if (p.Name == "expr" && p.Value.ValueKind == JsonValueKind.String) found.Add(p.Value.GetString()!);
                    else Walk(p.Value);
            else if (e.ValueKind == JsonValueKind.Array)
                foreach (var item in e.EnumerateArray()) Walk(item);
        }
        Walk(dashboard.RootElement);
        return found;
    }

    static readonly HashSet<string> Keywords = ["and", "or", "unless", "bool", "offset", "inf", "nan", "group_left", "group_right", "on", "ignoring", "by", "without"];

    /// <summary>The metric names a PromQL expression selects: identifiers that are not functions, keywords, label lists, matchers or ranges.</summary>
    public static List<string> MetricNames(string expression)
    {
        var s = Grouping().Replace(expression, " ");
        s = Braced().Replace(s, " ");
        return Identifier().Matches(s).Select(m => m.Value).Where(n => !Keywords.Contains(n)).Distinct().ToList();
    }

    /// <summary>The metric names of a Prometheus text exposition's samples.</summary>
    static HashSet<string> Series(string exposition) =>
        exposition.Split('\n').Where(l => l.Length > 0 && l[0] != '#').Select(l => l[..l.IndexOfAny(['{', ' '])]).ToHashSet();

    [GeneratedRegex(@"\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)")]
    private static partial Regex Grouping();

    [GeneratedRegex(@"\{[^}]*\}|\[[^\]]*\]|""[^""]*""")]
    private static partial Regex Braced();

    [GeneratedRegex(@"(?<![\w.])[a-zA-Z_:][a-zA-Z0-9_:]*\b(?!\s*\()")]
    private static partial Regex Identifier();
}
