using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Growth.Hosting;

namespace Growth.Dashboard.Tests;

/// <summary>
/// One ingestion request traced from HTTP through the shard and journey grains to the ledger (an in-process listener
/// on the ASP.NET Core, Orleans and Growth sources), and <c>/metrics</c> closed to the public.
/// </summary>
[Collection(DashboardCollection.Name)]
public class TelemetryTests(DashboardHost host)
{
    static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    static object Event(string id, string kind, double hours, decimal amount = 0) =>
        new { journeyId = "traced-1", id, kind, at = (T0 + TimeSpan.FromHours(hours)).ToString("O"), amount, regionId = "north", teamId = "team-a", repId = "rep-a" };

    [Fact]
    public async Task One_ingestion_request_is_one_trace_from_http_through_the_grains_to_the_ledger()
    {
        await host.KeyForAsync("traced");   // the key first, so its creation is not part of the trace
        // The caller's trace: the test's own root span, sent as W3C traceparent as a CRM's instrumented client would.
        using var caller = new Activity("crm-feed").SetIdFormat(ActivityIdFormat.W3C).Start();
        var trace = caller.TraceId;
        var spans = new ConcurrentQueue<Activity>();
        var serverDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name is "Microsoft.AspNetCore" || s.Name == Grains.Runtime.GrowthTracing.SourceName || GrowthTelemetry.OrleansSources.Contains(s.Name),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                if (a.TraceId != trace) return;
                spans.Enqueue(a);
                if (a.Source.Name == "Microsoft.AspNetCore") serverDone.TrySetResult();
            },
        };
        ActivitySource.AddActivityListener(listener);

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/workspaces/traced/events")
        {
            Content = JsonContent.Create(new[]
            {
                Event("t-1", "LeadCreated", 0), Event("t-2", "Qualified", 1), Event("t-3", "OpportunityOpened", 2, 1000),
                Event("t-4", "Won", 50, 1200), Event("t-5", "OrderSigned", 51, 1200),
            }),
        };
        using var response = await host.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(5, (await response.Content.ReadFromJsonAsync<Application.Ingestion.IngestionResponse>())!.Accepted);

        // The server's span ends just after the answer is sent: wait for that event (not for a time).
        await serverDone.Task.WaitAsync(TimeSpan.FromMinutes(1));
        var all = spans.ToList();
        string Describe() => string.Join("\n", all.Select(a => $"{a.Source.Name}: {a.DisplayName} ({a.OperationName})"));
        var server = Assert.Single(all, a => a.Source.Name == "Microsoft.AspNetCore");
        var ingest = Assert.Single(all, a => a.OperationName == "growth.ingest");
        Assert.Equal(server.SpanId, ingest.ParentSpanId);
        Assert.Equal("traced", ingest.GetTagItem("growth.workspace"));
        // Grain calls under it: the shard (routing the batch), then the journey, each a span of the Orleans sources.
        Assert.True(all.Any(a => GrowthTelemetry.OrleansSources.Contains(a.Source.Name) && a.DisplayName.Contains("JourneyShard", StringComparison.Ordinal)), Describe());
        var journeyCalls = all.Where(a => GrowthTelemetry.OrleansSources.Contains(a.Source.Name) && a.DisplayName.Contains("IJourneyGrain", StringComparison.Ordinal)).ToList();
        Assert.True(journeyCalls.Count > 0, Describe());
        // The ledger write (the order's money) happens inside the journey grain's call, in the same trace.
        var ledger = Assert.Single(all, a => a.OperationName == "growth.ledger.append");
        Assert.Equal("traced-1", ledger.GetTagItem("growth.journey"));
        Assert.True(IsUnder(ledger, journeyCalls, all), Describe());
    }

    static bool IsUnder(Activity child, IReadOnlyList<Activity> ancestors, IReadOnlyList<Activity> all)
    {
        var byId = all.GroupBy(a => a.SpanId).ToDictionary(g => g.Key, g => g.First());
        for (var at = child; at is not null; at = byId.GetValueOrDefault(at.ParentSpanId))
            if (ancestors.Contains(at)) return true;
        return false;
    }

    [Fact]
    public async Task Metrics_are_refused_to_the_public_and_served_to_an_administrator()
    {
        using var anonymous = await host.Anonymous.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.DoesNotContain("growth_", await anonymous.Content.ReadAsStringAsync());
        var rep = await host.SignInAsAsync("demo:Rep:rep-1-1-1");
        Assert.Equal(HttpStatusCode.Forbidden, (await rep.Http.GetAsync("/metrics")).StatusCode);
        using var admin = await host.Http.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
    }
}

/// <summary>With <c>Metrics:Port</c>, <c>/metrics</c> answers on that port only (to Prometheus, no sign-in) and nowhere else.</summary>
public class MetricsPortTests
{
    [Fact]
    public async Task Metrics_answer_on_the_management_port_and_not_on_the_public_one_even_to_an_administrator()
    {
        var port = DashboardHost.FreePort();
        var host = new DashboardHost(0, DashboardHost.FreePort(), DashboardHost.FreePort(), $"--Metrics:Port={port}", "--Metrics:Address=127.0.0.1", "--Demo:Enabled=false");
        await host.InitializeAsync();
        try
        {
        using var scraper = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        using var scraped = await scraper.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, scraped.StatusCode);
        Assert.Contains("# TYPE", await scraped.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Anonymous.GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.Http.GetAsync("/metrics")).StatusCode);
        // The public port still serves everything else.
        Assert.Equal(HttpStatusCode.OK, (await host.Http.GetAsync("/api/session")).StatusCode);
        }
        finally { await host.DisposeAsync(); }
    }
}
